package io.rime.client.hostile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.retry.RetryPolicy;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.RimeConnectionException;
import io.rime.client.RimeException;
import io.rime.client.RimeStressTestJob;
import io.rime.client.hostile.HostileServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A RIME, or something at its address, that breaks answers off, does not speak HTTP, points
 * elsewhere or reports what cannot be: each call ends as the documented retry rules say, with
 * a typed exception or after a retry, never with a parser's or the HTTP library's own exception.
 */
class FaultyServerTests {

	private static final String API_KEY = "sk-faulty-0123456789";

	private static final int MAX_RETRIES = 2;

	private static final String JOB = """
			{"job": {"jobId": "j1", "status": "JOB_STATUS_RUNNING", "cancellationRequested": true,
			 "jobData": {"stress": {"progress": {"testRun": {"testBatches": [
			  {"type": "a", "status": "TEST_TASK_STATUS_COMPLETED"}, {"type": "b", "status": "TEST_TASK_STATUS_RUNNING"}]}}}}}}""";

	private static final Trials trials = new Trials();

	private final HostileServer server = new HostileServer();

	private final RimeClient client = clientBuilder(this.server.baseUrl()).build();

	@AfterEach
	void close() {
		this.client.close();
		this.server.close();
	}

	@AfterAll
	static void printSummary() {
		trials.print("Faulty server (" + MAX_RETRIES + " retries):");
	}

