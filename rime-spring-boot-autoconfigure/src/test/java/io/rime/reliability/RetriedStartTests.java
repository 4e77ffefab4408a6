package io.rime.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.WatchedJob;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.WatcherTestSupport.TestGate;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A start whose first attempt created the job but lost its answer, and whose retry is answered
 * only after the job has ended: the watcher found the job by listing its project and announced its
 * end before the start returned it. The chaos soak's short jobs make this rare; here it is forced.
 */
class RetriedStartTests {

	private static final Duration SLOW_ANSWER = Duration.ofMillis(1500);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private final RimeEmulator emulator = WatcherTestSupport.emulator(this.clock);

	private final RecordedEvents events = new RecordedEvents();

	private final TestGate gate = new TestGate();

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void aJobThatEndedBeforeItsRetriedStartReturnedIsAnnouncedOnce() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		try (RimeClient faultFree = RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.build()) {
			ReliabilityTestSupport.contextRunner(this.emulator, this.events, "rime.watcher.poll-interval=50ms",
					"rime.retry.idempotency-keys-honoured=true")
				.withBean(RimeWatcherGate.class, () -> this.gate)
				.run((context) -> {
					RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
					// Both attempts answer slowly; the first creates the job and loses the answer.
					this.emulator.faults()
						.add(Fault.on("POST", "/v1/stress-tests/*").latency(SLOW_ANSWER).times(2))
						.add(Fault.on("POST", "/v1/stress-tests/*").applyThenFail().times(1));
					CompletableFuture<RimeStressTestJob> start = CompletableFuture
						.supplyAsync(() -> context.getBean(RimeClient.class).startStressTest(config));
					String jobId = Awaitility.await()
						.atMost(Duration.ofSeconds(10))
						.until(() -> faultFree.listStressTestJobs(null, this.emulator.defaultProjectId()),
								(jobs) -> !jobs.isEmpty())
						.get(0)
						.jobId();
					Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> watcher.watchedJobs()
						.stream()
						.map(WatchedJob::jobId)
						.toList(), (watched) -> watched.contains(jobId));
					this.clock.advance(PENDING.plus(RUNNING));
					this.events.awaitFinished(jobId, JobStatus.SUCCEEDED);
					assertThat(start).isNotDone();

					assertThat(start.get(10, TimeUnit.SECONDS).jobId()).isEqualTo(jobId);
					this.gate.awaitCycles(5);
					assertThat(this.events.finished(jobId)).hasSize(1);
					assertThat(List.copyOf(watcher.watchedJobs())).isEmpty();
				});
		}
	}

}
