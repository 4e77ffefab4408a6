package io.rime.readme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.test.AutoConfigureRimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// README test starts here
@SpringBootTest(properties = { "rime.address=https://rime.example.com", // as in application.properties
		"rime.watcher.enabled=true", "rime.watcher.poll-interval=100ms" })
@AutoConfigureRimeEmulator(runningDuration = "1s")
class ModelGateTests {

	@Autowired
	ModelGate gate;

	@Autowired
	RimeClient rime;

	@Autowired
	RimeEmulator emulator;

	@Test
	void writesTheResultsWhenTheStressTestSucceeds() throws Exception {
		String projectId = this.emulator.seed().project("model-gate");

		String jobId = this.gate.stressTest(projectId);

		Path results = Path.of(jobId + ".csv");
		try {
			Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(results));
			assertThat(this.rime.job(jobId).getStatus().status()).isEqualTo(JobStatus.SUCCEEDED);
			assertThat(Files.readAllLines(results).get(0)).startsWith("test_name,");
		}
		finally {
			Files.deleteIfExists(results);
		}
	}

	@Test
	void reportsWhatRimeAnswersWhenItRefusesTheStressTest() {
		this.emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").status(400));

		assertThatExceptionOfType(RimeApiException.class)
			.isThrownBy(() -> this.gate.stressTest(this.emulator.defaultProjectId()))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
	}

}
