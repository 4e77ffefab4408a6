package io.rime.test;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeProject;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.emulator.Seeder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application whose properties name a real RIME server runs its tests against the emulator of
 * {@link AutoConfigureRimeEmulator}, which starts empty for each test.
 */
@SpringBootTest(properties = { "rime.address=https://rime.example.com", "rime.api-key=the-real-servers-key" })
@AutoConfigureRimeEmulator(runningDuration = "2s", apiKey = "sk-test-support")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AutoConfigureRimeEmulatorTests {

	@Autowired
	private RimeClient rime;

	@Autowired
	private RimeEmulator emulator;

	@Test
	@Order(1)
	void theClientTalksToTheTestsEmulatorAlthoughAnAddressIsSet() {
		RimeProject project = this.rime.createProject("made-in-the-first-test", "gone in the next one");

		assertThat(this.emulator.seed()).isNotNull();
		assertThat(this.emulator.apiKey()).isEqualTo("sk-test-support");
		assertThat(this.emulator.requests()).anyMatch((request) -> request.target().equals("/v1/projects"));
		assertThat(this.rime.getProject(project.projectId()).name()).isEqualTo("made-in-the-first-test");
	}

	@Test
	@Order(2)
	void eachTestStartsWithAnEmptyEmulatorAtTheSameAddress() {
		assertThat(this.rime.listProjects()).extracting(RimeProject::name).containsExactly("Default Project");
		assertThat(this.emulator.requests()).hasSize(1);
	}

	@Test
	@Order(3)
	void seededJobsAndInjectedFaultsAreWhatTheClientSees() {
		String project = this.emulator.seed().project("seeded");
		String running = this.emulator.seed().stressTest(project, Seeder.JobState.RUNNING);
		Map<String, Object> config = this.emulator.seed().testRunConfig(project);

		assertThat(this.rime.job(running).getStatus().status()).isEqualTo(JobStatus.RUNNING);
		assertThat(this.rime.startStressTest(config, project).waitUntilFinish(Duration.ofMillis(50),
				Duration.ofSeconds(20)).status()).isEqualTo(JobStatus.SUCCEEDED);
		this.emulator.faults().add(Fault.on("GET", "/v1/projects/*").status(404));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.rime.getProject(project));
	}

	@Test
	@Order(4)
	void faultsOfTheLastTestAreGone() {
		assertThat(this.rime.getProject(this.emulator.defaultProjectId()).name()).isEqualTo("Default Project");
	}

}
