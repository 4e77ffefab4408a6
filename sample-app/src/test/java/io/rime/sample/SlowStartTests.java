package io.rime.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.FinishedJob;
import io.rime.watch.RimeJobWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A start that waits on RIME (here: a slow answer to the start call; with a real RIME, the
 * validation of the data) must not hold up the watcher's thread: other jobs' events and poll
 * cycles go on, and the earlier run still gets its results once the start is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { TestResults.PROPERTY, "rime.sample.run-on-startup=false", "rime.emulator.pending-duration=200ms",
				"rime.emulator.running-duration=1s", "rime.watcher.poll-interval=100ms" })
class SlowStartTests {

	@Autowired
	private SampleRuns runs;

	@Autowired
	private RimeJobWatcher watcher;

	@Autowired
	private RimeEmulator emulator;

	@Test
	void whileAStartWaitsOnRimeTheWatcherGoesOnAndTheEarlierRunGetsItsResultsAfterwards() {
		SampleRuns.StartedRun first = this.runs.start(null, "first");
		String firstId = first.job().jobId();
		long starts = startCalls();
		this.emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").latency(Duration.ofSeconds(8)));
		try {
			CompletableFuture<SampleRuns.StartedRun> second = CompletableFuture
				.supplyAsync(() -> this.runs.start(null, "second"));
			await().atMost(Duration.ofSeconds(5)).until(() -> startCalls() > starts);

			// The first job ends while the second start waits: its event is published, and the
			// watcher's next cycles complete long before the start does.
			await().atMost(Duration.ofSeconds(5)).until(() -> finishedAt(firstId) != null);
			Instant finished = finishedAt(firstId);
			await().atMost(Duration.ofSeconds(3)).until(() -> {
				Instant lastSuccessfulPoll = this.watcher.state().lastSuccessfulPoll();
				return lastSuccessfulPoll != null && lastSuccessfulPoll.isAfter(finished);
			});
			assertThat(second).isNotDone();

			await().atMost(Duration.ofSeconds(30)).until(first.outcome()::isDone);
			assertThat(first.outcome().join().successful()).isTrue();
			assertThat(TestResults.FOLDER.resolve(firstId + ".csv")).exists();
			assertThat(second.join().job().jobId()).isNotEqualTo(firstId);
		}
		finally {
			this.emulator.faults().clear();
		}
	}

	private long startCalls() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.method().equals("POST") && request.path().startsWith("/v1/stress-tests/"))
			.count();
	}

	private Instant finishedAt(String jobId) {
		return this.watcher.finishedJobs()
			.stream()
			.filter((job) -> job.jobId().equals(jobId))
			.map(FinishedJob::finishedAt)
			.findFirst()
			.orElse(null);
	}

}
