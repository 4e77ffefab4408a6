package io.rime.sample.reliability;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.CustomImage;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;
import io.rime.sample.SampleHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Suite 6, secrets: the sample application, with its auto-configured client, watcher and embedded
 * emulator, runs its stress test to the end with every logger at TRACE; then its actuator endpoints
 * (with values shown) are read and calls are made to fail. The API key must appear nowhere: not in
 * the output, not in an endpoint, not in an exception, not in the download of archived logs.
 */
@ExtendWith(OutputCaptureExtension.class)
@Tag("slow")
class SecretsSuiteTests {

	static final String API_KEY = "rime-secret-KEY-7f3a9c";

	static final SummaryTable summary = new SummaryTable("Suite 6: secrets", "check", "occurrences of the key",
			"result");

	private static final List<String> ENDPOINTS = List.of("/actuator/configprops", "/actuator/env",
			"/actuator/env/rime.api-key", "/actuator/health", "/actuator/info", "/actuator/rime",
			"/actuator/prometheus", "/actuator/metrics");

	private final Map<String, Integer> occurrences = new LinkedHashMap<>();

	@AfterAll
	static void printSummary() {
		summary.print();
	}

	@Test
	void aWholeRunAtTraceShowsTheKeyNowhere(CapturedOutput output) {
		try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.SERVLET, traceRun())) {
			SampleHttp http = new SampleHttp(SampleApp.port(context));
			RimeEmulator emulator = context.getBean(RimeEmulator.class);
			RimeClient client = context.getBean(RimeClient.class);
			await().atMost(Duration.ofSeconds(60)).until(() -> finishedStatuses(http).contains("SUCCEEDED"));

			RimeStressTestJob failed = failedJob(client, emulator);
			List<RecordedRequest> logDownloads = emulator.requests().stream()
				.filter((request) -> request.path().startsWith("/archived-logs/")).toList();
			assertThat(logDownloads).as("archived-logs downloads").isNotEmpty();
			record("archived-logs download: requests carrying the key",
					(int) logDownloads.stream().filter(RecordedRequest::apiKeyPresent).count());

			for (String endpoint : ENDPOINTS) {
				HttpResponse<String> response = http.get(endpoint);
				assertThat(response.statusCode()).as(endpoint).isEqualTo(200);
				check("GET " + endpoint, response.body());
			}
			check("GET /actuator/rime/{failed job}", http.get("/actuator/rime/" + failed.jobId()).body());
			assertThat(http.get("/actuator/env/rime.api-key").body()).as("the key is set, and masked")
				.contains("\"value\":\"******\"");
			check("exception messages of failing calls", failingCalls(client, emulator, failed));
			check("problem details of failing REST calls", http.get("/stress-tests?projectId=no-such-project").body()
					+ http.get("/stress-tests/no-such-job").body());
			assertThat(emulator.requests()).as("requests that carried the key").anyMatch(RecordedRequest::apiKeyPresent);
		}
		assertThat(output.getAll()).as("TRACE output shows the (masked) key header").contains("rime-api-key");
		check("all output at TRACE, start to shutdown (" + output.getAll().lines().count() + " lines)",
				output.getAll());
		assertThat(this.occurrences).allSatisfy((check, count) -> assertThat(count).as(check).isZero());
	}

	private static Map<String, String> traceRun() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("rime.api-key", API_KEY);
		properties.put("rime.sample.run-on-startup", "true");
		properties.put("rime.emulator.pending-duration", "200ms");
		properties.put("rime.emulator.running-duration", "1s");
		properties.put("rime.emulator.validation-duration", "50ms");
		properties.put("rime.watcher.poll-interval", "200ms");
		properties.put("logging.level.root", "TRACE");
		properties.put("logging.level.org.springframework.web.client", "TRACE");
		properties.put("logging.level.org.springframework.http", "TRACE");
		properties.put("logging.level.sun.net.www.protocol.http.HttpURLConnection", "TRACE");
		properties.put("spring.mvc.log-request-details", "true");
		properties.put("management.endpoints.web.exposure.include",
				"health,info,metrics,prometheus,rime,env,configprops");
		properties.put("management.endpoint.env.show-values", "ALWAYS");
		properties.put("management.endpoint.configprops.show-values", "ALWAYS");
		return properties;
	}

	private static List<String> finishedStatuses(SampleHttp http) {
		JsonNode finished = SampleHttp.json(http.get("/actuator/rime")).path("finishedJobs");
		return finished.valueStream().map((job) -> job.get("status").asString()).toList();
	}

	/** A job that fails on an image that cannot be pulled, read verbosely: that fetches its archived logs. */
	private static RimeStressTestJob failedJob(RimeClient client, RimeEmulator emulator) {
		Map<String, Object> config = Map.of("run_name", "secrets", "data_info",
				Map.of("label_col", "Survived", "ref_path", "s3://b/ref.csv", "eval_path", "s3://b/eval.csv"),
				"model_info", Map.of("path", "s3://b/model.py"));
		RimeStressTestJob job = client.startStressTest(config, emulator.defaultProjectId(),
				new CustomImage("registry.example.com/does-not-exist:1"));
		assertThat(job.waitUntilFinish(Duration.ofMillis(100), Duration.ofSeconds(30)).errorMessage()).isNotBlank();
		job.getStatus(true, false);
		return job;
	}

	private static String failingCalls(RimeClient client, RimeEmulator emulator, RimeStressTestJob failed) {
		List<Throwable> failures = new ArrayList<>();
		failures.add(failure(() -> client.getProject("no-such-project")));
		failures.add(failure(() -> client.job("no-such-job").getStatus()));
		failures.add(failure(() -> failed.getResultCsv(Path.of("target", "secrets.csv"))));
		emulator.faults().add(Fault.on("GET", "/v1/rime-info").closeConnection());
		try {
			failures.add(failure(client::getRimeInfo));
		}
		finally {
			emulator.faults().clear();
		}
		StringBuilder text = new StringBuilder();
		for (Throwable failure : failures) {
			for (Throwable t = failure; t != null; t = t.getCause()) {
				text.append(t).append('\n');
			}
		}
		return text.toString();
	}

	static Throwable failure(Runnable call) {
		try {
			call.run();
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the call to fail");
	}

	private void check(String check, String text) {
		record(check, occurrencesOfKey(text));
	}

	private void record(String check, int count) {
		this.occurrences.put(check, count);
		summary.add(check, count, (count == 0) ? "ok" : "KEY LEAKED");
	}

	static int occurrencesOfKey(String text) {
		int count = 0;
		for (int i = text.indexOf(API_KEY); i >= 0; i = text.indexOf(API_KEY, i + 1)) {
			count++;
		}
		return count;
	}

}
