package io.rime.test;

import java.time.Duration;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeProject;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.emulator.Seeder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SDK-only tests get a started emulator, a client of it, its seeder and clock as parameters, and
 * an emptied emulator for each test.
 */
@RimeEmulatorTest(manualClock = true, pendingDuration = "10s", runningDuration = "1m", apiKey = "sk-extension")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RimeEmulatorExtensionTests {

	private final RimeClient client;

	RimeEmulatorExtensionTests(RimeClient client) {
		this.client = client;
	}

	@Test
	@Order(1)
	void theClientIsOfTheEmulatorWithTheChosenKey(RimeEmulator emulator) {
		RimeProject project = this.client.createProject("first", "gone in the next test");

		assertThat(emulator.apiKey()).isEqualTo("sk-extension");
		assertThat(this.client.getProject(project.projectId()).name()).isEqualTo("first");
	}

	@Test
	@Order(2)
	void jobsMoveOnlyWhenTheTestMovesTheClockAndTheLastTestsStateIsGone(Seeder seed, MutableClock clock) {
		assertThat(this.client.listProjects()).extracting(RimeProject::name).containsExactly("Default Project");
		String project = seed.project("clocked");
		String jobId = this.client.startStressTest(seed.testRunConfig(project), project).jobId();

		clock.advance(Duration.ofSeconds(10));
		assertThat(this.client.job(jobId).getStatus().status()).isEqualTo(JobStatus.RUNNING);
		clock.advance(Duration.ofMinutes(1));
		assertThat(this.client.job(jobId).getStatus().status()).isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	@Order(3)
	void theSameEmulatorServesEveryTestOfTheClass(RimeEmulator emulator, RimeClient client) {
		assertThat(client).isSameAs(this.client);
		assertThat(emulator.seed().stressTest(emulator.defaultProjectId(), Seeder.JobState.SUCCEEDED)).isNotBlank();
	}

}
