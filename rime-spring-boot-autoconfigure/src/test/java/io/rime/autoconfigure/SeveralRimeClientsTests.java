package io.rime.autoconfigure;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.autoconfigure.endpoint.RimeEndpointAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.endpoint.RimeEndpoint;
import io.rime.watch.RimeJobWatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Applications with more than one {@link RimeClient}: the features that need one follow the
 * primary client or back off with a log line, and the builder bean makes further clients.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeveralRimeClientsTests extends EmulatorBackedTests {

	private final RimeClient first = client();

	private final RimeClient second = client();

	@Test
	void withTwoClientsAndNoPrimaryTheWatcherAndEndpointBackOffAndSaySo(CapturedOutput output) {
		this.contextRunner.withConfiguration(features())
			.withPropertyValues("rime.watcher.enabled=true", "management.endpoints.web.exposure.include=rime")
			.withBean("first", RimeClient.class, () -> this.first)
			.withBean("second", RimeClient.class, () -> this.second)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RimeJobWatcher.class)
					.doesNotHaveBean(RimeEndpoint.class);
				assertThat(output).contains("2 RimeClient beans [first, second] and none is @Primary")
					.contains("Mark the client they should use @Primary");
			});
	}

	@Test
	void withTwoClientsTheWatcherAndEndpointFollowThePrimary() {
		this.contextRunner.withConfiguration(features())
			.withPropertyValues("rime.watcher.enabled=true", "management.endpoints.web.exposure.include=rime")
			.withBean("first", RimeClient.class, () -> this.first)
			.withBean("second", RimeClient.class, () -> this.second, (definition) -> definition.setPrimary(true))
			.run((context) -> {
				assertThat(context).hasSingleBean(RimeJobWatcher.class).hasSingleBean(RimeEndpoint.class);
				assertThat(context.getBean(RimeEndpoint.class).rime().address()).isEqualTo(this.second.address().toString());
			});
	}

	@Test
	void aClientOfTheApplicationsOwnReplacesTheAutoConfiguredOneAndSaysSo(CapturedOutput output) {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean("mine", RimeClient.class, () -> this.first)
			.run((context) -> {
				assertThat(context).getBean(RimeClient.class).isSameAs(this.first);
				assertThat(output).contains("RIME: the application declares its own RimeClient bean [mine]")
					.contains("@Bean(defaultCandidate = false)");
			});
	}

	@Test
	void aClientThatIsNoDefaultCandidateSitsBesideTheAutoConfiguredOne(CapturedOutput output) {
		this.contextRunner.withConfiguration(features())
			.withPropertyValues(emulatorProperties("rime.watcher.enabled=true"))
			.withBean("tenantB", RimeClient.class, () -> this.second, (definition) -> ((AbstractBeanDefinition) definition).setDefaultCandidate(false))
			.run((context) -> {
				assertThat(context).hasBean("rimeClient").hasBean("tenantB").hasSingleBean(RimeJobWatcher.class);
				assertThat(context.getBean(RimeClient.class)).isSameAs(context.getBean("rimeClient"));
				assertThat(output).doesNotContain("declares its own RimeClient");
			});
	}

	@Test
	void theBuilderBeanMakesASecondClientWithTheSameRetryAndObservation() {
		TestObservationRegistry observations = TestObservationRegistry.create();
		try (RimeEmulator other = RimeEmulator.builder().build().start()) {
			this.contextRunner.withPropertyValues(emulatorProperties("rime.retry.delay=10ms", "rime.retry.jitter=0ms"))
				.withBean(io.micrometer.observation.ObservationRegistry.class, () -> observations)
				.run((context) -> {
					RimeClientBuilder builder = context.getBean(RimeClientBuilder.class);
					assertThat(context.getBean(RimeClientBuilder.class)).isNotSameAs(builder);
					try (RimeClient secondClient = builder.address(other.baseUrl()).apiKey(other.apiKey()).build()) {
						other.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));

						assertThat(secondClient.getRimeInfo().version()).isNotBlank();
						assertThat(other.requests()).hasSize(3);
						assertThat(secondClient.address()).isEqualTo(other.baseUrl());
						TestObservationRegistryAssert.assertThat(observations)
							.hasObservationWithNameEqualTo("rime.client.operation");
					}
				});
		}
	}

	@Test
	void theBuilderBeanNeverCarriesTheAutoConfiguredClientsAddressOrKey() {
		this.contextRunner.withPropertyValues(emulatorProperties()).run((context) -> {
			RimeClientBuilder builder = context.getBean(RimeClientBuilder.class);
			assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("address");
		});
	}

	private static AutoConfigurations features() {
		return AutoConfigurations.of(RimeWatcherAutoConfiguration.class, EndpointAutoConfiguration.class,
				RimeEndpointAutoConfiguration.class);
	}

	private static RimeClient client() {
		return RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
	}

}
