package io.rime.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.health.RimeHealthIndicator;
import io.rime.reliability.ReliabilityTestSupport.SummaryTable;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.WatcherTestSupport.TestGate;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outage: RIME goes away for 20 poll intervals while the watched jobs finish, then comes back with
 * its state. Gone means either every connection closed without an answer (the emulator's fault) or
 * every connection refused (a front that stops listening). The application's health turns DOWN
 * once the cached answer is older than the cache TTL and UP after, the watcher logs one WARN and
 * one INFO, and each job's end is announced once, after the recovery. Prints the timeline.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutageTests {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

	private static final int OUTAGE_POLL_INTERVALS = 20;

	private static final Duration CACHE_TTL = Duration.ofMillis(500);

	private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(1);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private final RimeEmulator emulator = WatcherTestSupport.emulator(this.clock);

	private final RecordedEvents events = new RecordedEvents();

	private final TestGate gate = new TestGate();

	private final SwitchableFront front = new SwitchableFront(this.emulator.baseUrl());

	@AfterEach
	void stop() {
		this.front.close();
		this.emulator.close();
	}

	@ParameterizedTest
	@EnumSource
	void whileRimeIsGoneHealthIsDownAndAfterwardsEachFinishIsDeliveredOnceWithOneWarnAndOneInfo(Outage outage,
			CapturedOutput output) {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		try (RimeClient otherApplication = RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.build()) {
			ReliabilityTestSupport.contextRunner(this.emulator, this.front.address(), this.events,
					"rime.watcher.poll-interval=" + POLL_INTERVAL.toMillis() + "ms",
					"rime.health.cache-ttl=" + CACHE_TTL.toMillis() + "ms",
					"rime.health.timeout=" + HEALTH_TIMEOUT.toMillis() + "ms")
				.withBean(RimeWatcherGate.class, () -> this.gate)
				.run((context) -> {
					RimeClient client = context.getBean(RimeClient.class);
					RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
					RimeHealthIndicator health = context.getBean(RimeHealthIndicator.class);
					List<RimeStressTestJob> jobs = List.of(client.startStressTest(config),
							client.startStressTest(config), client.startStressTest(config),
							otherApplication.startStressTest(config, this.emulator.defaultProjectId()));
					this.gate.awaitCycles(2);
					assertThat(watcher.watchedJobs()).hasSize(jobs.size());
					assertThat(health.health().getStatus()).isEqualTo(Status.UP);
					jobs.get(2).cancel();

					// The last UP answer is cached for one TTL; the first check after it reports DOWN.
					long outageStarted = System.nanoTime();
					outage.begin(this.emulator, this.front);
					Awaitility.await()
						.pollInterval(Duration.ofMillis(10))
						.atMost(CACHE_TTL.plus(HEALTH_TIMEOUT).multipliedBy(3))
						.until(() -> health.health().getStatus().equals(Status.DOWN));
					Duration timeToDown = since(outageStarted);
					this.clock.advance(PENDING.plus(RUNNING));
					// The jobs have ended; for 20 poll intervals RIME stays away and nothing is announced.
					Duration outageLength = POLL_INTERVAL.multipliedBy(OUTAGE_POLL_INTERVALS);
					Awaitility.await()
						.during(outageLength.minus(timeToDown))
						.atMost(outageLength.plusSeconds(10))
						.until(() -> this.events.finished().isEmpty()
								&& health.health().getStatus().equals(Status.DOWN));
					long failedCycles = watcher.pollErrorCount();
					assertThat(watcher.state().failing()).isTrue();
					assertThat(watcher.watchedJobs()).hasSize(jobs.size());

					long recovered = System.nanoTime();
					Instant recoveredAt = Instant.now();
					outage.end(this.emulator, this.front);
					Awaitility.await()
						.pollInterval(Duration.ofMillis(10))
						.atMost(CACHE_TTL.plus(HEALTH_TIMEOUT).multipliedBy(3))
						.until(() -> health.health().getStatus().equals(Status.UP));
					Duration timeToUp = since(recovered);
					Awaitility.await().atMost(Duration.ofSeconds(10))
						.until(() -> this.events.finished().size() >= jobs.size());
					Duration timeToEvents = since(recovered);
					this.gate.awaitCycles(5);

					List<RimeJobFinishedEvent> finished = this.events.finished();
					List<String> watcherLog = watcherWarnAndInfoLines(output);
					new SummaryTable(String.format("Outage: RIME gone (%s) for %d poll intervals of %d ms;"
							+ " health cache TTL %d ms", outage.description, OUTAGE_POLL_INTERVALS,
							POLL_INTERVAL.toMillis(), CACHE_TTL.toMillis()))
						.row("jobs watched", jobs.size())
						.row("time to health DOWN", timeToDown.toMillis() + " ms")
						.row("outage length", Duration.ofNanos(recovered - outageStarted).toMillis() + " ms")
						.row("failed poll cycles", failedCycles)
						.row("time to health UP after recovery", timeToUp.toMillis() + " ms")
						.row("time to last finish event", timeToEvents.toMillis() + " ms")
						.row("finish events delivered", finished.size() + " "
								+ finished.stream().collect(Collectors.groupingBy(RimeJobFinishedEvent::status,
										Collectors.counting())))
						.row("watcher WARN / INFO lines", watcherLog.size())
						.print();

					assertThat(finished).extracting(RimeJobFinishedEvent::jobId)
						.containsExactlyInAnyOrderElementsOf(jobs.stream().map(RimeStressTestJob::jobId).toList());
					assertThat(finished.stream()
						.collect(Collectors.toMap(RimeJobFinishedEvent::jobId, RimeJobFinishedEvent::status)))
						.isEqualTo(Map.of(jobs.get(0).jobId(), JobStatus.SUCCEEDED, jobs.get(1).jobId(),
								JobStatus.SUCCEEDED, jobs.get(2).jobId(), JobStatus.CANCELLED, jobs.get(3).jobId(),
								JobStatus.SUCCEEDED));
					assertThat(this.events.receivedAt).allSatisfy((at) -> assertThat(at).isAfter(recoveredAt));
					assertThat(watcherLog).satisfiesExactly(
							(warn) -> assertThat(warn).contains("WARN", "cannot poll RIME", "keeping the 4 watched jobs"),
							(info) -> assertThat(info).contains("INFO", "RIME is reachable again after"));
					assertThat(health.health().getDetails().toString()).doesNotContain(WatcherTestSupport.API_KEY);
				});
		}
		assertThat(output.getAll()).doesNotContain(WatcherTestSupport.API_KEY);
	}

	/** How RIME is gone. */
	enum Outage {

		CONNECTIONS_CLOSED("every connection closed without an answer") {

			@Override
			void begin(RimeEmulator emulator, SwitchableFront front) {
				emulator.faults().add(Fault.on("*", "/**").closeConnection());
			}

			@Override
			void end(RimeEmulator emulator, SwitchableFront front) {
				emulator.faults().clear();
			}

		},

		CONNECTIONS_REFUSED("every connection refused") {

			@Override
			void begin(RimeEmulator emulator, SwitchableFront front) {
				front.down();
			}

			@Override
			void end(RimeEmulator emulator, SwitchableFront front) {
				front.up();
			}

		};

		private final String description;

		Outage(String description) {
			this.description = description;
		}

		abstract void begin(RimeEmulator emulator, SwitchableFront front);

		abstract void end(RimeEmulator emulator, SwitchableFront front);

	}

	private static List<String> watcherWarnAndInfoLines(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("RIME job watcher:") && (line.contains("WARN") || line.contains("INFO")))
			.toList();
	}

	private static Duration since(long nanoTime) {
		return Duration.ofNanos(System.nanoTime() - nanoTime);
	}

}
