package io.rime.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A newer server sends values and fields this SDK does not know; the emulator does not, so a
 * stub stands in for it here.
 */
class UnknownServerValuesTests {

	private final Map<String, String> bodies = new ConcurrentHashMap<>();

	@TempDir
	Path directory;

	private final HttpServer server = start();

	private final RimeClient client = RimeClient.builder()
		.address(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
		.retryPolicy(TestRime.FAST_RETRIES)
		.build();

	@AfterEach
	void stop() {
		this.client.close();
		this.server.stop(0);
	}

	@Test
	void anUnknownJobStatusBecomesUnknownJobStatus() {
		this.bodies.put("/v1/jobs/j1", """
				{"job": {"jobId": "j1", "jobType": "JOB_TYPE_QUANTUM_TEST", "status": "JOB_STATUS_PAUSED",
				 "newField": {"nested": [1, 2]}, "runningTimeSecs": 1.5, "startTime": "not a time"}}""");
		JobMetadata job = this.client.getStressTestJob("j1").getStatus();
		assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN_JOB_STATUS);
		assertThat(job.type()).isEqualTo(JobType.UNKNOWN_JOB_TYPE);
		assertThat(job.startTimeSecs()).isZero();
		assertThat(job.runningTimeSecs()).isEqualTo(1.5);
	}

	@Test
	void missingFieldsTakeTheirDefaults() {
		this.bodies.put("/v1/jobs/j2", "{\"job\": {}}");
		JobMetadata job = this.client.getStressTestJob("j2").getStatus();
		assertThat(job).isEqualTo(new JobMetadata("j2", JobType.UNKNOWN_JOB_TYPE, JobStatus.UNKNOWN_JOB_STATUS, 0, 0,
				0, 0, null, false));
	}

	@Test
	void nullElementsInServerListsAreSkippedNotANullPointerException() throws IOException {
		this.bodies.put("/v1/projects", """
				{"projects": [null, {"project": null}, {"project": {"id": {"uuid": "p1"}, "name": "one"}}],
				 "hasMore": false}""");
		this.bodies.put("/v1/jobs/project/p1", "{\"jobs\": [null, {\"jobId\": \"j1\", \"status\": \"JOB_STATUS_RUNNING\"}]}");
		this.bodies.put("/v1/jobs/j1", """
				{"job": {"jobId": "j1", "status": "JOB_STATUS_SUCCEEDED", "jobData": {"stress": {"testRunId": "tr",
				 "progress": {"testRun": {"testBatches": [null, {"status": "TEST_TASK_STATUS_COMPLETED"}]}}}}}}""");
		this.bodies.put("/v1/batch-results", "{\"testBatches\": [null, {\"testType\": \"t\", \"testName\": \"T\"}]}");
		this.bodies.put("/v1/test-cases", "{\"testCases\": [null, {\"testBatchType\": \"t\", \"features\": [\"f\"]}]}");

		assertThat(this.client.listProjects()).containsExactly(new RimeProject("p1", "one", ""));
		assertThat(this.client.listStressTestJobs()).extracting(RimeStressTestJob::jobId).containsExactly("j1");
		RimeStressTestJob job = this.client.job("j1");
		assertThat(job.getStatus().completedTestBatches()).isEqualTo(1);
		job.getResultCsv(this.directory.resolve("r.csv"), "0.12.0");
		assertThat(Files.readAllLines(this.directory.resolve("r.csv"))).containsExactly("test_name,feature(s),status",
				"T,f,TEST_CASE_STATUS_PASS");
	}

	@Test
	void aServerThatRepeatsThePageTokenDoesNotMakeTheListingLoopForever() {
		this.bodies.put("/v1/projects", "{\"projects\": [], \"nextPageToken\": \"again\", \"hasMore\": true}");
		assertThatExceptionOfType(RimeException.class).isThrownBy(this.client::listProjects)
			.withMessage("RIME answered page 2 of list_projects with a page token it had already sent in this listing"
					+ " ('again'); stopped so that the listing does not loop forever");
	}

	@Test
	void anUnknownPlanIsPassedOnAsSent() {
		this.bodies.put("/v1/rime-info", "{\"riPlan\": \"RI_PLAN_GALACTIC\", \"clusterInfoVersion\": \"9.9.9\", \"x\": 1}");
		assertThat(this.client.getRimeInfo().plan()).isEqualTo("RI_PLAN_GALACTIC");
	}

	@Test
	void aBodyThatIsNotJsonIsARimeExceptionNotAParserError() {
		this.bodies.put("/v1/rime-info", "<html>gateway</html>");
		assertThatExceptionOfType(RimeException.class).isThrownBy(this.client::getRimeInfo)
			.withMessageStartingWith("RIME sent a response to get_rime_info (GET /v1/rime-info) that is not the"
					+ " expected JSON");
	}

	@Test
	void anErrorBodyThatIsNotJsonStillGivesTheStatus() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getProject("p"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(404);
				assertThat(ex.getGrpcCode()).isNull();
				assertThat(ex.getServerMessage()).isEqualTo("<html>no such page</html>");
			});
	}

	private HttpServer start() {
		try {
			HttpServer stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			stub.createContext("/", (exchange) -> {
				String body = this.bodies.get(exchange.getRequestURI().getPath());
				byte[] bytes = ((body != null) ? body : "<html>no such page</html>").getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", (body != null) ? "application/json" : "text/html");
				exchange.sendResponseHeaders((body != null) ? 200 : 404, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			stub.start();
			return stub;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
