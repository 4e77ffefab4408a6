package io.rime.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeederTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

	private final RimeEmulator emulator = RimeEmulator.builder()
		.clock(this.clock)
		.pendingDuration(Duration.ofSeconds(10))
		.runningDuration(Duration.ofSeconds(20))
		.build()
		.start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aSeededProjectIsListedLikeOneCreatedOverHttp() {
		String id = this.emulator.seed().project("fraud-checks");

		JsonNode project = this.http.get("/v1/projects/" + id).ok().path("project").path("project");

		assertThat(project.path("name").asString()).isEqualTo("fraud-checks");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.seed().project("fraud-checks"))
			.withMessageContaining("fraud-checks");
	}

	@Test
	void aSeededConfigStartsAStressTestWithoutWaitingForValidation() {
		String project = this.emulator.seed().project("seeded");
		Map<String, Object> config = this.emulator.seed().testRunConfig(project);

		JsonNode job = this.http.post("/v1/stress-tests/" + project,
				EmulatorHttp.JSON.writeValueAsString(Map.of("testRunConfig", config))).ok().path("job");

		assertThat(job.path("status").asString()).isEqualTo("JOB_STATUS_REQUESTED");
	}

	@Test
	void aLocalCsvGivesTheFeaturesOfTheResults(@TempDir Path folder) throws Exception {
		Path csv = Files.writeString(folder.resolve("loans.csv"), "income,term,defaulted\n1,2,0\n");
		String project = this.emulator.seed().project("loans");
		Map<String, Object> config = this.emulator.seed().testRunConfig(project, csv, "defaulted");
		String jobId = this.http.post("/v1/stress-tests/" + project,
				EmulatorHttp.JSON.writeValueAsString(Map.of("testRunConfig", config))).ok().path("job").path("jobId")
			.asString();
		this.clock.advance(Duration.ofMinutes(1));
		String testRunId = this.http.get("/v1/jobs/" + jobId + "/test-run-id").ok().path("testRunId").asString();

		JsonNode cases = this.http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId).ok();

		// computed results also hold whole-row cases (duplicate rows, nulls per row) and label drift
		assertThat(cases.path("testCases").valueStream()
			.filter((c) -> !c.path("features").isEmpty() && !c.path("testBatchType").asString().endsWith("label_drift"))
			.map((c) -> c.path("features").get(0).asString()).distinct())
			.containsExactlyInAnyOrder("income", "term");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.emulator.seed().dataset(project, csv, "missing"))
			.withMessageContaining("missing");
	}

	@Test
	void seededJobsAreInTheirStateNowAndMoveOnWithTheClock() {
		String project = this.emulator.seed().project("states");
		Map<Seeder.JobState, String> jobs = new java.util.EnumMap<>(Seeder.JobState.class);
		for (Seeder.JobState state : Seeder.JobState.values()) {
			jobs.put(state, this.emulator.seed().stressTest(project, state));
		}

		jobs.forEach((state, id) -> assertThat(status(id)).isEqualTo("JOB_STATUS_" + state));
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(status(jobs.get(Seeder.JobState.PENDING))).isEqualTo("JOB_STATUS_RUNNING");
		this.clock.advance(Duration.ofSeconds(20));
		assertThat(status(jobs.get(Seeder.JobState.RUNNING))).isEqualTo("JOB_STATUS_SUCCEEDED");
		assertThat(this.http.get("/v1/jobs/" + jobs.get(Seeder.JobState.SUCCEEDED) + "/test-run-id").status())
			.isEqualTo(200);
	}

	@Test
	void aJobSeededToFinishAtATimeSucceedsThen() {
		String project = this.emulator.seed().project("timed");
		String id = this.emulator.seed().stressTestFinishingAt(project, this.clock.instant().plusSeconds(90));

		assertThat(status(id)).isEqualTo("JOB_STATUS_RUNNING");
		this.clock.advance(Duration.ofSeconds(89));
		assertThat(status(id)).isEqualTo("JOB_STATUS_RUNNING");
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(status(id)).isEqualTo("JOB_STATUS_SUCCEEDED");
	}

	@Test
	void seedingAnUnknownProjectNamesIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.seed().model("no-such-project"))
			.withMessageContaining("no-such-project");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.seed().stressTest(" ", Seeder.JobState.RUNNING))
			.withMessageContaining("projectId");
	}

	@Test
	void resetForgetsEverythingButKeepsTheAddressKeyAndDefaultProject() {
		String defaultProject = this.emulator.defaultProjectId();
		String project = this.emulator.seed().project("to-forget");
		String job = this.emulator.seed().stressTest(defaultProject, Seeder.JobState.RUNNING);
		this.emulator.faults().add(Fault.on("GET", "/v1/projects").status(503));
		this.http.get("/v1/projects");

		this.emulator.reset();

		assertThat(this.emulator.defaultProjectId()).isEqualTo(defaultProject);
		assertThat(this.emulator.requests()).isEmpty();
		JsonNode projects = this.http.get("/v1/projects").ok().path("projects");
		assertThat(projects.size()).isEqualTo(1);
		assertThat(projects.get(0).path("project").path("id").path("uuid").asString()).isEqualTo(defaultProject);
		assertThat(this.http.get("/v1/projects/" + project).status()).isEqualTo(404);
		assertThat(this.http.get("/v1/jobs/" + job).status()).isEqualTo(404);
		assertThat(this.emulator.seed().project("to-forget")).isNotEqualTo(project);
	}

	private String status(String jobId) {
		return this.http.get("/v1/jobs/" + jobId).ok().path("job").path("status").asString();
	}

	@Test
	void aJobWithSeededResultsShowsTheirBatchesInItsProgress() {
		String project = this.emulator.seed().project("seeded-results");
		String jobId = this.emulator.seed()
			.stressTestFinishingAt(project, this.clock.instant().plus(Duration.ofSeconds(20)),
					SeededResults.empty()
						.batch("subset_accuracy", SeededResults.Status.FAIL)
						.batch("duplicate_rows", SeededResults.Status.PASS));

		JsonNode running = this.http.get("/v1/jobs/" + jobId + "?view=JOB_VIEW_FULL").ok().path("job");
		this.clock.advance(Duration.ofSeconds(20));
		JsonNode succeeded = this.http.get("/v1/jobs/" + jobId + "?view=JOB_VIEW_FULL").ok().path("job");

		assertThat(running.path("jobProgressStr").asString()).isEqualTo("0/2 test batches complete");
		JsonNode batches = succeeded.path("jobData").path("stress").path("progress").path("testRun").path("testBatches");
		assertThat(batches.findValuesAsString("type")).containsExactly("subset_accuracy", "duplicate_rows");
		assertThat(succeeded.path("jobProgressStr").asString()).isEqualTo("2/2 test batches complete");
	}

}
