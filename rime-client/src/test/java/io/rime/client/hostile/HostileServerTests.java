package io.rime.client.hostile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.springframework.core.retry.RetryPolicy;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeException;
import io.rime.client.RimeInfo;
import io.rime.client.RimeStressTestJob;
import io.rime.client.hostile.HostileServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A RIME that answers garbage: huge, slow, deeply nested or ambiguous bodies. Each call must end
 * in bounded time and memory with a {@link RimeException} that says what was wrong, never a raw
 * Jackson or Spring exception, and no call may leave the paths the SDK meant.
 */
@Tag("slow")
class HostileServerTests {

	private static final String API_KEY = "sk-hostile-0123456789";

	private static final long FIFTY_MB = 50L * 1024 * 1024;

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

	/** The documented bound of a call and its retries; bodies are read within it too. */
	private static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);

	/**
	 * How much later than the call timeout a call may end on a loaded 2-core machine. Without the
	 * deadline the trickled cases below take a minute, so the margin still tells the two apart.
	 */
	private static final Duration DEADLINE_MARGIN = Duration.ofSeconds(4);

	private static final Trials trials = new Trials();

	private final HostileServer server = new HostileServer();

	@TempDir
	Path directory;

	private final RimeClient client = clientBuilder(this.server.baseUrl()).build();

	@AfterEach
	void close() {
		this.client.close();
		this.server.close();
	}

	@AfterAll
	static void printSummary() {
		trials.print("Hostile server (read timeout " + READ_TIMEOUT.toSeconds() + " s, call timeout "
				+ CALL_TIMEOUT.toSeconds() + " s, body cap 16 MiB):");
	}

	@Test
	void aFiftyMegabyteJobIsRefusedOnceItPassesTheCap() {
		this.server.on("/v1/jobs/big", Answer.huge(200, "{\"job\": {\"jobId\": \"big\", \"errorMsg\": \"", 'x', FIFTY_MB, "\"}}"));
		Object outcome = trials.run("50 MB job JSON", () -> status("big"));
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("get_job (GET /v1/jobs/big)")
			.hasMessageContaining("larger than 16 MiB");
		assertThat(this.server.bytesWritten()).as("the client stopped reading").isLessThan(FIFTY_MB);
	}

	@Test
	void aFiftyMegabyteErrorBodyIsReadOnlyAsFarAsTheMessageNeeds() {
		this.server.on("/v1/jobs/big", Answer.huge(500, "{\"code\": 13, \"message\": \"", 'e', FIFTY_MB, "\"}"));
		Object outcome = trials.run("50 MB error body (HTTP 500)", () -> status("big"));
		assertThat(outcome).isInstanceOfSatisfying(RimeApiException.class, (ex) -> {
			assertThat(ex.getHttpStatus()).isEqualTo(500);
			// The message stays short enough for a log line; the server's text is kept apart.
			assertThat(ex.getMessage()).hasSizeLessThan(1200).endsWith("...");
			assertThat(ex.getServerMessage()).hasSizeGreaterThan(1000);
		});
		assertThat(this.server.bytesWritten()).as("the client stopped reading").isLessThan(FIFTY_MB);
	}

	@Test
	void aFiftyMegabyteResultPageLeavesNoFileBehind() throws Exception {
		this.server.on("/v1/jobs/done", Answer.json(200, "{\"job\": {\"jobId\": \"done\", \"status\": \"JOB_STATUS_SUCCEEDED\"}}"));
		this.server.on("/v1/jobs/done/test-run-id", Answer.json(200, "{\"testRunId\": \"tr\"}"));
		this.server.on("/v1/batch-results", Answer.json(200, "{\"testBatches\": [{\"testType\": \"t\", \"testName\": \"T\"}]}"));
		Answer firstPage = Answer.json(200, """
				{"testCases": [{"testBatchType": "t", "features": ["f"]}], "nextPageToken": "p2", "hasMore": true}""");
		Answer hugePage = Answer.huge(200, "{\"testCases\": [", ' ', FIFTY_MB, "]}");
		this.server.on("/v1/test-cases", (exchange, body) -> (exchange.getRequestURI()
			.getRawQuery()
			.contains("pageToken") ? hugePage : firstPage).write(exchange, body));
		Path file = this.directory.resolve("results.csv");
		Object outcome = trials.run("50 MB result page (second page)", () -> {
			this.client.job("done").getResultCsv(file);
			return file;
		});
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("get_result_csv (GET /v1/test-cases)")
			.hasMessageContaining("larger than 16 MiB");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).as("no results file, complete or partial").isEmpty();
		}
	}

	@Test
	void aSecondDocumentAfterAValidAnswerIsAMalformedResponse() {
		this.server.on("/v1/jobs/two", Answer.json(200, """
				{"job": {"jobId": "two", "status": "JOB_STATUS_RUNNING"}}
				{"job": {"jobId": "two", "status": "JOB_STATUS_SUCCEEDED"}}"""));
		Object outcome = trials.run("a second JSON document after the answer", () -> status("two"));
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("not the expected JSON")
			.hasMessageContaining("Trailing token");
	}

	@Test
	void aBodyTrickledAByteASecondEndsAtTheCallTimeout() {
		byte[] job = "{\"job\": {\"jobId\": \"slow\", \"status\": \"JOB_STATUS_RUNNING\"}}".getBytes(StandardCharsets.UTF_8);
		this.server.on("/v1/jobs/slow", (exchange, body) -> {
			exchange.sendResponseHeaders(200, job.length);
			body.trickle(job, 1000);
		});
		Trials.Timed trial = trials.timed("job JSON trickled at 1 byte/s", () -> status("slow"));
		assertThat(thrown(trial.outcome())).isInstanceOf(RimeConnectionException.class)
			.hasMessageContaining("get_job (GET /v1/jobs/slow)")
			.hasMessageContaining("timeout");
		assertEndedAtTheCallTimeout(trial);
	}

	@Test
	void anErrorBodyTrickledAByteASecondEndsAtTheCallTimeout() {
		byte[] error = "{\"code\": 14, \"message\": \"overloaded, please retry\"}".getBytes(StandardCharsets.UTF_8);
		this.server.on("/v1/rime-info", (exchange, body) -> {
			exchange.sendResponseHeaders(503, 0);
			body.trickle(error, 1000);
		});
		Trials.Timed trial = trials.timed("503 error body trickled at 1 byte/s", this.client::getRimeInfo);
		assertThat(thrown(trial.outcome())).isInstanceOf(RimeConnectionException.class)
			.hasMessageContaining("get_rime_info (GET /v1/rime-info)")
			.hasMessageContaining("timeout");
		assertEndedAtTheCallTimeout(trial);
	}

	@Test
	void aRedirectsBodyIsNotWaitedFor() {
		byte[] page = "<html>moved</html>".repeat(10).getBytes(StandardCharsets.UTF_8);
		this.server.on("/v1/rime-info", (exchange, body) -> {
			exchange.getResponseHeaders().set("Location", "/v1/rime-info-moved");
			exchange.sendResponseHeaders(307, 0);
			body.trickle(page, 1000);
		});
		this.server.on("/v1/rime-info-moved", Answer.json(200, "{\"clusterInfoVersion\": \"2.10.16\"}"));
		Object outcome = trials.run("redirect with a body trickled at 1 byte/s", this.client::getRimeInfo);
		assertThat(outcome).isInstanceOfSatisfying(RimeInfo.class,
				(info) -> assertThat(info.version()).isEqualTo("2.10.16"));
	}

	@Test
	void headersTrickledAByteASecondEndAtTheCallTimeout() throws Exception {
		String response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
		try (TricklingSocketServer trickling = new TricklingSocketServer(response, 1000);
				RimeClient slowClient = clientBuilder(trickling.baseUrl()).build()) {
			Trials.Timed trial = trials.timed("status line and headers trickled at 1 byte/s", slowClient::getRimeInfo);
			assertThat(thrown(trial.outcome())).isInstanceOf(RimeConnectionException.class)
				.hasMessageContaining("get_rime_info (GET /v1/rime-info)")
				.hasMessageContaining("timeout");
			assertEndedAtTheCallTimeout(trial);
		}
	}

	@Test
	void deeplyNestedJsonIsAMalformedResponse() {
		this.server.on("/v1/jobs/deep", Answer.json(200, "{\"job\": {\"jobId\": \"deep\", \"extra\": " + nested(100_000) + "}}"));
		Object outcome = trials.run("job JSON nested 100,000 deep", () -> status("deep"));
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("not the expected JSON")
			.hasMessageContaining("nesting depth");
	}

	@Test
	void aDeeplyNestedErrorBodyStillGivesTheStatus() {
		this.server.on("/v1/jobs/deep", Answer.json(400, "{\"message\": " + nested(100_000) + "}"));
		Object outcome = trials.run("error body nested 100,000 deep (HTTP 400)", () -> status("deep"));
		assertThat(outcome).isInstanceOfSatisfying(RimeApiException.class,
				(ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
	}

	@Test
	void unknownEnumValuesAndFieldsAreTolerated() {
		this.server.on("/v1/jobs/new", Answer.json(200, """
				{"job": {"jobId": "new", "jobType": "JOB_TYPE_QUANTUM", "status": "JOB_STATUS_FROZEN",
				 "futureField": {"deep": [1, {"x": null}]}, "runningTimeSecs": 2.5}, "alsoNew": true}"""));
		Object outcome = trials.run("unknown enum values and fields", () -> status("new"));
		assertThat(outcome).isEqualTo(new JobMetadata("new", JobType.UNKNOWN_JOB_TYPE, JobStatus.UNKNOWN_JOB_STATUS, 0,
				2.5, 0, 0, null, false));
	}

	@Test
	void duplicateKeysAreAMalformedResponse() {
		this.server.on("/v1/jobs/dup", Answer.json(200, """
				{"job": {"jobId": "dup", "status": "JOB_STATUS_SUCCEEDED", "status": "JOB_STATUS_FAILED"}}"""));
		Object outcome = trials.run("duplicate keys", () -> status("dup"));
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("not the expected JSON")
			.hasMessageContaining("Duplicate Object property \"status\"");
	}

	@Test
	void idsGivenAsArgumentsStayInOnePathSegment() {
		List<String> ids = List.of("../projects", "..%2F..%2Fadmin", "a/b", "j?view=x", "j#f", "a b", "%2e%2e");
		Object outcome = trials.run("hostile ids as arguments", () -> ids.stream().map(this::notFoundStatus).toList());
		assertThat(outcome).isEqualTo(List.of(404, 404, 404, 404, 404, 404, 404));
		assertThat(this.server.targets()).containsExactly("/v1/jobs/..%2Fprojects?view=JOB_VIEW_FULL",
				"/v1/jobs/..%252F..%252Fadmin?view=JOB_VIEW_FULL", "/v1/jobs/a%2Fb?view=JOB_VIEW_FULL",
				"/v1/jobs/j%3Fview%3Dx?view=JOB_VIEW_FULL", "/v1/jobs/j%23f?view=JOB_VIEW_FULL",
				"/v1/jobs/a%20b?view=JOB_VIEW_FULL", "/v1/jobs/%252e%252e?view=JOB_VIEW_FULL");
	}

	@Test
	void idsFromTheServerStayInOnePathSegment() {
		this.server.on("/v1/projects", Answer.json(200, """
				{"projects": [{"project": {"id": {"uuid": "../admin"}}}, {"project": {"id": {"uuid": ".."}}},
				 {"project": {"id": {"uuid": "p%2F1"}}}], "hasMore": false}"""));
		Answer firstPage = Answer.json(200, """
				{"jobs": [{"jobId": "../../v1/projects", "status": "JOB_STATUS_RUNNING"},
				 {"jobId": ".", "status": "JOB_STATUS_RUNNING"}, {"jobId": "j?x#y z", "status": "JOB_STATUS_RUNNING"}],
				 "hasMore": true, "nextPageToken": "t&pageSize=100000#"}""");
		Answer lastPage = Answer.json(200, "{\"jobs\": [], \"hasMore\": false}");
		this.server.on("/v1/jobs/project/..%2Fadmin", (exchange, body) -> (exchange.getRequestURI()
			.getRawQuery()
			.contains("pageToken") ? lastPage : firstPage).write(exchange, body));
		Object outcome = trials.run("hostile ids and page token from the server", () -> this.client.listStressTestJobs()
			.stream()
			.map(RimeStressTestJob::jobId)
			.peek(this::notFoundStatus)
			.toList());
		assertThat(outcome).isEqualTo(List.of("../../v1/projects", "j?x#y z"));
		assertThat(this.server.targets()).containsExactly("/v1/projects?pageSize=100",
				"/v1/jobs/project/..%2Fadmin?pageSize=100&firstPageQuery.selectedTypes=JOB_TYPE_MODEL_STRESS_TEST&view=JOB_VIEW_BASIC",
				"/v1/jobs/project/..%2Fadmin?pageSize=100&pageToken=t%26pageSize%3D100000%23&view=JOB_VIEW_BASIC",
				"/v1/jobs/project/p%252F1?pageSize=100&firstPageQuery.selectedTypes=JOB_TYPE_MODEL_STRESS_TEST&view=JOB_VIEW_BASIC",
				"/v1/jobs/..%2F..%2Fv1%2Fprojects?view=JOB_VIEW_FULL", "/v1/jobs/j%3Fx%23y%20z?view=JOB_VIEW_FULL");
	}

	@Test
	void aDotSegmentJobIdInAStartAnswerIsAMalformedResponse() {
		this.server.on("/v1/stress-tests/p-1", Answer.json(200, """
				{"job": {"jobId": "..", "status": "JOB_STATUS_PENDING"}}"""));
		Object outcome = trials.run("a '..' job id in a start answer", () -> this.client.startStressTest(
				Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
						Map.of("refDatasetId", "d", "evalDatasetId", "d")), "p-1"));
		assertThat(thrown(outcome)).isExactlyInstanceOf(RimeException.class)
			.hasMessageContaining("job id '..', which cannot name a job")
			.hasMessageContaining("list the project's jobs");
		assertThat(this.server.targets()).containsExactly("/v1/stress-tests/p-1");
	}

	/**
	 * Not before the call timeout (then the read timeout, 2 s, would have ended it), and not much
	 * after it.
	 */
	private static void assertEndedAtTheCallTimeout(Trials.Timed trial) {
		assertThat(trial.elapsed()).as("ended at the call timeout of %s", CALL_TIMEOUT)
			.isBetween(CALL_TIMEOUT.minusMillis(500), CALL_TIMEOUT.plus(DEADLINE_MARGIN));
	}

	private static RimeClientBuilder clientBuilder(URI address) {
		return RimeClient.builder()
			.address(address)
			.apiKey(API_KEY)
			.readTimeout(READ_TIMEOUT)
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(10)).timeout(CALL_TIMEOUT).build());
	}

	private JobMetadata status(String jobId) {
		return this.client.job(jobId).getStatus();
	}

	private int notFoundStatus(String jobId) {
		try {
			status(jobId);
			throw new AssertionError("expected a 404 for " + jobId);
		}
		catch (RimeApiException ex) {
			return ex.getHttpStatus();
		}
	}

	private static Throwable thrown(Object outcome) {
		assertThat(outcome).isInstanceOf(Throwable.class);
		assertThat((Throwable) outcome).hasMessageNotContaining(API_KEY);
		return (Throwable) outcome;
	}

	private static String nested(int depth) {
		return "[".repeat(depth) + "]".repeat(depth);
	}

}
