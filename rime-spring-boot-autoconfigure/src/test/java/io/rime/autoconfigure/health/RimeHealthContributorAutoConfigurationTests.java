package io.rime.autoconfigure.health;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;
import io.rime.health.RimeHealthIndicator;
import io.rime.health.RimeInfoContributor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SuppressWarnings("unchecked")
class RimeHealthContributorAutoConfigurationTests {

	private static RimeEmulator emulator;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class,
				RimeHealthContributorAutoConfiguration.class, RimeInfoContributorAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, InfoContributorAutoConfiguration.class))
		.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey());

	@BeforeAll
	static void startEmulator() {
		emulator = RimeEmulator.builder().build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void withHealthSupportTheRimeIndicatorIsRegisteredAndReportsUp() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RimeHealthIndicator.class).hasBean("rimeHealthIndicator");
			Health health = context.getBean(RimeHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("address", emulator.baseUrl().toString());
		});
	}

	@Test
	void withTheWatcherOnTheHealthDetailsShowItsLastSuccessfulPollAndFailures() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=50ms")
			.run((context) -> {
				RimeHealthIndicator indicator = context.getBean(RimeHealthIndicator.class);
				Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
					Map<String, Object> watcher = (Map<String, Object>) indicator.health().getDetails().get("watcher");
					assertThat(watcher).containsEntry("consecutiveFailures", 0).containsEntry("totalFailures", 0L);
					assertThat((String) watcher.get("lastSuccessfulPoll")).isNotEqualTo("never");
				});
			});
	}

	@Test
	void withoutTheWatcherTheHealthDetailsHaveNoWatcher() {
		this.contextRunner.run((context) -> assertThat(context.getBean(RimeHealthIndicator.class).health().getDetails())
			.doesNotContainKey("watcher"));
	}

	@Test
	void aCacheTtlOfZeroCallsRimeOnEveryCheck() {
		// by default the second check would reuse the first one's answer (byDefaultABurstOfHealthChecksCostsRimeOneCall)
		this.contextRunner.withPropertyValues("rime.health.cache-ttl=0s").run((context) -> {
			RimeHealthIndicator indicator = context.getBean(RimeHealthIndicator.class);
			long before = rimeInfoCalls();
			indicator.health();
			indicator.health();
			assertThat(rimeInfoCalls()).isEqualTo(before + 2);
		});
	}

	@Test
	void theHealthTimeoutApplies() {
		this.contextRunner.withPropertyValues("rime.health.timeout=150ms", "rime.health.cache-ttl=0s",
				"rime.retry.enabled=false")
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(java.time.Duration.ofMillis(800)).times(1));
				try {
					assertThat(context.getBean(RimeHealthIndicator.class).health().getDetails()).containsEntry("error",
							"java.util.concurrent.TimeoutException: RIME did not answer within 150 ms");
				}
				finally {
					emulator.faults().clear();
				}
			});
	}

	@Test
	void whenDisabledByPropertyThereIsNoIndicator() {
		this.contextRunner.withPropertyValues("management.health.rime.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RimeClient.class)
				.doesNotHaveBean(RimeHealthIndicator.class)
				.doesNotHaveBean(RimeInfoContributor.class));
	}

	@Test
	void whenHealthDefaultsAreOffThereIsNoIndicator() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RimeHealthIndicator.class));
	}

	@Test
	void withoutSpringBootHealthThereIsNoIndicatorAndTheClientWorks() {
		ourAutoConfigurationsOnly().withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RimeHealthIndicator.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void withoutActuatorThereIsNoInfoContributor() {
		ourAutoConfigurationsOnly().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasSingleBean(RimeHealthIndicator.class)
				.doesNotHaveBean(RimeInfoContributor.class));
	}

	// As in an application, the auto-configurations are filtered by their class conditions before
	// they are loaded, which AutoConfigurations.of does not do.
	private ApplicationContextRunner ourAutoConfigurationsOnly() {
		return new ApplicationContextRunner().withUserConfiguration(ImportedAsInAnApplication.class)
			.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey());
	}

	@Test
	void whenRimeIsDisabledThereIsNoIndicator() {
		this.contextRunner.withPropertyValues("rime.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RimeHealthIndicator.class));
	}

	@Test
	void aUserIndicatorNamedRimeHealthIndicatorReplacesOurs() {
		HealthIndicator own = () -> Health.up().withDetail("own", true).build();
		this.contextRunner.withBean("rimeHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RimeHealthIndicator.class);
				assertThat(context.getBean("rimeHealthIndicator")).isSameAs(own);
			});
	}

	@Test
	void aUserContributorNamedRimeHealthContributorReplacesOurs() {
		HealthIndicator own = () -> Health.up().build();
		this.contextRunner.withBean("rimeHealthContributor", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(RimeHealthIndicator.class)
				.doesNotHaveBean(RimeInfoContributor.class));
	}

	@Test
	void aUserInfoContributorNamedRimeInfoContributorReplacesOurs() {
		InfoContributor own = (builder) -> builder.withDetail("rime", "mine");
		this.contextRunner.withBean("rimeInfoContributor", InfoContributor.class, () -> own)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RimeInfoContributor.class);
				assertThat(context.getBean("rimeInfoContributor")).isSameAs(own);
			});
	}

	@Test
	void byDefaultABurstOfHealthChecksCostsRimeOneCall() {
		this.contextRunner.run((context) -> {
			long before = rimeInfoCalls();
			RimeHealthIndicator indicator = context.getBean(RimeHealthIndicator.class);
			for (int i = 0; i < 10; i++) {
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			}
			assertThat(rimeInfoCalls() - before).isOne();
		});
	}

	private static long rimeInfoCalls() {
		return emulator.requests().stream().filter((r) -> r.path().equals("/v1/rime-info")).count();
	}

	@Test
	void theInfoContributorReportsTheServerVersionAfterAHealthCheck() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RimeInfoContributor.class);
			context.getBean(RimeHealthIndicator.class).health();
			Info.Builder builder = new Info.Builder();
			context.getBean(RimeInfoContributor.class).contribute(builder);
			assertThat(builder.build().getDetails()).containsKey("rime");
			assertThat(builder.build().getDetails().get("rime")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("version");
		});
	}

	@Test
	void theInfoContributorCanBeTurnedOff() {
		this.contextRunner.withPropertyValues("management.info.rime.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(RimeHealthIndicator.class)
				.doesNotHaveBean(RimeInfoContributor.class));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RimeAutoConfiguration.class, RimeHealthContributorAutoConfiguration.class,
			RimeInfoContributorAutoConfiguration.class })
	static class ImportedAsInAnApplication {

	}

}
