package io.rime.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.autoconfigure.RimeClientBuilderCustomizer;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.reliability.ChaosWorkload.Operation;
import io.rime.reliability.ChaosWorkload.RetriedCalls;
import io.rime.reliability.ChaosWorkload.Target;
import io.rime.reliability.ReliabilityTestSupport.SummaryTable;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.WatcherTestSupport.TestGate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Chaos soak: 1,000 operations from 8 threads through the auto-configured client, with the watcher
 * on, against an emulator that spoils 20 % of all requests with a mix of faults (500, 502, 503, 429,
 * closed connection, body cut off, applied then connection closed, latency). Whatever RIME does, a
 * call ends in a result or a {@code RimeException}, a start never creates a job that the caller
 * cannot account for, every finished job is announced exactly once, no result file is half written,
 * and the API key is never printed. Prints a summary table per run.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("slow")
class ChaosSoakTests {

	private static final int OPERATIONS = 1_000;

	private static final int THREADS = 8;

	private static final double FAULT_RATE = 0.2;

	private static final long SEED = 20261127L;

	private static final int PROJECTS = 4;

	private static final Set<JobStatus> FINAL_STATUSES = EnumSet.of(JobStatus.SUCCEEDED, JobStatus.FAILING,
			JobStatus.CANCELLED);

	@TempDir
	Path results;

	@TempDir
	Path cleanDownloads;

	@Test
	void withIdempotencyKeysHonouredEveryJobCreatedIsAJobThatAStartReturned(CapturedOutput output) {
		Soak soak = soak(true, output);
		// A start that lost an answer is retried, on a server error too, until the server replays the
		// job it created: no job is left behind unless the retries run out (six of them, at 20 % faults).
		assertThat(soak.extras()).isEmpty();
	}

	@Test
	void withoutIdempotencyKeysHonouredNoStartCreatesMoreThanOneJob(CapturedOutput output) {
		Soak soak = soak(false, output);
		// An extra job is a start that failed after RIME had acted: at most one per failed start.
		assertThat(soak.extras().size()).isLessThanOrEqualTo(soak.failedStarts);
	}

