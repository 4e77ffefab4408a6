package io.rime.autoconfigure;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.RimeClient;
import io.rime.emulator.ForwardProxy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code rime.proxy.*}: calls to RIME go through a real HTTP proxy on loopback, on the SDK's
 * request factory, and a proxy that the chosen factory could not use is refused at startup.
 */
class RimeProxyTests extends EmulatorBackedTests {

	private final ForwardProxy proxy = ForwardProxy.start();

	@AfterEach
	void stopProxy() {
		this.proxy.close();
	}

	@Test
	void callsGoThroughTheConfiguredProxyToTheConfiguredAddress() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.proxy.host=127.0.0.1", "rime.proxy.port=" + this.proxy.port()))
			.run((context) -> {
				int before = emulator.requests().size();
				assertThat(context.getBean(RimeClient.class).getRimeInfo().version()).isNotBlank();
				assertThat(this.proxy.relayed()).singleElement().satisfies((relayed) -> {
					assertThat(relayed.target()).isEqualTo(emulator.baseUrl().resolve("/v1/rime-info"));
					assertThat(relayed.apiKeyPresent()).isTrue();
				});
				assertThat(emulator.requests()).hasSize(before + 1);
			});
	}

	@Test
	void withoutAProxyHostCallsGoDirectly() {
		this.contextRunner.withPropertyValues(emulatorProperties()).run((context) -> {
			context.getBean(RimeClient.class).getRimeInfo();
			assertThat(this.proxy.relayed()).isEmpty();
		});
	}

	@Test
	void aProxyHostWithoutAPortIsAClearStartupError() {
		this.contextRunner.withPropertyValues(emulatorProperties("rime.proxy.host=proxy.example.com"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'rime.proxy.port'")
				.hasMessageContaining("proxy.example.com"));
	}

	@Test
	void aProxyWithARequestFactoryOfTheApplicationsChoiceIsAClearStartupError() {
		this.contextRunner
			.withPropertyValues(emulatorProperties("rime.proxy.host=127.0.0.1", "rime.proxy.port=" + this.proxy.port(),
					"spring.http.clients.imperative.factory=jdk"))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'rime.proxy.host' is set, but the application chose its own HTTP request factory"));
	}

}
