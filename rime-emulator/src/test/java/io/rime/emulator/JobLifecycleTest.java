package io.rime.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class JobLifecycleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

	private final RimeEmulator emulator = RimeEmulator.builder()
		.clock(this.clock)
		.pendingDuration(Duration.ofSeconds(10))
		.runningDuration(Duration.ofSeconds(100))
		.validationDuration(Duration.ofSeconds(2))
		.cancelDuration(Duration.ofSeconds(3))
		.build()
		.start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@TempDir
	Path temp;

	private String dataPath;

	@BeforeEach
	void writeData() throws IOException {
		this.dataPath = Files.writeString(this.temp.resolve("titanic.csv"), "PassengerId,Survived,Pclass,Sex,Age\n1,0,3,male,22\n")
			.toString();
	}

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aStressTestGoesFromRequestedThroughRunningToSucceeded() {
		JsonNode job = this.http.startStressTest(this.emulator.defaultProjectId(), "nightly", this.dataPath, null);
		String jobId = job.path("jobId").asString();
		List<String> statuses = new ArrayList<>();
		statuses.add(job.path("status").asString());
		for (int second = 0; second <= 120; second += 5) {
			this.clock.advance(Duration.ofSeconds(5));
			String status = getJob(jobId, false).path("status").asString();
			if (!status.equals(statuses.get(statuses.size() - 1))) {
				statuses.add(status);
			}
		}

		assertThat(job.path("jobType").asString()).isEqualTo("JOB_TYPE_MODEL_STRESS_TEST");
		assertThat(statuses).containsExactly("JOB_STATUS_REQUESTED", "JOB_STATUS_PENDING", "JOB_STATUS_RUNNING",
				"JOB_STATUS_SUCCEEDED");
		JsonNode done = getJob(jobId, false);
		assertThat(done.path("startTime").asString()).isEqualTo("2026-01-05T10:00:10Z");
		assertThat(done.path("completionTime").asString()).isEqualTo("2026-01-05T10:01:50Z");
		assertThat(done.path("runningTimeSecs").asDouble()).isEqualTo(100.0);
	}

	@Test
	void byDefaultAStressTestIsPendingForASecondAndRunsForFiveSeconds() {
		try (RimeEmulator defaults = RimeEmulator.builder().clock(this.clock).build().start()) {
			EmulatorHttp client = new EmulatorHttp(defaults);
			String jobId = client.startStressTest(defaults.defaultProjectId(), "defaults", this.dataPath, null)
				.path("jobId")
				.asString();
			this.clock.advance(Duration.ofMillis(999));
			String pending = client.get("/v1/jobs/" + jobId).ok().path("job").path("status").asString();
			this.clock.advance(Duration.ofMillis(1));
			String running = client.get("/v1/jobs/" + jobId).ok().path("job").path("status").asString();
			this.clock.advance(Duration.ofSeconds(5));
			JsonNode done = client.get("/v1/jobs/" + jobId).ok().path("job");

			assertThat(pending).isEqualTo("JOB_STATUS_PENDING");
			assertThat(running).isEqualTo("JOB_STATUS_RUNNING");
			assertThat(done.path("status").asString()).isEqualTo("JOB_STATUS_SUCCEEDED");
			assertThat(done.path("runningTimeSecs").asDouble()).isEqualTo(5.0);
		}
	}

	@Test
	void theFullViewShowsProgressThroughTheTestBatches() {
		String jobId = this.http.startStressTest(this.emulator.defaultProjectId(), "progress", this.dataPath, null)
			.path("jobId")
			.asString();
		this.clock.advance(Duration.ofSeconds(10 + 35));

		JsonNode full = getJob(jobId, true);
		JsonNode basic = getJob(jobId, false);

		JsonNode testRun = full.path("jobData").path("stress").path("progress").path("testRun");
		// a local CSV gets the 10 computed data batches and the 6 model batches it skips
		assertThat(full.path("jobProgressStr").asString()).isEqualTo("5/16 test batches complete");
		assertThat(testRun.path("status").asString()).isEqualTo("TEST_TASK_STATUS_RUNNING");
		assertThat(testRun.path("testBatches")).hasSize(16);
		assertThat(testRun.path("testBatches").get(4).path("status").asString()).isEqualTo("TEST_TASK_STATUS_COMPLETED");
		assertThat(testRun.path("testBatches").get(5).path("status").asString()).isEqualTo("TEST_TASK_STATUS_RUNNING");
		assertThat(testRun.path("testBatches").get(6).path("status").asString()).isEqualTo("TEST_TASK_STATUS_PENDING");
		assertThat(full.path("runningTimeSecs").asDouble()).isEqualTo(35.0);
		assertThat(basic.has("jobProgressStr")).isFalse();
		assertThat(basic.path("jobData").path("stress").has("progress")).isFalse();
	}

	@Test
	void theTestRunIdExistsOnlyOnceTheJobSucceeded() {
		JsonNode job = this.http.startStressTest(this.emulator.defaultProjectId(), "run-id", this.dataPath, null);
		String jobId = job.path("jobId").asString();

		EmulatorHttp.Answer early = this.http.get("/v1/jobs/" + jobId + "/test-run-id");
		this.clock.advance(Duration.ofSeconds(111));
		EmulatorHttp.Answer late = this.http.get("/v1/jobs/" + jobId + "/test-run-id");

		assertThat(early.status()).isEqualTo(400);
		assertThat(early.json().path("code").asInt()).isEqualTo(9);
		assertThat(early.message()).contains(jobId, "JOB_STATUS_REQUESTED", "succeeded");
		assertThat(late.ok().path("testRunId").asString())
			.isEqualTo(job.path("jobData").path("stress").path("testRunId").asString());
		assertThat(this.http.get("/v1/jobs/" + jobId + "/project-id").ok().path("projectId").path("uuid").asString())
			.isEqualTo(this.emulator.defaultProjectId());
	}

	@Test
	void aCancelledJobIsMarkedThenCancelled() {
		String jobId = this.http.startStressTest(this.emulator.defaultProjectId(), "cancel", this.dataPath, null)
			.path("jobId")
			.asString();
		this.clock.advance(Duration.ofSeconds(20));

		assertThat(this.http.post("/v1/jobs/cancel/" + jobId, null).ok().isEmpty()).isTrue();
		JsonNode requested = getJob(jobId, false);
		this.clock.advance(Duration.ofSeconds(3));
		JsonNode cancelled = getJob(jobId, false);
		EmulatorHttp.Answer again = this.http.post("/v1/jobs/cancel/" + jobId, null);

		assertThat(requested.path("status").asString()).isEqualTo("JOB_STATUS_RUNNING");
		assertThat(requested.path("cancellationRequested").asBoolean()).isTrue();
		assertThat(cancelled.path("status").asString()).isEqualTo("JOB_STATUS_CANCELLED");
		assertThat(cancelled.path("completionTime").asString()).isEqualTo("2026-01-05T10:00:23Z");
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.message()).contains("already finished", "JOB_STATUS_CANCELLED");
	}

	@Test
	void aFinishedJobExpiresAfterTwoDays() {
		String projectId = this.emulator.defaultProjectId();
		String jobId = this.http.startStressTest(projectId, "expiry", this.dataPath, null).path("jobId").asString();
		this.clock.advance(Duration.ofSeconds(110));
		this.clock.advance(Duration.ofDays(2).minusSeconds(1));
		assertThat(getJob(jobId, false).path("status").asString()).isEqualTo("JOB_STATUS_SUCCEEDED");
		assertThat(this.http.get("/v1/jobs/project/" + projectId).ok().path("jobs")).hasSize(1);

		this.clock.advance(Duration.ofSeconds(1));

		EmulatorHttp.Answer expired = this.http.get("/v1/jobs/" + jobId);
		assertThat(expired.status()).isEqualTo(404);
		assertThat(expired.message()).isEqualTo("job '" + jobId + "' not found");
		assertThat(this.http.get("/v1/jobs/project/" + projectId).ok().path("jobs")).isEmpty();
	}

	@Test
	void aCustomImageThatCannotBePulledFailsTheJobWithLogsReadableWithoutTheKey() {
		String image = "{\"customImage\":{\"name\":\"acme/does-not-exist:1.0\",\"pullSecret\":{\"name\":\"regcred\"}}}";
		String jobId = this.http.startStressTest(this.emulator.defaultProjectId(), "bad-image", this.dataPath, image)
			.path("jobId")
			.asString();
		this.clock.advance(Duration.ofSeconds(10));

		JsonNode failed = getJob(jobId, true);
		String logsUrl = failed.path("archivedJobLogs").path("url").path("url").asString();
		String logsPath = logsUrl.substring(this.emulator.baseUrl().toString().length());
		EmulatorHttp.Answer logs = this.http.send("GET", logsPath, null, Map.of("rime-api-key", ""));
		RecordedRequest logsRequest = this.emulator.requests().get(this.emulator.requests().size() - 1);
		EmulatorHttp.Answer forged = this.http.send("GET", logsPath.replace("signature=", "signature=0"), null,
				Map.of());

		assertThat(failed.path("status").asString()).isEqualTo("JOB_STATUS_FAILED");
		assertThat(failed.path("errorMsg").asString()).contains("Failed to pull image", "acme/does-not-exist:1.0");
		assertThat(failed.path("jobData").path("stress").path("customImage").path("customImage").path("name").asString())
			.isEqualTo("acme/does-not-exist:1.0");
		assertThat(failed.has("startTime")).isFalse();
		assertThat(logsUrl).startsWith(this.emulator.baseUrl() + "/archived-logs/" + jobId + "?");
		assertThat(logsRequest.path()).startsWith("/archived-logs/");
		assertThat(logsRequest.apiKeyPresent()).isFalse();
		assertThat(logs.status()).isEqualTo(200);
		assertThat(logs.contentType()).startsWith("text/plain");
		assertThat(logs.body()).contains("Failed to pull image", "JOB_STATUS_FAILED");
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void archivedLogLinksExpire() {
		String image = "{\"managedImageName\":\"does-not-exist\"}";
		String jobId = this.http.startStressTest(this.emulator.defaultProjectId(), "logs-expire", this.dataPath, image)
			.path("jobId")
			.asString();
		this.clock.advance(Duration.ofSeconds(10));
		String logsUrl = getJob(jobId, false).path("archivedJobLogs").path("url").path("url").asString();
		String logsPath = logsUrl.substring(this.emulator.baseUrl().toString().length());

		this.clock.advance(Duration.ofDays(7).plusSeconds(1));

		assertThat(this.http.get(logsPath).status()).isEqualTo(403);
	}

	@Test
	void aDatasetWithoutTheLabelColumnFailsValidationAndCannotBeTested() throws IOException {
		String projectId = this.emulator.defaultProjectId();
		Path noLabel = Files.writeString(this.temp.resolve("nolabel.csv"), "a,b,c\n1,2,3\n");
		JsonNode registered = this.http.post("/v1/registry/" + projectId + "/dataset",
				"{\"name\":\"bad\",\"dataInfo\":{\"connectionInfo\":{\"dataFile\":{\"path\":\"" + noLabel.toUri()
						+ "\"}},\"dataParams\":{\"labelCol\":\"Survived\"}}}")
			.ok();
		String validationJobId = registered.path("registryValidationJobId").path("uuid").asString();
		String modelId = this.http.post("/v1/registry/" + projectId + "/model",
				"{\"name\":\"m\",\"modelInfo\":{\"modelPath\":{\"path\":\"s3://m/model.py\"}}}")
			.ok()
			.path("modelId")
			.path("uuid")
			.asString();

		JsonNode before = getJob(validationJobId, false);
		this.clock.advance(Duration.ofSeconds(2));
		JsonNode after = getJob(validationJobId, false);
		EmulatorHttp.Answer start = this.http.post("/v1/stress-tests/" + projectId,
				"{\"testRunConfig\":{\"runName\":\"r\",\"modelId\":{\"uuid\":\"" + modelId
						+ "\"},\"dataInfo\":{\"evalDatasetId\":\"" + registered.path("datasetId").asString() + "\"}}}");

		assertThat(before.path("status").asString()).isIn("JOB_STATUS_PENDING", "JOB_STATUS_RUNNING");
		assertThat(after.path("status").asString()).isEqualTo("JOB_STATUS_FAILED");
		assertThat(after.path("errorMsg").asString()).contains("label column 'Survived'", "a, b, c");
		assertThat(start.status()).isEqualTo(400);
		assertThat(start.message()).contains("failed validation", "label column 'Survived'");
	}

	@Test
	void aStressTestOnUnknownIdsNamesThem() {
		String projectId = this.emulator.defaultProjectId();

		EmulatorHttp.Answer answer = this.http.post("/v1/stress-tests/" + projectId,
				"{\"testRunConfig\":{\"runName\":\"r\",\"modelId\":{\"uuid\":\"model-x\"},\"dataInfo\":{\"evalDatasetId\":\"data-y\"}}}");
		EmulatorHttp.Answer missing = this.http.post("/v1/stress-tests/" + projectId,
				"{\"testRunConfig\":{\"runName\":\"r\",\"modelId\":{\"uuid\":\"model-x\"}}}");
		EmulatorHttp.Answer badCategory = this.http.post("/v1/stress-tests/" + projectId,
				"{\"testRunConfig\":{\"runName\":\"r\",\"modelId\":{\"uuid\":\"m\"},\"dataInfo\":{\"evalDatasetId\":\"d\"},\"categories\":[\"TEST_CATEGORY_TYPE_VIBES\"]}}");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.message()).contains("testRunConfig.modelId", "model-x");
		assertThat(missing.message()).isEqualTo("testRunConfig.dataInfo is required");
		assertThat(badCategory.message()).contains("testRunConfig.categories[0]", "TEST_CATEGORY_TYPE_VIBES");
	}

	@Test
	void jobsAreListedPerProjectByStatusAcrossPages() {
		String projectId = this.emulator.defaultProjectId();
		List<String> started = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			started.add(this.http.startStressTest(projectId, "list-" + i, this.dataPath, null).path("jobId").asString());
		}
		this.clock.advance(Duration.ofSeconds(20));
		this.http.post("/v1/jobs/cancel/" + started.get(0), null).ok();
		this.clock.advance(Duration.ofSeconds(5));

		List<String> running = new ArrayList<>();
		JsonNode page = this.http.get("/v1/jobs/project/" + projectId
				+ "?firstPageQuery.selectedStatuses=JOB_STATUS_RUNNING&firstPageQuery.selectedStatuses=JOB_STATUS_PENDING"
				+ "&firstPageQuery.selectedTypes=JOB_TYPE_MODEL_STRESS_TEST&pageSize=2&view=JOB_VIEW_BASIC")
			.ok();
		int pages = 1;
		page.path("jobs").forEach((job) -> running.add(job.path("jobId").asString()));
		while (page.path("hasMore").asBoolean()) {
			page = this.http.get("/v1/jobs/project/" + projectId + "?pageSize=2&pageToken="
					+ page.path("nextPageToken").asString()).ok();
			page.path("jobs").forEach((job) -> running.add(job.path("jobId").asString()));
			pages++;
		}
		JsonNode cancelled = this.http
			.get("/v1/jobs/project/" + projectId + "?firstPageQuery.selectedStatuses=JOB_STATUS_CANCELLED")
			.ok();
		EmulatorHttp.Answer badStatus = this.http
			.get("/v1/jobs/project/" + projectId + "?firstPageQuery.selectedStatuses=RUNNING");

		assertThat(running).containsExactlyElementsOf(started.subList(1, 7));
		assertThat(pages).isEqualTo(3);
		assertThat(cancelled.path("jobs")).hasSize(1);
		assertThat(cancelled.path("jobs").get(0).path("jobId").asString()).isEqualTo(started.get(0));
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.message()).contains("firstPageQuery.selectedStatuses", "'RUNNING'");
	}

	private JsonNode getJob(String jobId, boolean full) {
		return this.http.get("/v1/jobs/" + jobId + (full ? "?view=JOB_VIEW_FULL" : "")).ok().path("job");
	}

}