	// Each cut leaves JSON that a parser reports differently: end of input, an unknown token, a
	// half number; only the byte count says that the body was cut, so each is fetched again.
	@ParameterizedTest(name = "cut after {0}")
	@ValueSource(strings = { "{\"job\": {\"jo", "\"status\": \"JOB_STA", "\"cancellationRequested\": tr",
			"\"jobId\": \"j1\",", "\"status\": \"TEST_TASK_STATUS_COMPLETED\"},", "{\"type\": \"a\"", "\"ty" })
	void aBodyCutShortOfItsContentLengthIsFetchedAgainWhereverItIsCut(String cutAfter) {
		AtomicInteger requests = new AtomicInteger();
		byte[] whole = JOB.getBytes(StandardCharsets.UTF_8);
		byte[] cut = JOB.substring(0, JOB.indexOf(cutAfter) + cutAfter.length()).getBytes(StandardCharsets.UTF_8);
		this.server.on("/v1/jobs/j1", (exchange, body) -> {
			exchange.sendResponseHeaders(200, whole.length);
			body.write((requests.incrementAndGet() == 1) ? cut : whole);
		});
		Object outcome = trials.run("body cut after " + cutAfter, () -> this.client.job("j1").getStatus());
		assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class, (job) -> {
			assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
			assertThat(job.completedTestBatches()).isEqualTo(1);
		});
		assertThat(requests).hasValue(2);
	}

	@Test
	void aChunkedBodyWithoutItsLastChunkIsFetchedAgain() throws Exception {
		String cut = JOB.substring(0, JOB.indexOf("\"status\": \"JOB_STA") + 18);
		String chunked = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
				+ Integer.toHexString(cut.length()) + "\r\n" + cut + "\r\n";
		String whole = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
				+ JOB.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + JOB;
		try (ScriptedSocketServer scripted = new ScriptedSocketServer(chunked, whole);
				RimeClient direct = clientBuilder(scripted.baseUrl()).build()) {
			Object outcome = trials.run("chunked body without its last chunk", () -> direct.job("j1").getStatus());
			assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
					(job) -> assertThat(job.status()).isEqualTo(JobStatus.RUNNING));
			assertThat(scripted.connections()).isEqualTo(2);
		}
	}

	@Test
	void aCompleteButMalformedBodyIsNotFetchedAgain() {
		AtomicInteger requests = new AtomicInteger();
		this.server.on("/v1/jobs/j1", (exchange, body) -> {
			requests.incrementAndGet();
			Answer.json(200, "{\"job\": {\"jobId\": \"j1\", \"sta").write(exchange, body);
		});
		Object outcome = trials.run("complete body of half a JSON document", () -> this.client.job("j1").getStatus());
		assertThat(outcome).isExactlyInstanceOf(RimeException.class)
			.satisfies((ex) -> assertThat(((Throwable) ex).getMessage())
				.startsWith("RIME sent a response to get_job (GET /v1/jobs/j1) that is not the expected JSON"));
		assertThat(requests).hasValue(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "SSH-2.0-OpenSSH_9.6\r\n", "220 mail.example.com ESMTP ready\r\n",
			"HTTP/1.1 042 Odd\r\nContent-Length: 0\r\n\r\n" })
	void anAnswerThatIsNotHttpIsAConnectionFailureRetriedLikeOne(String banner) throws Exception {
		try (ScriptedSocketServer notHttp = new ScriptedSocketServer(banner);
				RimeClient direct = clientBuilder(notHttp.baseUrl()).build()) {
			Object outcome = trials.run("not HTTP: " + banner.strip(), direct::getRimeInfo);
			assertThat(outcome).isInstanceOf(RimeConnectionException.class)
				.satisfies((ex) -> assertThat(((Throwable) ex).getMessage()).contains("get_rime_info (GET /v1/rime-info)")
					.doesNotContain(API_KEY));
			assertThat(notHttp.connections()).isEqualTo(1 + MAX_RETRIES);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "file:///etc/passwd", "jar:file:/tmp/x.jar!/a", "ftp://127.0.0.1/logs" })
	void aRedirectToAnotherSchemeIsAnApiExceptionAndNotFollowed(String location) {
		this.server.on("/v1/rime-info", (exchange, body) -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
		});
		Object outcome = trials.run("redirect to " + location, this.client::getRimeInfo);
		assertThat(outcome).isInstanceOfSatisfying(RimeApiException.class, (ex) -> {
			assertThat(ex.getHttpStatus()).isEqualTo(302);
			assertThat(ex.getMessage()).startsWith("RIME redirected get_rime_info to a URL that is not http or https");
		});
		assertThat(this.server.targets()).containsExactly("/v1/rime-info");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "file:///etc/passwd", "jar:file:/tmp/x.jar!/a", "ftp://127.0.0.1/logs" })
	void anArchivedLogUrlOfAnotherSchemeIsPrintedAsNotFetched(String url) {
		this.server.on("/v1/jobs/failed", Answer.json(200, "{\"job\": {\"jobId\": \"failed\", \"status\":"
				+ " \"JOB_STATUS_FAILED\", \"errorMsg\": \"boom\", \"archivedJobLogs\": {\"url\": {\"url\": \"" + url
				+ "\"}}}}"));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		try (RimeClient verbose = clientBuilder(this.server.baseUrl())
			.verboseOutput(new PrintStream(printed, true, StandardCharsets.UTF_8))
			.build()) {
			Object outcome = trials.run("archived logs at " + url,
					() -> verbose.job("failed").getStatus(true, false, Duration.ofSeconds(1)));
			assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
					(job) -> assertThat(job.status()).isEqualTo(JobStatus.FAILING));
		}
		assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the archived logs could not be fetched")
			.contains("not http or https");
		assertThat(this.server.targets()).containsExactly("/v1/jobs/failed?view=JOB_VIEW_FULL");
	}

	@ParameterizedTest(name = "runningTimeSecs {0}")
	@ValueSource(strings = { "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-5" })
	void aRunningTimeThatCannotBeIsUnknown(String runningTime) {
		this.server.on("/v1/jobs/odd", Answer.json(200, "{\"job\": {\"jobId\": \"odd\", \"status\":"
				+ " \"JOB_STATUS_RUNNING\", \"runningTimeSecs\": " + runningTime + "}}"));
		Object outcome = trials.run("runningTimeSecs " + runningTime, () -> this.client.job("odd").getStatus());
		assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
				(job) -> assertThat(job.runningTimeSecs()).isZero());
	}

	@ParameterizedTest(name = "startTime {0}")
	@ValueSource(strings = { "2026-01-05T09:00:00", "2026-01-05 09:00:00", "yesterday", "2026-13-45T99:00:00Z" })
	void aStartTimeWithoutAZoneOrUnreadableIsUnknown(String startTime) {
		this.server.on("/v1/jobs/odd", Answer.json(200, "{\"job\": {\"jobId\": \"odd\", \"status\":"
				+ " \"JOB_STATUS_RUNNING\", \"startTime\": \"" + startTime + "\"}}"));
		Object outcome = trials.run("startTime " + startTime, () -> this.client.job("odd").getStatus());
		assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
				(job) -> assertThat(job.startTimeSecs()).isZero());
	}

	@Test
	void aWaitTimeoutTooLongToCountMeansNoLimitAndSuchAPollRateIsRejectedBeforeAnyRead() {
		this.server.on("/v1/jobs/done", Answer.json(200, "{\"job\": {\"jobId\": \"done\", \"status\": \"JOB_STATUS_SUCCEEDED\"}}"));
		Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
		Object outcome = trials.run("waitUntilFinish(1s, Long.MAX_VALUE seconds)",
				() -> this.client.job("done").waitUntilFinish(Duration.ofSeconds(1), forever));
		assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
				(job) -> assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED));
		int reads = this.server.targets().size();
		Object polled = trials.run("waitUntilFinish(Long.MAX_VALUE seconds, 5s)",
				() -> this.client.job("done").waitUntilFinish(forever, Duration.ofSeconds(5)));
		assertThat(polled).isInstanceOf(IllegalArgumentException.class)
			.hasFieldOrPropertyWithValue("message", "pollRate is " + forever + "; expected more than zero and at most"
					+ " one hour (PT1H)");
		assertThat(this.server.targets()).hasSize(reads);
	}

	@Test
	void slowReadsOfOtherJobsDoNotStarveAWait() {
		for (int i = 0; i < 20; i++) {
			this.server.on("/v1/jobs/slow-" + i, (exchange, body) -> {
				body.delay(1000);
				Answer.json(200, "{\"job\": {\"status\": \"JOB_STATUS_RUNNING\"}}").write(exchange, body);
			});
		}
		this.server.on("/v1/jobs/cancelled", Answer.json(200, "{\"job\": {\"jobId\": \"cancelled\", \"status\":"
				+ " \"JOB_STATUS_CANCELLED\"}}"));
		List<CompletableFuture<JobMetadata>> slow = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			slow.add(this.client.job("slow-" + i).whenFinished(Duration.ofMillis(10)));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.server.targets().size() >= 20);
		RimeStressTestJob cancelled = this.client.job("cancelled");
		Object outcome = trials.run("waitUntilFinish(1s, 5s) beside 20 slow waits",
				() -> cancelled.waitUntilFinish(Duration.ofSeconds(1), Duration.ofSeconds(5)));
		assertThat(outcome).isInstanceOfSatisfying(JobMetadata.class,
				(job) -> assertThat(job.status()).isEqualTo(JobStatus.CANCELLED));
		slow.forEach((wait) -> wait.cancel(false));
	}

	private static RimeClientBuilder clientBuilder(URI address) {
		return RimeClient.builder()
			.address(address)
			.apiKey(API_KEY)
			.readTimeout(Duration.ofSeconds(2))
			.retryPolicy(RetryPolicy.builder().maxRetries(MAX_RETRIES).delay(Duration.ofMillis(10))
				.timeout(Duration.ofSeconds(4)).build());
	}

}
