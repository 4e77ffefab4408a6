package io.rime.autoconfigure.endpoint;

import java.net.URI;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.emulator.RimeEmulatorAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;
import io.rime.endpoint.RimeEndpoint;
import io.rime.endpoint.RimeEndpoint.RimeDescriptor;
import io.rime.endpoint.RimeEndpointWebExtension;
import io.rime.endpoint.RimeEndpoint.WatcherDescriptor;
import io.rime.emulator.Fault;
import io.rime.watch.WatcherTestSupport;
import io.rime.emulator.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the {@code rime} endpoint exists: with actuator, when exposed and not switched off; with or
 * without the watcher.
 */
class RimeEndpointAutoConfigurationTests {

	private RimeEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(new MutableClock(Instant.parse("2026-11-27T08:00:00Z")));
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class,
					RimeEndpointAutoConfiguration.class))
			.withPropertyValues("rime.address=" + this.emulator.baseUrl(), "rime.api-key=" + this.emulator.apiKey(),
					"rime.retry.enabled=false");
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void anExposedEndpointExistsAndShowsTheWatcherOff() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=rime").run((context) -> {
			assertThat(context).hasSingleBean(RimeEndpoint.class);
			int requests = this.emulator.requests().size();
			RimeDescriptor rime = context.getBean(RimeEndpoint.class).rime();
			assertThat(rime.address()).isEqualTo(this.emulator.baseUrl().toString());
			assertThat(rime.embeddedEmulator()).isFalse();
			assertThat(rime.watcher().enabled()).isFalse();
			assertThat(rime.watchedJobs()).isEmpty();
			assertThat(rime.finishedJobs()).isEmpty();
			assertThat(this.emulator.requests()).hasSize(requests);
		});
	}

	@Test
	void withTheWatcherOnTheEndpointShowsItsState() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=rime", "rime.watcher.enabled=true",
					"rime.watcher.poll-interval=1m")
			.run((context) -> {
				RimeDescriptor rime = context.getBean(RimeEndpoint.class).rime();
				assertThat(rime.watcher().enabled()).isTrue();
				assertThat(rime.watcher().pollInterval()).isEqualTo("PT1M");
			});
	}

	@Test
	void duringAnOutageTheEndpointShowsTheFailuresButNeverTheKey() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=rime", "rime.watcher.enabled=true",
					"rime.watcher.poll-interval=50ms")
			.run((context) -> {
				this.emulator.faults().add(Fault.on("GET", "/v1/**").status(503));
				RimeEndpoint endpoint = context.getBean(RimeEndpoint.class);
				Awaitility.await().until(() -> endpoint.rime().watcher().consecutiveFailures() >= 2);
				WatcherDescriptor watcher = endpoint.rime().watcher();
				assertThat(watcher.lastError()).startsWith("RimeApiException: ").contains("503")
					.doesNotContain(WatcherTestSupport.API_KEY);
				assertThat(watcher.totalFailures()).isGreaterThanOrEqualTo(2);
				this.emulator.faults().clear();
				Awaitility.await().until(() -> endpoint.rime().watcher().consecutiveFailures() == 0);
				assertThat(endpoint.rime().watcher().lastError()).isNull();
				assertThat(endpoint.rime().watcher().lastSuccessfulPoll()).isNotNull();
			});
	}

	@Test
	void anEndpointExposedOverHttpHasTheWebExtensionThatAnswers404And409() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.run((context) -> assertThat(context).hasSingleBean(RimeEndpointWebExtension.class));
	}

	@Test
	void anEndpointExposedOnlyOverJmxHasNoWebExtension() {
		this.contextRunner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=rime")
			.run((context) -> assertThat(context).hasSingleBean(RimeEndpoint.class)
				.doesNotHaveBean(RimeEndpointWebExtension.class));
	}

	@Test
	void anApplicationsWebExtensionReplacesOurs() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.withBean("myExtension", RimeEndpointWebExtension.class,
					() -> new RimeEndpointWebExtension(new RimeEndpoint(
							RimeClient.builder().address(this.emulator.baseUrl()).build(), null, false, null)))
			.run((context) -> assertThat(context).hasSingleBean(RimeEndpointWebExtension.class).hasBean("myExtension"));
	}

	@Test
	void anEndpointThatIsNotExposedIsNotCreated() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RimeEndpoint.class)
			.doesNotHaveBean(RimeEndpointWebExtension.class));
	}

	@Test
	void anEndpointWithoutAccessIsNotCreated() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=rime", "management.endpoint.rime.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(RimeEndpoint.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpointAndTheClientWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RimeEndpoint.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void anApplicationsEndpointReplacesOurs() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.withBean("myRimeEndpoint", RimeEndpoint.class,
					() -> new RimeEndpoint(RimeClient.builder().address(this.emulator.baseUrl()).build(),
							URI.create("http://elsewhere"), false, null))
			.run((context) -> assertThat(context).hasSingleBean(RimeEndpoint.class).hasBean("myRimeEndpoint"));
	}

	@Test
	void withTheEmbeddedEmulatorTheEndpointSaysSo() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeEmulatorAutoConfiguration.class, RimeAutoConfiguration.class,
					RimeEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=rime")
			.run((context) -> {
				RimeDescriptor rime = context.getBean(RimeEndpoint.class).rime();
				assertThat(rime.embeddedEmulator()).isTrue();
				assertThat(rime.address()).isEqualTo(context.getBean(RimeEmulator.class).baseUrl().toString());
			});
	}

}
