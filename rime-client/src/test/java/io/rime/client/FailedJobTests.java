package io.rime.client;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

class FailedJobTests {

	private final RimeEmulator emulator = TestRime.emulator();

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
	void whenAJobFailsVerboseOutputShowsTheErrorAndTheArchivedLogs() {
		RimeStressTestJob job = failingJob();
		JobMetadata finished = job.getStatus(true, true, Duration.ofMillis(40));
		assertThat(finished.status()).isEqualTo(JobStatus.FAILING);
		String output = this.printed.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("Status: FAILING")
			.contains("Job '" + job.jobId() + "' failed: Failed to pull image \"team/does-not-exist:1\"")
			.contains("Archived logs:");
		String logs = output.substring(output.indexOf("Archived logs:") + "Archived logs:".length()).strip();
		assertThat(logs).isNotEmpty().doesNotStartWith("(the archived logs could not be fetched");
	}

	@Test
	void theArchivedLogsAreFetchedWithoutTheApiKey() {
		RimeStressTestJob job = failingJob();
		job.waitUntilFinish(Duration.ofMillis(40), Duration.ofSeconds(10));
		int before = this.emulator.requests().size();
		job.getStatus(true, false, Duration.ofSeconds(1));
		assertThat(this.emulator.requests().subList(before, this.emulator.requests().size()))
			.filteredOn((r) -> !r.path().startsWith("/v1/"))
			.singleElement()
			.extracting(RecordedRequest::apiKeyPresent)
			.isEqualTo(false);
	}

	@Test
	void verboseOutputOfASucceededJobHasNoLogs() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		job.getStatus(true, true, Duration.ofMillis(40));
		assertThat(this.printed.toString(StandardCharsets.UTF_8)).doesNotContain("Archived logs");
	}

	private RimeStressTestJob failingJob() {
		return this.client.startStressTest(TestRime.titanicConfig(), null, new CustomImage("team/does-not-exist:1"));
	}

}
