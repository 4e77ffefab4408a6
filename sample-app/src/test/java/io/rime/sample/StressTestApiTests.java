package io.rime.sample;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import io.rime.client.RimeClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The REST API for trying the starter: {@code POST /stress-tests}, {@code GET /stress-tests},
 * {@code GET /stress-tests/{id}} and {@code GET /stress-tests/{id}/results}, and its answers to
 * bad input: 400 with an RFC 9457 problem detail, never a 500 or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { TestResults.PROPERTY, "rime.sample.run-on-startup=false", "rime.emulator.pending-duration=200ms",
				"rime.emulator.running-duration=3s" })
class StressTestApiTests {

	@Value("${local.server.port}")
	private int port;

	@Autowired
	private RimeClient client;

	private SampleHttp http;

	@BeforeEach
	void http() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void aStressTestStartedWithoutABodyRunsInTheSampleProjectAndItsResultsCanBeDownloadedOnceItSucceeded() {
		HttpResponse<String> started = this.http.postWithoutBody("/stress-tests");

		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode body = SampleHttp.json(started);
		String jobId = body.get("jobId").asString();
		assertThat(started.headers().firstValue("Location")).hasValue("/stress-tests/" + jobId);
		assertThat(body.get("runName").asString()).isEqualTo("titanic");
		assertThat(body.get("results").asString()).isEqualTo("/stress-tests/" + jobId + "/results");
		String projectId = body.get("projectId").asString();

		await().atMost(Duration.ofSeconds(60))
			.until(() -> SampleHttp.json(this.http.get("/stress-tests/" + jobId)).get("status").asString(),
					"SUCCEEDED"::equals);
		JsonNode job = SampleHttp.json(this.http.get("/stress-tests/" + jobId));
		// the emulator's 10 data checks of the Titanic files and 6 model batches it skips
		assertThat(job.get("progress").asString()).isEqualTo("16 / 16");
		assertThat(job.get("runningTimeSecs").asDouble()).isPositive();

		HttpResponse<String> results = this.http.get("/stress-tests/" + jobId + "/results");
		assertThat(results.statusCode()).isEqualTo(200);
		assertThat(results.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/csv"));
		assertThat(results.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"" + jobId + ".csv\"");
		List<String> lines = results.body().lines().toList();
		assertThat(lines.get(0))
			.isEqualTo("test_name,feature(s),status,test_type,severity,importance_score,test_category");
		assertThat(lines).hasSize(100);

		// like the start-up run, a run started through the API has its results written when it ends
		Path written = TestResults.FOLDER.resolve(jobId + ".csv");
		await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(written));
		assertThat(written).hasContent(results.body());

		JsonNode listed = SampleHttp.json(this.http.get("/stress-tests?projectId=" + projectId));
		assertThat(listed.valueStream().map((item) -> item.get("jobId").asString())).contains(jobId);
	}

	@Test
	void theResultsOfAJobThatHasNotSucceededAreAConflictThatSaysSo() {
		String jobId = SampleHttp.json(this.http.postWithoutBody("/stress-tests")).get("jobId").asString();
		// a job asked to cancel never succeeds, so its results cannot exist whenever the GET arrives
		this.client.getStressTestJob(jobId).cancel();

		HttpResponse<String> early = this.http.get("/stress-tests/" + jobId + "/results");

		assertThat(assertProblem(early, 409, "Job has no results").get("detail").asString())
			.matches("Job has status (PENDING|RUNNING|CANCELLED); it must have status SUCCEEDED to get results");
	}

	@Test
	void aRunNameLongerThanRimeTakesIsABadRequestNamingTheFieldAndNothingIsRegistered() {
		int jobsBefore = jobIds("/stress-tests").size();

		HttpResponse<String> tooLong = this.http.post("/stress-tests", "application/json",
				"{\"runName\": \"" + "r".repeat(236) + "\"}");
		HttpResponse<String> huge = this.http.post("/stress-tests", "application/json",
				"{\"runName\": \"" + "r".repeat(30 * 1024 * 1024) + "\"}");

		JsonNode problem = assertProblem(tooLong, 400, "Invalid input");
		assertThat(problem.get("detail").asString()).startsWith("runName must be at most 235 characters long, but has 236");
		assertThat(problem.get("field").asString()).isEqualTo("runName");
		assertThat(assertProblem(huge, 400, "Invalid input").get("detail").asString())
			.startsWith("runName must be at most 235 characters long, but has 31457280");
		assertThat(jobIds("/stress-tests")).hasSize(jobsBefore);
	}

