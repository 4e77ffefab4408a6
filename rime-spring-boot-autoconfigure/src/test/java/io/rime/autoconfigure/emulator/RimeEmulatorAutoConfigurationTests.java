package io.rime.autoconfigure.emulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.RimeConnectionDetails;
import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeProject;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class RimeEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeEmulatorAutoConfiguration.class, RimeAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class));

	@Test
	void withNoAddressTheClientRunsAgainstTheEmbeddedEmulatorAndSaysSoOnce(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RimeEmulator.class);
			RimeEmulator emulator = context.getBean(RimeEmulator.class);
			RimeConnectionDetails details = context.getBean(RimeConnectionDetails.class);
			assertThat(details.getAddress()).isEqualTo(emulator.baseUrl());
			assertThat(details.getApiKey()).isEqualTo(emulator.apiKey());
			assertThat(details.getDefaultProjectId()).isEqualTo(emulator.defaultProjectId());
			RimeClient client = context.getBean(RimeClient.class);
			assertThat(client.getRimeInfo().customerName()).isEqualTo("RIME Emulator");
			assertThat(client.getProject(emulator.defaultProjectId()).projectId())
				.isEqualTo(emulator.defaultProjectId());
			assertThat(emulator.requests()).allMatch(RecordedRequest::apiKeyPresent);
		});
		assertThat(output).containsOnlyOnce("so the client uses the embedded emulator at http://127.0.0.1:")
			.contains("Set 'rime.address' to use a real RIME server.");
	}

	@Test
	void theEmulatorUsesTheConfiguredApiKeyAndByDefaultAPortItBindsItselfAndReports() {
		this.contextRunner.withPropertyValues("rime.api-key=my-dev-key").run((context) -> {
			RimeEmulator emulator = context.getBean(RimeEmulator.class);
			assertThat(emulator.apiKey()).isEqualTo("my-dev-key");
			assertThat(emulator.port()).isPositive();
			assertThat(context.getBean(RimeClient.class).address().getPort()).isEqualTo(emulator.port());
			assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
		});
	}

	@Test
	void theEmulatorBindsTheConfiguredPort() throws IOException {
		// A port this test holds, so that no other process can take it meanwhile: the emulator must
		// try exactly that port, and fail to bind it.
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			this.contextRunner.withPropertyValues("rime.emulator.port=" + taken.getLocalPort())
				.run((context) -> assertThat(context).getFailure()
					.hasStackTraceContaining("Cannot start the RIME emulator on ")
					.hasStackTraceContaining(":" + taken.getLocalPort()));
		}
	}

	@Test
	void theEmulatorDurationsApplySoAStressTestFinishesAsConfigured() throws Exception {
		// With the default durations (1s pending, 5s running) the job could not finish in time.
		this.contextRunner
			.withPropertyValues("rime.emulator.pending-duration=50ms", "rime.emulator.running-duration=100ms",
					"rime.emulator.validation-duration=10ms")
			.run((context) -> {
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(titanicConfig());
				JobMetadata finished = job.whenFinished(Duration.ofMillis(50)).get(4, TimeUnit.SECONDS);
				assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
			});
	}

	@Test
	void theEmulatorComputesDataChecksOfLocalCsvFilesUnlessTurnedOff() throws Exception {
		Map<String, Integer> batches = new java.util.HashMap<>();
		for (String dataChecks : List.of("true", "false")) {
			this.contextRunner
				.withPropertyValues("rime.emulator.pending-duration=0s", "rime.emulator.running-duration=50ms",
						"rime.emulator.validation-duration=10ms", "rime.emulator.data-checks=" + dataChecks)
				.run((context) -> {
					RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(titanicConfig());
					JobMetadata finished = job.whenFinished(Duration.ofMillis(20)).get(10, TimeUnit.SECONDS);
					batches.put(dataChecks, finished.totalTestBatches());
				});
		}
		// computed: 10 data batches and the 6 model batches it skips; generated: 10 batches
		assertThat(batches).containsExactlyInAnyOrderEntriesOf(Map.of("true", 16, "false", 10));
	}

	@Test
	void theEmulatorCancelDurationApplies() {
		this.contextRunner
			.withPropertyValues("rime.emulator.pending-duration=0s", "rime.emulator.running-duration=10m",
					"rime.emulator.validation-duration=0s", "rime.emulator.cancel-duration=10m")
			.run((context) -> {
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(titanicConfig());
				job.cancel();
				assertThat(job.getStatus().cancellationRequested()).isTrue();
				// the default, 500 ms, would have cancelled it well within these 2 s
				Awaitility.await()
					.during(Duration.ofSeconds(2))
					.atMost(Duration.ofSeconds(3))
					.until(() -> job.getStatus().status() != JobStatus.CANCELLED);
			});
		this.contextRunner
			.withPropertyValues("rime.emulator.pending-duration=0s", "rime.emulator.running-duration=10m",
					"rime.emulator.validation-duration=0s", "rime.emulator.cancel-duration=20ms")
			.run((context) -> {
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(titanicConfig());
				job.cancel();
				assertThat(job.whenFinished(Duration.ofMillis(20)).get(4, TimeUnit.SECONDS).status())
					.isEqualTo(JobStatus.CANCELLED);
			});
	}

	@Test
	void theApiKeyNeverShowsInTheLog(CapturedOutput output) {
		this.contextRunner.withPropertyValues("rime.api-key=dev-key-that-must-not-be-logged")
			.run((context) -> assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull());
		assertThat(output).doesNotContain("dev-key-that-must-not-be-logged");
		assertThat(output.getOut().lines().filter((line) -> line.contains("so the client uses the embedded emulator")))
			.singleElement()
			.asString()
			.contains("INFO");
	}

	@Test
	void aUserEmulatorBeanIsUsedInsteadOfOurs() {
		try (RimeEmulator own = RimeEmulator.builder().apiKey("mine").build().start()) {
			this.contextRunner.withBean("myEmulator", RimeEmulator.class, () -> own).run((context) -> {
				assertThat(context).hasSingleBean(RimeEmulator.class).hasBean("myEmulator");
				RimeConnectionDetails details = context.getBean(RimeConnectionDetails.class);
				assertThat(details.getAddress()).isEqualTo(own.baseUrl());
				assertThat(details.getApiKey()).isEqualTo("mine");
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
				assertThat(own.requests()).extracting(RecordedRequest::path).contains("/v1/rime-info");
			});
		}
	}

	@Test
	void aUserEmulatorBeanIsWhatTheClientUsesEvenWhenAnAddressIsSet() {
		try (RimeEmulator own = RimeEmulator.builder().apiKey("test-key").build().start()) {
			this.contextRunner.withPropertyValues("rime.address=https://rime.example.com", "rime.api-key=real-key")
				.withBean("testEmulator", RimeEmulator.class, () -> own)
				.run((context) -> {
					RimeConnectionDetails details = context.getBean(RimeConnectionDetails.class);
					assertThat(details.getAddress()).isEqualTo(own.baseUrl());
					assertThat(details.getApiKey()).isEqualTo("test-key");
					assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
				});
		}
	}

	@Test
	void theEmulatorIsStoppedWithTheContext() {
		URI[] address = new URI[1];
		this.contextRunner.run((context) -> address[0] = context.getBean(RimeEmulator.class).baseUrl());
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> new Socket(address[0].getHost(), address[0].getPort()).close());
	}

	private Map<String, Object> titanicConfig() throws Exception {
		String data = Path.of(getClass().getResource("/titanic/titanic_example.csv").toURI()).toString();
		String model = Path.of(getClass().getResource("/titanic/titanic_example_model.py").toURI()).toString();
		return Map.of("run_name", "Titanic", "data_info",
				Map.of("label_col", "Survived", "ref_path", data, "eval_path", data), "model_info",
				Map.of("path", model));
	}

	@Test
	void closingTheContextClosesTheClientSoPendingWaitsAreCancelled() throws Exception {
		Map<String, Object> config = titanicConfig();
		List<CompletableFuture<JobMetadata>> finished = new ArrayList<>();
		this.contextRunner.withPropertyValues("rime.emulator.running-duration=10m", "rime.emulator.validation-duration=10ms")
			.run((context) -> {
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(config);
				finished.add(job.whenFinished(Duration.ofSeconds(1)));
				assertThat(finished.get(0)).isNotDone();
			});
		assertThatExceptionOfType(CancellationException.class).isThrownBy(finished.get(0)::join);
	}

	@Test
	void whenAnAddressIsSetNoEmulatorStarts() {
		this.contextRunner.withPropertyValues("rime.address=https://rime.example.com").run((context) -> {
			assertThat(context).doesNotHaveBean(RimeEmulator.class);
			assertThat(context.getBean(RimeConnectionDetails.class).getAddress())
				.isEqualTo(URI.create("https://rime.example.com"));
		});
	}

	@Test
	void whenTheEmulatorIsDisabledNoEmulatorStarts() {
		this.contextRunner.withPropertyValues("rime.emulator.enabled=false", "rime.address=https://rime.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(RimeEmulator.class));
	}

	@Test
	void whenRimeIsDisabledNoEmulatorStarts() {
		this.contextRunner.withPropertyValues("rime.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RimeEmulator.class));
	}

	@Test
	void withoutTheEmulatorOnTheClassPathNoEmulatorStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(RimeEmulator.class))
			.withPropertyValues("rime.address=https://rime.example.com")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("rimeEmulator"));
	}

	@Test
	void whenTheUserSuppliesConnectionDetailsNoEmulatorStarts() {
		RimeConnectionDetails details = () -> URI.create("https://rime.example.com");
		this.contextRunner.withBean(RimeConnectionDetails.class, () -> details)
			.run((context) -> assertThat(context).doesNotHaveBean(RimeEmulator.class)
				.getBean(RimeConnectionDetails.class)
				.isSameAs(details));
	}

	@Test
	void whenTheUserSuppliesARimeClientNoEmulatorStarts(CapturedOutput output) {
		try (RimeClient own = RimeClient.builder().address("https://rime.example.com").build()) {
			this.contextRunner.withBean(RimeClient.class, () -> own)
				.run((context) -> assertThat(context).hasNotFailed()
					.doesNotHaveBean(RimeEmulator.class)
					.getBean(RimeClient.class)
					.isSameAs(own));
		}
		assertThat(output).doesNotContain("embedded emulator");
	}

	@Test
	void theClientRetriesPostsAgainstTheEmulatorBecauseItHonoursIdempotencyKeys() {
		this.contextRunner.withPropertyValues("rime.retry.delay=10ms", "rime.retry.jitter=0ms").run((context) -> {
			RimeEmulator emulator = context.getBean(RimeEmulator.class);
			// The server acts on the request, then the connection breaks: only safe to repeat with
			// an idempotency key the server honours.
			emulator.faults().add(Fault.on("POST", "/v1/projects").applyThenFail().times(1));
			RimeProject project = context.getBean(RimeClient.class).createProject("retried", "created once");
			assertThat(project.name()).isEqualTo("retried");
			List<RecordedRequest> posts = emulator.requests()
				.stream()
				.filter((request) -> request.method().equals("POST"))
				.toList();
			assertThat(posts).hasSize(2);
			assertThat(posts.get(0).idempotencyKey()).isNotNull().isEqualTo(posts.get(1).idempotencyKey());
		});
	}

	@Test
	void theEmulatorServesTlsWithAnSslBundleAndTheClientTrustsIt() {
		this.contextRunner.withPropertyValues(Map.of(
				"spring.ssl.bundle.jks.emulator.keystore.location", "classpath:tls/emulator-keystore.p12",
				"spring.ssl.bundle.jks.emulator.keystore.password", "changeit",
				"spring.ssl.bundle.jks.emulator.keystore.type", "PKCS12",
				"spring.ssl.bundle.jks.emulator.truststore.location", "classpath:tls/emulator-truststore.p12",
				"spring.ssl.bundle.jks.emulator.truststore.password", "changeit",
				"spring.ssl.bundle.jks.emulator.truststore.type", "PKCS12",
				"rime.emulator.ssl-bundle", "emulator")
			.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new)).run((context) -> {
				RimeEmulator emulator = context.getBean(RimeEmulator.class);
				assertThat(emulator.baseUrl().getScheme()).isEqualTo("https");
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}


}
