package io.rime.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The metrics a user gets with Micrometer on the class path, after real calls to the emulator.
 */
class RimeMetricsTests {

	private static RimeEmulator emulator;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, SslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestClientObservationAutoConfiguration.class,
				ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
		.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey(),
				"rime.retry.delay=10ms", "rime.retry.jitter=0ms");

	@BeforeAll
	static void startEmulator() {
		emulator = RimeEmulator.builder().build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void withBootsObservationAutoConfigurationCallsAreTimedAndRetriesCounted() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			RimeClient client = context.getBean(RimeClient.class);
			client.getRimeInfo();
			emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));
			try {
				client.getRimeInfo();
			}
			finally {
				emulator.faults().clear();
			}
			Timer operations = registry.get("rime.client.operation")
				.tags("rime.operation", "get_rime_info", "outcome", "SUCCESS", "error.type", "none")
				.timer();
			assertThat(operations.count()).isEqualTo(2);
			assertThat(registry.get("rime.client.retries")
				.tags("rime.operation", "get_rime_info", "error.type", "RimeApiException")
				.counter()
				.count()).isEqualTo(2);
			assertThat(registry.get("http.client.requests").tag("status", "200").timer().count()).isEqualTo(2);
			assertThat(registry.get("http.client.requests").tag("status", "503").timer().count()).isEqualTo(2);
			assertThat(registry.get("http.client.requests").meters())
				.allSatisfy((meter) -> assertThat(meter.getId().getTag("uri")).isEqualTo("/v1/rime-info"));
		});
	}

	@Test
	void theReadmeMetricsTableListsEveryClientMeterWithItsTags() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("### Metrics");
		String table = readme.substring(start, readme.indexOf("\n###", start + 1));
		this.contextRunner.run((context) -> {
			emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(1));
			try {
				context.getBean(RimeClient.class).getRimeInfo();
			}
			finally {
				emulator.faults().clear();
			}
			List<Meter> meters = context.getBean(MeterRegistry.class)
				.getMeters()
				.stream()
				.filter((meter) -> meter.getId().getName().startsWith("rime.client")
						|| meter.getId().getName().startsWith("http.client"))
				.toList();
			assertThat(meters).extracting((meter) -> meter.getId().getName())
				.contains("rime.client.operation", "rime.client.retries", "http.client.requests");
			assertThat(meters).allSatisfy((meter) -> {
				String row = table.lines()
					.filter((line) -> line.startsWith("| `" + meter.getId().getName() + "` |"))
					.findFirst()
					.orElseThrow(() -> new AssertionError(
							meter.getId().getName() + " " + meter.getId().getTags() + " is not in the README"));
				assertThat(meter.getId().getTags()).allSatisfy(
						(tag) -> assertThat(row).as(meter.getId().getName()).contains("`" + tag.getKey() + "`"));
			});
		});
	}

	@Test
	void failedOperationsAreTaggedWithTheirOutcomeAndErrorType() {
		this.contextRunner.withPropertyValues("rime.retry.enabled=false").run((context) -> {
			emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(500).times(1));
			try {
				assertThatExceptionOfType(RimeApiException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
			}
			finally {
				emulator.faults().clear();
			}
			assertThat(context.getBean(MeterRegistry.class)
				.get("rime.client.operation")
				.tags("rime.operation", "get_rime_info", "outcome", "SERVER_ERROR", "error.type", "RimeApiException")
				.timer()
				.count()).isOne();
		});
	}

	@Test
	void withAPlainObservationRegistryAndMeterHandlerTheSameTimersAppear() {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RestClientAutoConfiguration.class,
					RestClientObservationAutoConfiguration.class))
			.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey())
			.withBean(ObservationRegistry.class, () -> observations)
			.run((context) -> {
				context.getBean(RimeClient.class).getRimeInfo();
				assertThat(meters.get("rime.client.operation").tag("outcome", "SUCCESS").timer().count()).isOne();
				assertThat(meters.get("http.client.requests").timer().count()).isOne();
			});
	}

}