	private Soak soak(boolean idempotencyKeysHonoured, CapturedOutput output) {
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(WatcherTestSupport.API_KEY)
			// Long enough for the watcher (every 50 ms) to list each job while it is active, even one
			// whose start lost its answer; RIME's jobs run for minutes.
			.pendingDuration(Duration.ofMillis(200))
			.runningDuration(Duration.ofMillis(500))
			.validationDuration(Duration.ofMillis(10))
			.testCasesPerRun(1)
			.faultSeed(SEED)
			.build()
			.start();
				RimeClient faultFree = RimeClient.builder()
					.address(emulator.baseUrl())
					.apiKey(emulator.apiKey())
					.build()) {
			List<Target> targets = targets(emulator, faultFree);
			RecordedEvents events = new RecordedEvents();
			TestGate gate = new TestGate();
			RetriedCalls retriedCalls = new RetriedCalls();
			Soak soak = new Soak();
			ReliabilityTestSupport.contextRunner(emulator, events, "rime.watcher.poll-interval=50ms",
					"rime.retry.max-retries=6", "rime.retry.delay=50ms",
					"rime.retry.idempotency-keys-honoured=" + idempotencyKeysHonoured)
				.withBean(RimeWatcherGate.class, () -> gate)
				.withBean(RimeClientBuilderCustomizer.class, () -> (builder) -> builder.addRetryListener(retriedCalls))
				.run((context) -> {
					ChaosWorkload workload = new ChaosWorkload(context.getBean(RimeClient.class), retriedCalls, targets,
							events, this.results, SEED);
					addMixedFaults(emulator);
					long started = System.nanoTime();
					// Bounded: no call may hang a caller's thread, whatever the server does.
					assertTimeoutPreemptively(Duration.ofMinutes(3), () -> workload.run(OPERATIONS, THREADS));
					soak.seconds = (System.nanoTime() - started) / 1e9;
					soak.faults = emulator.faults().injected();
					emulator.faults().clear();
					soak.record(workload, faultFree);
					// Every job ends within a second; the watcher announces each, then has cycles to repeat one.
					Awaitility.await().atMost(Duration.ofSeconds(30))
						.until(() -> announced(events).containsAll(soak.created));
					gate.awaitCycles(10);
					soak.finished = faultFree.listStressTestJobs(FINAL_STATUSES, null).size();
					soak.finishEvents = events.finished();
					soak.announced = announced(events);
					soak.retries = ReliabilityTestSupport.retries(context.getBean(MeterRegistry.class));
					soak.watcherFailures = context.getBean(RimeJobWatcher.class).pollErrorCount();
					soak.print(idempotencyKeysHonoured, workload);
					assertThat(workload.unexpected).isEmpty();
					assertHoldsWhateverTheFaults(soak, workload, faultFree);
				});
			assertThat(output.getAll()).doesNotContain(WatcherTestSupport.API_KEY);
			return soak;
		}
	}

	private void assertHoldsWhateverTheFaults(Soak soak, ChaosWorkload workload, RimeClient faultFree)
			throws Exception {
		assertThat(soak.faults).isPositive();
		assertThat(workload.startedJobs).extracting(RimeStressTestJob::jobId).doesNotHaveDuplicates();
		assertThat(soak.created).containsAll(soak.returned);
		assertThat(soak.announced).containsAll(soak.returned).isSubsetOf(soak.created);
		assertThat(soak.created.size()).isLessThanOrEqualTo(workload.startCalls.get());
		assertThat(soak.finishEvents).extracting(RimeJobFinishedEvent::jobId).doesNotHaveDuplicates();
		// Every job that finished is announced, once: those whose start failed too.
		assertThat(soak.finishEvents).hasSize(soak.finished);
		assertThat(soak.announced).isEqualTo(soak.created);
		assertThat(soak.finishEvents).extracting(RimeJobFinishedEvent::status).containsOnly(JobStatus.SUCCEEDED);
		assertThat(workload.failureMessages).noneMatch((message) -> message.contains(WatcherTestSupport.API_KEY));
		assertThat(workload.leftByFailedDownloads).isEmpty();
		for (Map.Entry<Path, RimeStressTestJob> download : workload.downloaded.entrySet()) {
			Path reference = this.cleanDownloads.resolve(download.getKey().getFileName());
			download.getValue().getResultCsv(reference);
			assertThat(download.getKey()).hasSameBinaryContentAs(reference);
		}
		try (Stream<Path> files = Files.list(this.results)) {
			assertThat(files).containsExactlyInAnyOrderElementsOf(workload.downloaded.keySet());
		}
	}

	private static List<Target> targets(RimeEmulator emulator, RimeClient client) {
		List<String> projectIds = new ArrayList<>(List.of(emulator.defaultProjectId()));
		for (int i = 1; i < PROJECTS; i++) {
			projectIds.add(client.createProject("chaos-target-" + i, "chaos soak targets").projectId());
		}
		return projectIds.stream()
			.map((projectId) -> new Target(projectId, emulator.seed().testRunConfig(projectId)))
			.toList();
	}

	/** Faults of eight kinds on every route, each at the rate that makes 20 % of requests spoilt. */
	private static void addMixedFaults(RimeEmulator emulator) {
		Fault every = Fault.on("*", "/v1/**");
		List<Fault> kinds = List.of(every.status(500), every.status(502), every.status(503).retryAfter(Duration.ZERO),
				every.status(429).retryAfter(Duration.ZERO), every.closeConnection(), every.cutBody(),
				every.applyThenFail(), every.latency(Duration.ofMillis(100)));
		double rate = 1 - Math.pow(1 - FAULT_RATE, 1.0 / kinds.size());
		kinds.forEach((kind) -> emulator.faults().add(kind.rate(rate)));
	}

	private static Set<String> announced(RecordedEvents events) {
		return events.finished().stream().map(RimeJobFinishedEvent::jobId).collect(Collectors.toSet());
	}

	/** The figures of one run. */
	private static final class Soak {

		double seconds;

		long faults;

		long retries;

		long watcherFailures;

		int failedStarts;

		int startsFailedAfterRetry;

		int finished;

		Set<String> returned = Set.of();

		Set<String> created = Set.of();

		Set<String> announced = Set.of();

		List<RimeJobFinishedEvent> finishEvents = List.of();

		void record(ChaosWorkload workload, RimeClient faultFree) {
			this.failedStarts = workload.failedStarts.get();
		this.startsFailedAfterRetry = workload.startsFailedAfterRetry.get();
			this.returned = workload.startedJobs.stream().map(RimeStressTestJob::jobId).collect(Collectors.toSet());
			this.created = faultFree.listStressTestJobs().stream().map(RimeStressTestJob::jobId)
				.collect(Collectors.toSet());
		}

		Set<String> extras() {
			return this.created.stream().filter((id) -> !this.returned.contains(id)).collect(Collectors.toSet());
		}

		void print(boolean idempotencyKeysHonoured, ChaosWorkload workload) {
			Map<String, Long> perJob = this.finishEvents.stream()
				.collect(Collectors.groupingBy(RimeJobFinishedEvent::jobId, Collectors.counting()));
			SummaryTable table = new SummaryTable(String.format("Chaos soak, idempotency-keys-honoured=%s: %d operations"
					+ " from %d threads, %.0f %% faults, %.1f s", idempotencyKeysHonoured, OPERATIONS, THREADS,
					FAULT_RATE * 100, this.seconds));
			for (Operation operation : Operation.values()) {
				table.row("operations " + operation, workload.count(operation));
			}
			Set<String> extras = extras();
			table.row("faults injected (emulator)", this.faults)
				.row("retries (rime.client.retries)", this.retries)
				.row("typed failures", workload.typedFailureCount() + " " + bySum(workload.typedFailures))
				.row("unexpected exceptions", workload.unexpected.size())
				.row("longest operation", String.format("%.2f s", workload.longestOperationNanos.get() / 1e9))
				.row("start calls", workload.startCalls.get())
				.row("starts that returned a job", this.returned.size())
				.row("starts that failed", this.failedStarts)
				.row("starts that failed after a retry", this.startsFailedAfterRetry)
				.row("jobs created (emulator)", this.created.size())
				.row("extra jobs (created, not returned)", extras.size() + (extras.isEmpty() ? "" : " " + extras))
				.row("jobs finished (emulator)", this.finished)
				.row("finish events delivered", this.finishEvents.size())
				.row("jobs announced more than once", perJob.values().stream().filter((n) -> n > 1).count())
				.row("extra jobs announced", extras.stream().filter(this.announced::contains).count())
				.row("jobs created, not announced", this.created.stream().filter((id) -> !this.announced.contains(id))
					.toList())
				.row("watcher poll cycles failed", this.watcherFailures)
				.row("results downloaded, identical to a clean download", workload.downloaded.size())
				.print();
			workload.unexpected.forEach(Throwable::printStackTrace);
		}

		private static Map<String, Long> bySum(Map<String, LongAdder> counts) {
			Map<String, Long> sums = new TreeMap<>();
			counts.forEach((name, count) -> sums.put(name, count.sum()));
			return sums;
		}

	}

}
