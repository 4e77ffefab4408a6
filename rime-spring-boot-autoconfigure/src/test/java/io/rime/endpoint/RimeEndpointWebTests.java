package io.rime.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.CustomImage;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.emulator.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code rime} endpoint in a web application as a user builds it: its JSON, its access rules,
 * and that it never shows the API key.
 */
class RimeEndpointWebTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private static RimeEmulator emulator;

	private static Map<String, Object> config;

	private static ConfigurableApplicationContext application;

	private static RimeStressTestJob running;

	private static RimeStressTestJob succeeded;

	private static RimeStressTestJob failed;

	@BeforeAll
	static void startApplication() {
		emulator = WatcherTestSupport.emulator(clock);
		config = emulator.seed().testRunConfig(emulator.defaultProjectId());
		application = start();
		RimeClient client = application.getBean(RimeClient.class);
		RecordedEvents events = application.getBean(RecordedEvents.class);
		succeeded = client.startStressTest(config);
		failed = client.startStressTest(config, null, new CustomImage("registry.example.com/does-not-exist:1"));
		clock.advance(WatcherTestSupport.PENDING.plus(WatcherTestSupport.RUNNING));
		events.awaitFinished(succeeded.jobId(), JobStatus.SUCCEEDED);
		events.awaitFinished(failed.jobId(), JobStatus.FAILING);
		running = client.startStressTest(config);
		clock.advance(WatcherTestSupport.PENDING.plusSeconds(5));
		Awaitility.await().until(() -> !events.changes(running.jobId()).isEmpty());
	}

	@AfterAll
	static void stop() {
		if (application != null) {
			application.close();
		}
		emulator.close();
	}

	private static ConfigurableApplicationContext start(String... more) {
		List<String> properties = new ArrayList<>(List.of(WatcherTestSupport.properties(emulator)));
		properties.addAll(List.of("server.port=0", "management.endpoints.web.exposure.include=rime,health",
				"spring.main.banner-mode=off", "management.endpoint.health.show-details=always"));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(App.class).properties(properties.toArray(String[]::new)).run();
	}

	@Test
	void getShowsTheAddressTheWatcherAndTheJobsAsJson() throws Exception {
		HttpResponse<String> response = send(application, "GET", "/actuator/rime");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		JsonNode body = json.readTree(response.body());
		System.out.println("GET /actuator/rime:\n" + json.writeValueAsString(body));
		assertThat(body.propertyNames()).containsExactly("address", "embeddedEmulator", "watcher", "watchedJobs",
				"finishedJobs");
		assertThat(body.path("address").asString()).isEqualTo(emulator.baseUrl().toString());
		assertThat(body.path("embeddedEmulator").asBoolean()).isFalse();
		JsonNode watcher = body.path("watcher");
		// Null values (here lastError, while RIME is reachable) are left out.
		assertThat(watcher.propertyNames()).containsExactly("enabled", "running", "pollInterval", "lastPoll",
				"lastSuccessfulPoll", "consecutiveFailures", "totalFailures");
		assertThat(watcher.path("enabled").asBoolean()).isTrue();
		assertThat(watcher.path("running").asBoolean()).isTrue();
		assertThat(watcher.path("pollInterval").asString()).isEqualTo("PT0.05S");
		assertThat(Instant.parse(watcher.path("lastSuccessfulPoll").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(watcher.path("consecutiveFailures").asInt()).isZero();

		JsonNode watched = body.path("watchedJobs");
		assertThat(watched.size()).isEqualTo(1);
		JsonNode job = watched.get(0);
		assertThat(job.propertyNames()).containsExactly("id", "projectId", "status", "progress", "runningTimeSecs",
				"startTime");
		assertThat(job.path("progress").asString()).matches("\\d+ / 10");
		assertThat(job.path("id").asString()).isEqualTo(running.jobId());
		assertThat(job.path("projectId").asString()).isEqualTo(emulator.defaultProjectId());
		assertThat(job.path("status").asString()).isEqualTo("RUNNING");
		assertThat(job.path("runningTimeSecs").asDouble()).isGreaterThanOrEqualTo(5.0);
		assertThat(Instant.parse(job.path("startTime").asString())).isBefore(clock.instant());

		JsonNode finished = body.path("finishedJobs");
		assertThat(finished.size()).isEqualTo(2);
		List<String> statuses = List.of(finished.get(0).path("status").asString(),
				finished.get(1).path("status").asString());
		assertThat(statuses).containsExactlyInAnyOrder("SUCCEEDED", "FAILING");
		for (JsonNode one : finished) {
			if (one.path("id").asString().equals(failed.jobId())) {
				assertThat(one.propertyNames()).containsExactly("id", "projectId", "status", "succeeded", "reason",
						"finishedAt", "runningTimeSecs", "errorMessage");
				assertThat(one.path("succeeded").asBoolean()).isFalse();
				assertThat(one.path("errorMessage").asString()).isNotBlank();
				assertThat(one.path("reason").asString()).contains("failed");
			}
			else {
				assertThat(one.path("id").asString()).isEqualTo(succeeded.jobId());
				assertThat(one.propertyNames()).containsExactly("id", "projectId", "status", "succeeded", "reason",
						"finishedAt", "runningTimeSecs");
				assertThat(one.path("succeeded").asBoolean()).isTrue();
			}
		}
		assertThat(response.body()).doesNotContain(WatcherTestSupport.API_KEY);
	}

	@Test
	void getOfOneJobReadsItLive() throws Exception {
		HttpResponse<String> response = send(application, "GET", "/actuator/rime/" + running.jobId());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode job = json.readTree(response.body());
		System.out.println("GET /actuator/rime/{jobId}:\n" + json.writeValueAsString(job));
		assertThat(job.propertyNames()).containsExactly("id", "type", "status", "progress", "startTime",
				"runningTimeSecs", "completedTestBatches", "totalTestBatches", "cancellationRequested");
		assertThat(job.path("id").asString()).isEqualTo(running.jobId());
		assertThat(job.path("status").asString()).isEqualTo("RUNNING");
		assertThat(job.path("progress").asString()).matches("\\d+ / \\d+");
		assertThat(response.body()).doesNotContain(WatcherTestSupport.API_KEY);
	}

	@Test
	void getOfAnUnknownJobIs404() throws Exception {
		assertThat(send(application, "GET", "/actuator/rime/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

	@Test
	void byDefaultTheEndpointIsReadOnlySoAJobCannotBeCancelled() throws Exception {
		HttpResponse<String> response = send(application, "DELETE", "/actuator/rime/" + running.jobId());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(running.getStatus().cancellationRequested()).isFalse();
	}

	@Test
	void withUnrestrictedAccessDeleteCancelsTheJobAndTheWatcherAnnouncesIt() throws Exception {
		try (ConfigurableApplicationContext unrestricted = start("management.endpoint.rime.access=unrestricted")) {
			// In a project of its own, which the other application's watcher (projects read once) does not see.
			RimeClient client = unrestricted.getBean(RimeClient.class);
			String projectId = client.createProject("cancelling-" + UUID.randomUUID(), "endpoint test").projectId();
			RimeStressTestJob job = client.startStressTest(emulator.seed().testRunConfig(projectId),
					projectId);
			HttpResponse<String> response = send(unrestricted, "DELETE", "/actuator/rime/" + job.jobId());
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json.readTree(response.body());
			assertThat(body.path("cancellationRequested").asBoolean()).isTrue();
			clock.advance(WatcherTestSupport.CANCEL);
			unrestricted.getBean(RecordedEvents.class).awaitFinished(job.jobId(), JobStatus.CANCELLED);
		}
	}

	@Test
	void withUnrestrictedAccessDeleteOfAnUnknownJobIs404AndOfAFinishedOneIs409WithTheReason() throws Exception {
		try (ConfigurableApplicationContext unrestricted = start("management.endpoint.rime.access=unrestricted")) {
			String unknownId = UUID.randomUUID().toString();

			HttpResponse<String> unknown = send(unrestricted, "DELETE", "/actuator/rime/" + unknownId);
			HttpResponse<String> finished = send(unrestricted, "DELETE", "/actuator/rime/" + succeeded.jobId());

			assertThat(unknown.statusCode()).isEqualTo(404);
			JsonNode unknownBody = json.readTree(unknown.body());
			assertThat(unknownBody.path("jobId").asString()).isEqualTo(unknownId);
			assertThat(unknownBody.path("message").asString()).isEqualTo("RIME does not know job '" + unknownId + "'");
			assertThat(finished.statusCode()).isEqualTo(409);
			JsonNode finishedBody = json.readTree(finished.body());
			assertThat(finishedBody.path("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(finishedBody.path("message").asString()).isEqualTo("Job '" + succeeded.jobId()
					+ "' has already finished with status SUCCEEDED; only a pending or running job can be cancelled");
			assertThat(succeeded.getStatus().cancellationRequested()).isFalse();
		}
	}

	@Test
	void theHealthIndicatorReadsTheWatchersStateOnEveryCheckWithoutACall() throws Exception {
		// the first check calls RIME once and caches its answer for rime.health.cache-ttl (10 s)
		JsonNode first = rimeHealth();
		RimeJobWatcher watcher = application.getBean(RimeJobWatcher.class);
		String seenByFirst = first.path("details").path("watcher").path("lastSuccessfulPoll").asString();
		Awaitility.await().until(() -> !String.valueOf(watcher.state().lastSuccessfulPoll()).equals(seenByFirst));
		long healthCalls = rimeInfoCalls();

		JsonNode second = rimeHealth();

		assertThat(second.path("status").asString()).isEqualTo("UP");
		Instant shown = Instant.parse(second.path("details").path("watcher").path("lastSuccessfulPoll").asString());
		assertThat(shown).isAfter(Instant.parse(seenByFirst));
		assertThat(rimeInfoCalls()).as("the second check sent RIME nothing").isEqualTo(healthCalls);
		assertThat(second.path("details").path("version").asString())
			.isEqualTo(first.path("details").path("version").asString());
	}

	private static JsonNode rimeHealth() throws Exception {
		HttpResponse<String> response = send(application, "GET", "/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).path("components").path("rime");
	}

	private static long rimeInfoCalls() {
		return emulator.requests().stream().filter((request) -> request.path().equals("/v1/rime-info")).count();
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path)
			throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		@org.springframework.context.annotation.Bean
		RecordedEvents recordedEvents() {
			return new RecordedEvents();
		}

	}

}
