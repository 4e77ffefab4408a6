package io.rime.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOffExecution;

import io.rime.client.RimeClient;
import io.rime.client.RimeConnectionException;
import io.rime.emulator.Fault;
import io.rime.emulator.RecordedRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Settings and replaceable beans of the auto-configured client that a user notices against a
 * real server: connect timeouts, the idempotency-key switch, Boot's {@link RestClientCustomizer}s,
 * and the back-off of the retry-metrics and API-key-masking beans.
 */
class RimeClientSettingsTests extends EmulatorBackedTests {

	private final ApplicationContextRunner withEmulator = this.contextRunner
		.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey(),
				"rime.retry.delay=10ms", "rime.retry.jitter=0ms");

	@Test
	void byDefaultAPostWhoseResponseIsLostIsNotRepeated() {
		this.withEmulator.run((context) -> {
			emulator.faults().add(Fault.on("POST", "/v1/projects").applyThenFail().times(1));
			int before = emulator.requests().size();
			assertThatExceptionOfType(RimeConnectionException.class)
				.isThrownBy(() -> context.getBean(RimeClient.class).createProject("not-repeated", "d"));
			assertThat(posts(before)).hasSize(1);
		});
	}

	@Test
	void whenTheServerHonoursIdempotencyKeysAPostWhoseResponseIsLostIsRetriedWithTheSameKey() {
		this.withEmulator.withPropertyValues("rime.retry.idempotency-keys-honoured=true").run((context) -> {
			emulator.faults().add(Fault.on("POST", "/v1/projects").applyThenFail().times(1));
			int before = emulator.requests().size();
			assertThat(context.getBean(RimeClient.class).createProject("retried", "d").name()).isEqualTo("retried");
			List<RecordedRequest> posts = posts(before);
			assertThat(posts).hasSize(2);
			assertThat(posts.get(0).idempotencyKey()).isNotNull().isEqualTo(posts.get(1).idempotencyKey());
		});
	}

	@Test
	void bootsRestClientCustomizersApplyToTheRimeClient() {
		List<String> seen = new ArrayList<>();
		this.withEmulator.withBean(RestClientCustomizer.class, () -> (builder) -> builder
			.requestInterceptor((request, body, execution) -> {
				seen.add(request.getMethod() + " " + request.getURI().getPath());
				return execution.execute(request, body);
			}))
			.run((context) -> {
				context.getBean(RimeClient.class).getRimeInfo();
				assertThat(seen).containsExactly("GET /v1/rime-info");
			});
	}

	@Test
	void withMicrometerRetriesAreCountedByABeanThatAUserBeanOfTheSameNameReplaces() {
		RimeClientBuilderCustomizer own = (builder) -> {
		};
		this.withEmulator.run((context) -> assertThat(context).hasBean("rimeRetryMetricsCustomizer"));
		this.withEmulator.withBean("rimeRetryMetricsCustomizer", RimeClientBuilderCustomizer.class, () -> own)
			.run((context) -> assertThat(context.getBean("rimeRetryMetricsCustomizer")).isSameAs(own));
	}

	@Test
	void withoutMicrometerThereIsNoRetryMetricsCustomizer() {
		this.withEmulator.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("rimeRetryMetricsCustomizer"));
	}

	@Test
	void aUserSanitizingFunctionNamedLikeOursReplacesIt() {
		SanitizingFunction own = (data) -> data.withValue("mine");
		this.withEmulator.withBean("rimeApiKeySanitizingFunction", SanitizingFunction.class, () -> own)
			.run((context) -> {
				assertThat(context).getBeans(SanitizingFunction.class).hasSize(1);
				assertThat(context.getBean(SanitizingFunction.class)
					.apply(new SanitizableData(null, "rime.api-key", "secret"))
					.getValue()).isEqualTo("mine");
			});
	}

	@Test
	void withRetriesDisabledACallIsMadeOnceAndStillBoundedByTheRetryTimeout() {
		RimeProperties properties = new RimeProperties();
		properties.getRetry().setEnabled(false);
		properties.getRetry().setTimeout(Duration.ofSeconds(7));
		RimeClientFactory factory = new RimeClientFactory(properties, () -> URI.create("https://rime.example.com"),
				null, null);
		RetryPolicy policy = factory.retryPolicy(List.of());
		assertThat(policy.getBackOff().start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
		// The SDK ends a call whose answer is still arriving at this timeout, retried or not.
		assertThat(policy.getTimeout()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void theDefaultRetryMakesAtMostFourCallsWithinThirtySeconds() {
		RimeClientFactory factory = new RimeClientFactory(new RimeProperties(),
				() -> URI.create("https://rime.example.com"), null, null);
		RetryPolicy policy = factory.retryPolicy(List.of());
		assertThat(policy.getTimeout()).isEqualTo(Duration.ofSeconds(30));
		BackOffExecution delays = policy.getBackOff().start();
		long total = 0;
		int retries = 0;
		for (long delay = delays.nextBackOff(); delay != BackOffExecution.STOP; delay = delays.nextBackOff()) {
			assertThat(delay).isBetween(0L, 5_000L);
			total += delay;
			retries++;
		}
		assertThat(retries).isEqualTo(3);
		assertThat(Duration.ofMillis(total)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void withoutRimeClientOnTheClassPathNothingIsConfigured() {
		this.withEmulator.withClassLoader(new FilteredClassLoader(RimeClient.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(RimeConnectionDetails.class)
				.doesNotHaveBean("rimeApiKeySanitizingFunction")
				.doesNotHaveBean("rimeRetryMetricsCustomizer"));
	}

	@Test
	void theConnectionDetailsNeverShowCredentialsInTheirToString() {
		this.withEmulator.withPropertyValues("rime.address=https://user:pa55word@rime.example.com")
			.run((context) -> assertThat(context.getStartupFailure()).isNotNull());
		RimeProperties properties = new RimeProperties();
		properties.setAddress("https://user:pa55word@rime.example.com");
		properties.setApiKey("the-api-key");
		assertThat(new PropertiesRimeConnectionDetails(properties, RimeConfigurationChecks.EmulatorState.ABSENT))
			.hasToString("PropertiesRimeConnectionDetails[address=https://******@rime.example.com]");
	}

	private static List<RecordedRequest> posts(int from) {
		return emulator.requests()
			.subList(from, emulator.requests().size())
			.stream()
			.filter((request) -> request.method().equals("POST") && request.path().equals("/v1/projects"))
			.toList();
	}

}
