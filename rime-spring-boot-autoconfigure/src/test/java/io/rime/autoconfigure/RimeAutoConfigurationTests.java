package io.rime.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

import io.rime.client.observation.DefaultRimeClientObservationConvention;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.observation.RimeClientObservationConvention;
import io.rime.client.RimeInfo;
import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RimeAutoConfigurationTests extends EmulatorBackedTests {

	@Test
	void whenAddressAndApiKeyAreSetThenTheClientCallsThatServerWithTheKey() {
		this.contextRunner.withPropertyValues(emulatorProperties("rime.default-project-id=p-1")).run((context) -> {
			assertThat(context).hasSingleBean(RimeClient.class).hasSingleBean(RimeConnectionDetails.class);
			int before = emulator.requests().size();
			RimeInfo info = context.getBean(RimeClient.class).getRimeInfo();
			assertThat(info.plan()).isEqualTo("RI_PLAN_LOCAL_TRIAL");
			List<RecordedRequest> requests = emulator.requests().subList(before, emulator.requests().size());
			assertThat(requests).singleElement().satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/v1/rime-info");
				assertThat(request.apiKeyPresent()).isTrue();
			});
			assertThat(context.getBean(RimeClient.class)).hasToString(
					"RimeClient[address=" + emulator.baseUrl() + ", defaultProjectId=p-1]");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my_vpc.rime.com               | https://my_vpc.rime.com
			rime.example.com:8443/        | https://rime.example.com:8443
			http://my_vpc.rime.com:8080/  | http://my_vpc.rime.com:8080
			""")
	void rimeAddressIsTakenAsThePythonSdkTakesIt(String address, String expected) {
		this.contextRunner.withPropertyValues("rime.address=" + address)
			.run((context) -> assertThat(context.getBean(RimeClient.class).address()).hasToString(expected));
	}

	@Test
	void whenTheApiKeyIsWrongThenCallsFailWith401() {
		this.contextRunner
			.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=wrong-key",
					"rime.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(RimeApiException.class)
				.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo())
				.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401)));
	}

	@Test
	void whenRimeIsDisabledThenNoClientIsCreatedAndNoAddressIsNeeded() {
		this.contextRunner.withPropertyValues("rime.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RimeClient.class).doesNotHaveBean(RimeConnectionDetails.class);
		});
	}

	@Test
	void whenTheUserDefinesARimeClientThenTheAutoConfiguredOneBacksOff() {
		RimeClient own = RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build();
		this.contextRunner.withBean("myRimeClient", RimeClient.class, () -> own).run((context) -> {
			assertThat(context).hasSingleBean(RimeClient.class);
			assertThat(context.getBean(RimeClient.class)).isSameAs(own);
			assertThat(context).doesNotHaveBean(PropertiesRimeConnectionDetails.class);
		});
	}

	@Test
	void whenTheUserDefinesConnectionDetailsThenTheClientReadsThemInsteadOfTheProperties() {
		this.contextRunner.withPropertyValues("rime.address=http://not-used.invalid")
			.withBean(RimeConnectionDetails.class, RimeAutoConfigurationTests::emulatorConnectionDetails)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesRimeConnectionDetails.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo().plan()).isEqualTo("RI_PLAN_LOCAL_TRIAL");
			});
	}

	@Test
	void aUsersConnectionDetailsBeanIsEnoughEvenWhenTheApiKeyPropertyIsBlank() {
		this.contextRunner.withPropertyValues("rime.api-key= ")
			.withBean(RimeConnectionDetails.class, RimeAutoConfigurationTests::emulatorConnectionDetails)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RimeClient.class).getRimeInfo().plan()).isEqualTo("RI_PLAN_LOCAL_TRIAL");
			});
	}

	@Test
	void customizersAreAppliedInOrderAndTheBuilderCustomizerHasTheLastWord() {
		List<String> applied = new ArrayList<>();
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean("second", RimeRestClientCustomizer.class, () -> new OrderedRestCustomizer(2, applied))
			.withBean("first", RimeRestClientCustomizer.class, () -> new OrderedRestCustomizer(1, applied))
			.withBean(RimeClientBuilderCustomizer.class, () -> (builder) -> {
				applied.add("builder");
				builder.retryPolicy(RetryPolicy.withMaxRetries(0));
			})
			.withPropertyValues("rime.retry.max-retries=5")
			.run((context) -> {
				assertThat(applied).containsExactly("rest-1", "rest-2", "builder");
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
				int before = emulator.requests().size();
				assertThatExceptionOfType(RimeApiException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
				assertThat(emulator.requests().size() - before).isOne();
			});
	}

	@Test
	void whenTheServerAnswers503TwiceThenTheReadIsRetriedAndSucceeds() {
		this.contextRunner.withPropertyValues(emulatorProperties("rime.retry.delay=10ms", "rime.retry.jitter=0ms"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).times(2));
				int before = emulator.requests().size();
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
				assertThat(emulator.requests().size() - before).isEqualTo(3);
			});
	}

	@Test
	void maxRetriesCountsRetriesSoACallIsMadeOnePlusMaxRetriesTimes() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.retry.max-retries=2", "rime.retry.delay=10ms",
					"rime.retry.jitter=0ms"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
				int before = emulator.requests().size();
				assertThatExceptionOfType(RimeApiException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo())
					.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(503));
				assertThat(emulator.requests().size() - before).isEqualTo(1 + 2);
			});
	}

	@Test
	void whenRetryIsDisabledThenEachCallIsMadeOnce() {
		this.contextRunner.withPropertyValues(emulatorProperties("rime.retry.enabled=false")).run((context) -> {
			emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
			int before = emulator.requests().size();
			assertThatExceptionOfType(RimeApiException.class)
				.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
			assertThat(emulator.requests().size() - before).isOne();
		});
	}

	@Test
	void theRetryTimeoutBoundsTheTimeAddedByRetries() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.retry.max-retries=50", "rime.retry.delay=200ms",
					"rime.retry.multiplier=1", "rime.retry.jitter=0ms", "rime.retry.timeout=700ms"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
				long start = System.nanoTime();
				assertThatExceptionOfType(RimeApiException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			});
	}

	@Test
	void aRetrySettingsCustomizerCanNarrowTheRetries() {
		this.contextRunner.withPropertyValues(emulatorProperties("rime.retry.delay=10ms"))
			.withBean(RimeRetrySettingsCustomizer.class,
					() -> (settings) -> settings.setExceptionPredicate((ex) -> false))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
				int before = emulator.requests().size();
				assertThatExceptionOfType(RimeApiException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
				assertThat(emulator.requests().size() - before).isOne();
			});
	}

	@Test
	void theContextObservationRegistryObservesOperationsWithTheDefaultConvention() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RimeClientObservationConvention.class);
				context.getBean(RimeClient.class).getRimeInfo();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("rime.client.operation")
					.that()
					.hasLowCardinalityKeyValue("rime.operation", "get_rime_info")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			});
	}

	@Test
	void aUserObservationConventionWinsOverTheDefault() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
			.withBean(RimeClientObservationConvention.class,
					() -> new DefaultRimeClientObservationConvention("my.rime.calls"))
			.run((context) -> {
				assertThat(context).hasSingleBean(RimeClientObservationConvention.class);
				context.getBean(RimeClient.class).getRimeInfo();
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("my.rime.calls")
					.that()
					.hasLowCardinalityKeyValue("rime.operation", "get_rime_info");
				TestObservationRegistryAssert.assertThat(registry).doesNotHaveAnyRemainingCurrentObservation();
			});
	}

	@Test
	void withoutMicrometerMetricsTheClientStillWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.withPropertyValues(emulatorProperties())
			.run((context) -> assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull());
	}

	@Test
	void withoutActuatorTheClientWorksAndNoSanitizingFunctionIsRegistered() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues(emulatorProperties())
			.run((context) -> {
				assertThat(context).doesNotHaveBean("rimeApiKeySanitizingFunction");
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void withoutRestClientAutoConfigurationTheClientBuildsItsOwnRestClient() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class))
			.withPropertyValues(emulatorProperties())
			.run((context) -> {
				assertThat(context).doesNotHaveBean(RestClient.Builder.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void theApiKeyIsMaskedUnderEachOfItsNames() {
		this.contextRunner.withPropertyValues(emulatorProperties()).run((context) -> {
			SanitizingFunction function = context.getBean("rimeApiKeySanitizingFunction", SanitizingFunction.class);
			for (String key : List.of("rime.api-key", "rime.apiKey", "RIME_API_KEY")) {
				assertThat(function.apply(new SanitizableData(null, key, "secret")).getValue())
					.as(key)
					.isEqualTo(SanitizableData.SANITIZED_VALUE);
			}
			assertThat(function.apply(new SanitizableData(null, "rime.address", "http://x")).getValue())
				.isEqualTo("http://x");
		});
	}

	@Order(0)
	static class OrderedRestCustomizer implements RimeRestClientCustomizer, org.springframework.core.Ordered {

		private final int order;

		private final List<String> applied;

		OrderedRestCustomizer(int order, List<String> applied) {
			this.order = order;
			this.applied = applied;
		}

		@Override
		public void customize(RestClient.Builder restClientBuilder) {
			this.applied.add("rest-" + this.order);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

	private static RimeConnectionDetails emulatorConnectionDetails() {
		return new RimeConnectionDetails() {
			@Override
			public java.net.URI getAddress() {
				return emulator.baseUrl();
			}

			@Override
			public String getApiKey() {
				return emulator.apiKey();
			}
		};
	}

}
