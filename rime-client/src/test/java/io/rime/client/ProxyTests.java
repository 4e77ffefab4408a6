package io.rime.client;

import java.net.Proxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.ForwardProxy;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Calls through an HTTP proxy on loopback, on the SDK's default request factory.
 */
class ProxyTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final ForwardProxy proxy = ForwardProxy.start();

	@AfterEach
	void stop() {
		this.proxy.close();
		this.emulator.close();
	}

	@Test
	void everyCallGoesThroughTheProxyToTheConfiguredAddress() {
		try (RimeClient client = TestRime.clientBuilder(this.emulator).proxy(this.proxy.proxy()).build()) {
			String projectId = client.createProject("through-a-proxy", "relayed").projectId();
			assertThat(client.getProject(projectId).name()).isEqualTo("through-a-proxy");
		}

		assertThat(this.proxy.relayed()).extracting(ForwardProxy.Relayed::method).containsExactly("POST", "GET");
		assertThat(this.proxy.relayed()).allSatisfy((relayed) -> {
			assertThat(relayed.target().getPort()).isEqualTo(this.emulator.port());
			assertThat(relayed.apiKeyPresent()).isTrue();
		});
		assertThat(this.emulator.requests()).hasSize(2);
	}

	@Test
	void noProxyConnectsDirectly() {
		try (RimeClient client = TestRime.clientBuilder(this.emulator).proxy(Proxy.NO_PROXY).build()) {
			client.getRimeInfo();
		}

		assertThat(this.proxy.relayed()).isEmpty();
		assertThat(this.emulator.requests()).hasSize(1);
	}

	@Test
	void aNullProxyIsRefusedWithTheFix() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().proxy(null))
			.withMessageContaining("Proxy.NO_PROXY");
	}

}
