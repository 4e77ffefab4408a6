package io.rime.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.Ordered;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.RimeConnectionException;
import io.rime.emulator.Fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The HTTP settings of the auto-configured client: the request factory it runs on, timeouts
 * that fall back to {@code spring.http.clients.*}, and redirects that never carry the API key.
 */
@ExtendWith(OutputCaptureExtension.class)
class RimeHttpSettingsTests extends EmulatorBackedTests {

	@Test
	void byDefaultTheRequestFactoryIsHttpUrlConnection() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(context.getBean(FactoryCapture.class).factory)
				.isInstanceOf(SimpleClientHttpRequestFactory.class));
	}

	@Test
	void byDefaultAnAnswerStillToComeAtTheRetryTimeoutEndsTheCallEvenWithRetriesDisabled() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.retry.enabled=false", "rime.retry.timeout=300ms",
					"rime.read-timeout=60s"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").stall().times(1));
				assertTimeoutPreemptively(Duration.ofSeconds(20),
						() -> assertThatExceptionOfType(RimeConnectionException.class)
							.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo())
							.withMessageContaining("the call's timeout passed"));
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void whenTheUserChoosesAFactoryByPropertyThenItIsUsed() {
		this.contextRunner.withPropertyValues(emulatorProperties("spring.http.clients.imperative.factory=jdk"))
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> {
				assertThat(context.getBean(FactoryCapture.class).factory)
					.isInstanceOf(JdkClientHttpRequestFactory.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void whenTheUserDefinesARequestFactoryBuilderThenItIsUsed() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(ClientHttpRequestFactoryBuilder.class, ClientHttpRequestFactoryBuilder::jdk)
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(context.getBean(FactoryCapture.class).factory)
				.isInstanceOf(JdkClientHttpRequestFactory.class));
	}

	@Test
	void anotherLibrarysCustomizerOfBootsRequestFactoryBuilderKeepsTheSdksFactory() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(ClientHttpRequestFactoryBuilderCustomizer.class,
					() -> (ClientHttpRequestFactoryBuilderCustomizer<ClientHttpRequestFactoryBuilder<?>>) (builder) -> builder)
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(context.getBean(FactoryCapture.class).factory)
				.hasSameClassAs(RimeClientBuilder.defaultRequestFactory(Duration.ofSeconds(1), Duration.ofSeconds(1), null)));
	}

	@Test
	void whenARimeRestClientCustomizerSetsAFactoryThenItIsUsed() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.withBean(JdkFactorySetter.class, JdkFactorySetter::new)
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> {
				assertThat(context.getBean(FactoryCapture.class).factory).isInstanceOf(JdkClientHttpRequestFactory.class);
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void withoutTimeoutsTheSdkDefaultsApplyAndTheFactoryDoesNotFollowRedirects(CapturedOutput output) {
		this.contextRunner.withPropertyValues(emulatorProperties("spring.http.clients.redirects=follow"))
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> {
				ClientHttpRequestFactory factory = context.getBean(FactoryCapture.class).factory;
				assertThat(ReflectionTestUtils.getField(factory, "connectTimeout")).isEqualTo(10_000);
				assertThat(ReflectionTestUtils.getField(factory, "readTimeout")).isEqualTo(30_000);
				// with an API key, spring.http.clients.redirects does not apply: the SDK's factory, which
				// leaves redirects to the SDK, is used.
				assertThat(factory).hasSameClassAs(
						RimeClientBuilder.defaultRequestFactory(Duration.ofSeconds(1), Duration.ofSeconds(1), null));
				assertThat(output).contains("'spring.http.clients.redirects' is not applied to RIME calls");
			});
	}

	@Test
	void withoutAnApiKeyRedirectsFallBackToSpringHttpClients() {
		this.contextRunner.withPropertyValues("rime.address=" + emulator.baseUrl(),
				"spring.http.clients.redirects=follow")
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(ReflectionTestUtils.getField(context.getBean(FactoryCapture.class).factory,
					"settings"))
				.isInstanceOfSatisfying(HttpClientSettings.class,
						(settings) -> assertThat(settings.redirects()).isEqualTo(HttpRedirects.FOLLOW)));
	}

	@Test
	void aRedirectToAnotherOriginNeverCarriesTheApiKey() throws Exception {
		// 127.0.0.1 and localhost are different origins: the SDK follows the redirect itself,
		// without the key, because the request factory must not follow it.
		HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		redirecting.createContext("/", (exchange) -> {
			exchange.getResponseHeaders()
				.add("Location", "http://localhost:" + emulator.port() + exchange.getRequestURI());
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		redirecting.start();
		try {
			this.contextRunner
				.withPropertyValues("rime.address=http://127.0.0.1:" + redirecting.getAddress().getPort(),
						"rime.api-key=" + emulator.apiKey(), "rime.retry.enabled=false",
						"spring.http.clients.redirects=follow")
				.run((context) -> {
					int before = emulator.requests().size();
					assertThatExceptionOfType(RimeApiException.class)
						.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo())
						.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
					assertThat(emulator.requests().subList(before, emulator.requests().size())).singleElement()
						.satisfies((request) -> assertThat(request.apiKeyPresent()).isFalse());
				});
		}
		finally {
			redirecting.stop(0);
		}
	}

	@Test
	void whenNoReadTimeoutIsSetForRimeThenSpringHttpClientsReadTimeoutApplies() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("spring.http.clients.read-timeout=300ms", "rime.retry.enabled=false"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(Duration.ofSeconds(3)));
				long start = System.nanoTime();
				assertThatExceptionOfType(RimeConnectionException.class)
					.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo());
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			});
	}

	@Test
	void rimeReadTimeoutWinsOverSpringHttpClientsReadTimeout() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("spring.http.clients.read-timeout=100ms", "rime.read-timeout=5s",
					"rime.retry.enabled=false"))
			.run((context) -> {
				emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(Duration.ofMillis(600)).times(1));
				assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void rimeConnectTimeoutWinsOverSpringHttpClientsConnectTimeout() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.connect-timeout=1500ms", "spring.http.clients.connect-timeout=4s"))
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(connectTimeout(context.getBean(FactoryCapture.class).factory))
				.isEqualTo(1500));
	}

	@Test
	void withoutRimeConnectTimeoutSpringHttpClientsConnectTimeoutApplies() {
		this.contextRunner.withPropertyValues(emulatorProperties("spring.http.clients.connect-timeout=4s"))
			.withBean(FactoryCapture.class, FactoryCapture::new)
			.run((context) -> assertThat(connectTimeout(context.getBean(FactoryCapture.class).factory))
				.isEqualTo(4000));
	}

	private static Object connectTimeout(ClientHttpRequestFactory factory) {
		return ReflectionTestUtils.getField(factory, "connectTimeout");
	}

	static class JdkFactorySetter implements RimeRestClientCustomizer, Ordered {

		@Override
		public void customize(RestClient.Builder restClientBuilder) {
			restClientBuilder.requestFactory(new JdkClientHttpRequestFactory());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	static class FactoryCapture implements RimeRestClientCustomizer {

		ClientHttpRequestFactory factory;

		@Override
		public void customize(RestClient.Builder restClientBuilder) {
			this.factory = (ClientHttpRequestFactory) ReflectionTestUtils.getField(restClientBuilder, "requestFactory");
		}

	}

}