	@Test
	void aStressTestCanBeStartedWithARunNameInAGivenProjectAndListedByStatus() {
		String defaultProjectId = SampleHttp.json(this.http.postWithoutBody("/stress-tests")).get("projectId").asString();

		HttpResponse<String> started = this.http.post("/stress-tests", "application/json",
				"{\"projectId\": \"" + defaultProjectId + "\", \"runName\": \"titanic-api\"}");

		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode body = SampleHttp.json(started);
		assertThat(body.get("projectId").asString()).isEqualTo(defaultProjectId);
		assertThat(body.get("runName").asString()).isEqualTo("titanic-api");
		String jobId = body.get("jobId").asString();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jobIds("/stress-tests?status=SUCCEEDED").contains(jobId));
		assertThat(jobIds("/stress-tests?status=PENDING,RUNNING")).doesNotContain(jobId);
		assertThat(jobIds("/stress-tests?status=FAILING&status=CANCELLED")).doesNotContain(jobId);
		JsonNode listed = SampleHttp.json(this.http.get("/stress-tests?status=SUCCEEDED&projectId=" + defaultProjectId));
		assertThat(listed.valueStream().filter((item) -> item.get("jobId").asString().equals(jobId)).findFirst())
			.hasValueSatisfying((item) -> {
				assertThat(item.get("status").asString()).isEqualTo("SUCCEEDED");
				assertThat(item.get("projectId").asString()).isEqualTo(defaultProjectId);
				assertThat(item.get("startTime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"projectId\":", "[1, 2]", "\"titanic\"", "{\"runName\": {\"nested\": true}}", "not json" })
	void malformedJsonIsABadRequestWithAProblemDetail(String body) {
		HttpResponse<String> response = this.http.post("/stress-tests", "application/json", body);

		JsonNode problem = assertProblem(response, 400, "Malformed request body");
		assertThat(problem.get("detail").asString()).startsWith("The request body is not a valid JSON object")
			.endsWith("expected {\"projectId\": \"...\", \"runName\": \"...\"} (both optional) or no body");
		assertThat(problem.get("instance").asString()).isEqualTo("/stress-tests");
	}

	@Test
	void startingInAnUnknownProjectIsABadRequestWithAProblemDetail() {
		String unknown = UUID.randomUUID().toString();

		HttpResponse<String> response = this.http.post("/stress-tests", "application/json",
				"{\"projectId\": \"" + unknown + "\"}");

		JsonNode problem = assertProblem(response, 400, "Unknown project");
		assertThat(problem.get("detail").asString()).startsWith("RIME has no project '" + unknown + "'");
		assertThat(problem.get("projectId").asString()).isEqualTo(unknown);
	}

	@Test
	void listingAnUnknownProjectIsABadRequestWithAProblemDetail() {
		HttpResponse<String> response = this.http.get("/stress-tests?projectId=no-such-project");

		assertThat(assertProblem(response, 400, "Unknown project").get("detail").asString())
			.startsWith("RIME has no project 'no-such-project'");
	}

	@Test
	void aBlankProjectIdIsABadRequestWithAProblemDetail() {
		HttpResponse<String> response = this.http.post("/stress-tests", "application/json", "{\"projectId\": \" \"}");

		assertThat(assertProblem(response, 400, "Invalid input").get("detail").asString())
			.isEqualTo("projectId is ' '; expected a non-blank id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "DONE", "runing", "SUCCEEDED,FINISHED" })
	void aBadStatusFilterIsABadRequestThatListsTheValidStatuses(String filter) {
		HttpResponse<String> response = this.http.get("/stress-tests?status=" + filter);

		assertThat(assertProblem(response, 400, "Invalid input").get("detail").asString())
			.startsWith("Unknown job status name '")
			.contains("expected one of UNKNOWN_JOB_STATUS, PENDING, RUNNING, FAILING, SUCCEEDED, CANCELLED (any case)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "running", "JOB_STATUS_RUNNING", "failed,SUCCEEDED" })
	void aStatusFilterTakesRestNamesAndCommonSpellings(String filter) {
		HttpResponse<String> response = this.http.get("/stress-tests?status=" + filter);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void theResultsOfAnUnknownJobAreNotFound() {
		HttpResponse<String> response = this.http.get("/stress-tests/" + UUID.randomUUID() + "/results");

		assertProblem(response, 404, "Not Found");
	}

	@Test
	void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeWithAProblemDetail() {
		HttpResponse<String> response = this.http.post("/stress-tests", "text/plain", "titanic");

		assertProblem(response, 415, "Unsupported Media Type");
	}

	private List<String> jobIds(String path) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		return SampleHttp.json(response).valueStream().map((item) -> item.get("jobId").asString()).toList();
	}

	private static JsonNode assertProblem(HttpResponse<String> response, int status, String title) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace", "io.rime.");
		JsonNode problem = SampleHttp.json(response);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

}
