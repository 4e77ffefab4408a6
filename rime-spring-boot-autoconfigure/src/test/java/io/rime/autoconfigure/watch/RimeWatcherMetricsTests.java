package io.rime.autoconfigure.watch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.client.CustomImage;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.WatcherTestSupport.TestGate;
import io.rime.emulator.MutableClock;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static io.rime.watch.WatcherTestSupport.TTL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's meters after a known sequence: one job of each final status, one that expired,
 * one running, one pending, and an outage.
 */
class RimeWatcherMetricsTests {

	private static final Pattern README_ROW = Pattern.compile("^\\| `([a-z.]+)` \\|([^|]+)\\|([^|]+)\\|",
			Pattern.MULTILINE);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private final TestGate gate = new TestGate();

	private final RecordedEvents events = new RecordedEvents();

	private RimeEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(this.clock);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class,
					ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
					CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.withPropertyValues(WatcherTestSupport.properties(this.emulator))
			.withBean(RimeWatcherGate.class, () -> this.gate)
			.withBean(RecordedEvents.class, () -> this.events);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void metersCountJobsByStatusFinishesByFinalStatusAndFailedPolls() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		this.contextRunner.run((context) -> {
			RimeClient client = context.getBean(RimeClient.class);
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			RimeStressTestJob succeeds = client.startStressTest(config);
			RimeStressTestJob fails = client.startStressTest(config, null, new CustomImage("x/does-not-exist:1"));
			RimeStressTestJob cancelled = client.startStressTest(config);
			this.gate.awaitCycles(2);
			assertThat(gauge(meters, JobStatus.PENDING)).isEqualTo(3);
			cancelled.cancel();
			this.clock.advance(PENDING.plus(RUNNING).plusSeconds(1));
			this.events.awaitFinished(succeeds.jobId(), JobStatus.SUCCEEDED);
			this.events.awaitFinished(fails.jobId(), JobStatus.FAILING);
			this.events.awaitFinished(cancelled.jobId(), JobStatus.CANCELLED);

			RimeStressTestJob expires = client.startStressTest(config);
			this.gate.awaitCycles(2);
			this.gate.open.set(false);
			this.gate.awaitCycles(1);
			this.clock.advance(PENDING.plus(RUNNING).plus(TTL).plusMinutes(1));
			RimeStressTestJob running = client.startStressTest(config);
			this.clock.advance(PENDING);
			client.startStressTest(config);
			this.gate.open.set(true);
			this.events.awaitFinished(expires.jobId(), JobStatus.UNKNOWN_JOB_STATUS);
			Awaitility.await().until(() -> !this.events.changes(running.jobId()).isEmpty());

			this.emulator.faults().add(Fault.on("GET", "/v1/**").status(503));
			Awaitility.await().until(() -> watcher.pollErrorCount() >= 3);
			this.gate.open.set(false);
			this.gate.awaitCycles(1);
			this.emulator.faults().clear();

			long errors = watcher.pollErrorCount();
			assertThat(gauge(meters, JobStatus.RUNNING)).isEqualTo(1);
			assertThat(gauge(meters, JobStatus.PENDING)).isEqualTo(1);
			for (JobStatus status : new JobStatus[] { JobStatus.SUCCEEDED, JobStatus.FAILING, JobStatus.CANCELLED,
					JobStatus.UNKNOWN_JOB_STATUS }) {
				assertThat(meters.get("rime.jobs.finished").tag("status", status.name()).functionCounter().count())
					.as(status.name())
					.isEqualTo(1);
			}
			assertThat(meters.get("rime.watcher.poll.errors").functionCounter().count()).isEqualTo(errors);
			assertThat(meters.get("rime.watcher.poll").tag("outcome", "FAILURE").timer().count()).isEqualTo(errors);
			assertThat(meters.get("rime.watcher.poll").tag("outcome", "SUCCESS").timer().count())
				.isPositive();
			// Cycles in progress: a long task timer without tags (no outcome before a cycle has one).
			assertThat(meters.get("rime.watcher.poll.active").longTaskTimer().getId().getTags()).isEmpty();
			assertThat(meters.getMeters()).filteredOn(this::isWatcherMeter)
				.flatExtracting((meter) -> meter.getId().getTags())
				.extracting(Tag::getKey)
				.containsOnly("status", "outcome", "error");
		});
	}

	@Test
	void theReadmeMetricsTableGivesTheTypeAndTagsOfEachWatcherMeter() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("### Metrics");
		Matcher row = README_ROW.matcher(readme.substring(start, readme.indexOf("\n###", start + 1)));
		Map<String, String> documented = new TreeMap<>();
		while (row.find()) {
			if (row.group(1).startsWith("rime.watcher") || row.group(1).startsWith("rime.jobs")) {
				String tags = row.group(3).replaceAll("\\([^)]*\\)", "");
				documented.put(row.group(1), row.group(2).trim() + " " + backticked(tags));
			}
		}
		this.contextRunner.run((context) -> {
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			this.gate.awaitCycles(3);
			Map<String, String> registered = new TreeMap<>();
			meters.getMeters().stream().filter(this::isWatcherMeter).forEach((meter) -> registered.put(
					meter.getId().getName(), type(meter) + " " + new TreeSet<>(meter.getId().getTags().stream()
						.map(Tag::getKey).toList())));
			assertThat(registered).isEqualTo(documented);
			assertThat(meters.get("rime.watcher.jobs").gauges()).extracting((gauge) -> gauge.getId().getTag("status"))
				.containsExactlyInAnyOrder("PENDING", "RUNNING");
			assertThat(meters.get("rime.jobs.finished").functionCounters())
				.extracting((counter) -> counter.getId().getTag("status"))
				.containsExactlyInAnyOrder("SUCCEEDED", "FAILING", "CANCELLED", "UNKNOWN_JOB_STATUS");
		});
	}

	private static String type(Meter meter) {
		return switch (meter.getId().getType()) {
			case GAUGE -> "gauge";
			case COUNTER -> "counter";
			case TIMER -> "timer";
			case LONG_TASK_TIMER -> "long task timer";
			default -> meter.getId().getType().name();
		};
	}

	private static Set<String> backticked(String cell) {
		Set<String> names = new TreeSet<>();
		Matcher name = Pattern.compile("`([^`]+)`").matcher(cell);
		while (name.find()) {
			names.add(name.group(1));
		}
		return names;
	}

	private boolean isWatcherMeter(Meter meter) {
		return meter.getId().getName().startsWith("rime.watcher") || meter.getId().getName().startsWith("rime.jobs");
	}

	private static double gauge(MeterRegistry meters, JobStatus status) {
		return meters.get("rime.watcher.jobs").tag("status", status.name()).gauge().value();
	}

}
