package io.rime.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class JobWaitingTests {

	private static final Duration POLL = Duration.ofMillis(40);

	private final RimeEmulator emulator = TestRime.emulatorBuilder().runningDuration(Duration.ofMillis(600)).build()
		.start();

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private final RimeClient client = TestRime.clientBuilder(this.emulator)
		.verboseOutput(new PrintStream(this.printed, true, StandardCharsets.UTF_8))
		.build();

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void getStatusReadsTheCurrentStatus() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		JobMetadata status = job.getStatus();
		assertThat(status.name()).isEqualTo(job.jobId());
		assertThat(status.status()).isIn(JobStatus.PENDING, JobStatus.RUNNING);
		assertThat(status.cancellationRequested()).isFalse();
		assertThat(status.errorMessage()).isNull();
	}

	@Test
	void verboseWaitPrintsTheStartTimeAndAStatusLinePerPoll() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		JobMetadata finished = job.getStatus(true, true, POLL);
		assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
		String output = this.printed.toString(StandardCharsets.UTF_8);
		assertThat(output).containsOnlyOnce("Job '" + job.jobId() + "' started at ");
		// the local Titanic CSV gets the emulator's 10 computed data batches and 6 skipped model batches
		assertThat(output).containsPattern("Status: RUNNING, Running Time: 00:00:0\\d\\.\\d\\d \\(\\d+ / 16 tests completed\\)");
		assertThat(output.strip()).endsWith("Status: SUCCEEDED, Running Time: 00:00:00.60 (16 / 16 tests completed)");
	}

	@Test
	void verboseStatusWithoutWaitingPrintsOneLine() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		job.getStatus(true, false, POLL);
		assertThat(this.printed.toString(StandardCharsets.UTF_8).lines().filter((l) -> l.startsWith("Status: ")))
			.hasSize(1);
	}

	@Test
	void waitUntilFinishReturnsTheFinalStatus() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		JobMetadata finished = job.waitUntilFinish(POLL, Duration.ofSeconds(10));
		assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(finished.runningTimeSecs()).isEqualTo(0.6);
		assertThat(finished.startTimeSecs()).isPositive();
	}

	@Test
	void waitUntilFinishGivesUpAfterTheTimeoutNamingTheLastStatus() {
		// pending for ten minutes, so that every read of the wait sees PENDING
		try (RimeEmulator pending = TestRime.emulatorBuilder().pendingDuration(Duration.ofMinutes(10)).build().start();
				RimeClient client = TestRime.client(pending)) {
			RimeStressTestJob job = client.startStressTest(TestRime.titanicConfig());
			assertThatExceptionOfType(RimeException.class)
				.isThrownBy(() -> job.waitUntilFinish(POLL, Duration.ofSeconds(3)))
				.withMessage("Job '" + job.jobId() + "' did not finish within PT3S; its last status was PENDING");
		}
	}

	@Test
	void waitUntilFinishWithAZeroTimeoutChecksOnce() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		assertThatExceptionOfType(RimeException.class).isThrownBy(() -> job.waitUntilFinish(POLL, Duration.ZERO))
			.withMessageContaining("did not finish within PT0S");
		job.waitUntilFinish(POLL, Duration.ofSeconds(10));
		assertThat(job.waitUntilFinish(POLL, Duration.ZERO).status()).isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	void whenFinishedCompletesWithTheFinalStatus() throws Exception {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		CompletableFuture<JobMetadata> finished = job.whenFinished(POLL);
		assertThat(finished.get(10, TimeUnit.SECONDS).status()).isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	void manyPendingWaitsShareOneSchedulerThreadPerClientAndAtMostOneReadThreadEach() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		List<CompletableFuture<JobMetadata>> waits = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			waits.add(this.client.startStressTest(config).whenFinished(POLL));
		}
		Map<String, Long> pollerThreadsPerClient = Thread.getAllStackTraces().keySet().stream()
			.map(Thread::getName)
			.filter((name) -> name.matches("rime-client-\\d+-poller-\\d+"))
			.collect(Collectors.groupingBy((name) -> name.substring(0, name.lastIndexOf('-')), Collectors.counting()));
		assertThat(pollerThreadsPerClient).as("the clients' poller threads, by their names").isNotEmpty();
		assertThat(pollerThreadsPerClient.values()).allSatisfy((count) -> assertThat(count).isEqualTo(1));
		// On Java 21 and later the reads run on virtual threads, which have no such names.
		Map<String, Long> readThreadsPerClient = Thread.getAllStackTraces().keySet().stream()
			.map(Thread::getName)
			.filter((name) -> name.matches("rime-client-\\d+-read-\\d+"))
			.collect(Collectors.groupingBy((name) -> name.substring(0, name.lastIndexOf('-')), Collectors.counting()));
		assertThat(readThreadsPerClient.values()).as("platform threads reading for the waits, per client")
			.allSatisfy((count) -> assertThat(count).isLessThanOrEqualTo(waits.size()));
		assertThat(waits).allSatisfy((wait) -> assertThat(wait.get(10, TimeUnit.SECONDS).status())
			.isEqualTo(JobStatus.SUCCEEDED));
	}

	@Test
	void cancellingTheFutureOfWhenFinishedStopsThePolling() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		CompletableFuture<JobMetadata> finished = job.whenFinished(Duration.ofMillis(10));
		await().atMost(Duration.ofSeconds(5)).until(() -> polls(job) >= 2);
		finished.cancel(true);
		long afterCancel = polls(job);
		await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(1)).until(() -> polls(job) <= afterCancel + 1);
	}

	@Test
	void closingTheClientCancelsPendingWaits() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		CompletableFuture<JobMetadata> finished = job.whenFinished(Duration.ofSeconds(1));
		this.client.close();
		assertThatExceptionOfType(CancellationException.class).isThrownBy(finished::join);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> job.whenFinished(POLL))
			.withMessageContaining("closed");
	}

	@Test
	void anInterruptedWaitStopsPollingAndKeepsTheInterruptFlag() throws InterruptedException {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		AtomicReference<Throwable> failure = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread waiter = new Thread(() -> {
			try {
				job.getStatus(false, true, Duration.ofSeconds(1));
			}
			catch (RimeException ex) {
				failure.set(ex);
				stillInterrupted.set(Thread.currentThread().isInterrupted());
			}
		});
		waiter.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> polls(job) >= 1);
		waiter.interrupt();
		waiter.join(5000);
		assertThat(failure.get()).hasMessage("Interrupted while waiting for job '" + job.jobId() + "'");
		assertThat(stillInterrupted).isTrue();
	}

	@Test
	void cancelEndsTheJobAsCancelled() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		job.cancel();
		assertThat(TestRime.requestsTo(this.emulator, "POST", "/v1/jobs/cancel/" + job.jobId())).hasSize(1);
		JobMetadata finished = job.waitUntilFinish(POLL, Duration.ofSeconds(10));
		assertThat(finished.status()).isEqualTo(JobStatus.CANCELLED);
		assertThat(finished.cancellationRequested()).isTrue();
	}

	@Test
	void getStressTestJobReattachesToAJobById() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		RimeStressTestJob again = this.client.getStressTestJob(job.jobId());
		assertThat(again).isEqualTo(job).hasSameHashCodeAs(job);
		assertThat(again.toString()).isEqualTo("RimeStressTestJob[jobId=" + job.jobId() + "]");
	}

	@Test
	void getStressTestJobOfAnUnknownIdIsANotFoundApiException() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getStressTestJob("nope"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404));
	}

	private long polls(RimeStressTestJob job) {
		return TestRime.requestsTo(this.emulator, "GET", "/v1/jobs/" + job.jobId()).size();
	}

}
