package io.rime.test;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.emulator.MutableClock;
import io.rime.emulator.SeededResults;
import io.rime.emulator.SeededResults.Status;
import io.rime.emulator.Seeder;
import io.rime.test.RimeEmulatorTest;

import static org.assertj.core.api.Assertions.assertThat;

// README test starts here
@RimeEmulatorTest(manualClock = true)
class GateTests {

	@Test
	void aStressTestSucceedsOnceItHasRun(RimeClient rime, Seeder seed, MutableClock clock) {
		String projectId = seed.project("gate");
		String jobId = rime.startStressTest(seed.testRunConfig(projectId), projectId).jobId();

		clock.advance(Duration.ofMinutes(1));

		assertThat(rime.job(jobId).getStatus().status()).isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	void aRunWithAFailingTestCaseHasFailures(RimeClient rime, Seeder seed) {
		String projectId = seed.project("gate");
		String jobId = seed.stressTest(projectId,
				SeededResults.empty().batch("subset_accuracy", Status.PASS, Status.FAIL));

		assertThat(rime.job(jobId).getTestRun().hasFailures()).isTrue();
	}

}
