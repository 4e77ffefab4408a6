package io.rime.autoconfigure;

import java.io.InputStream;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.client.RimeClient;
import io.rime.client.RimeConnectionException;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code rime.ssl.bundle} against the emulator serving TLS: a real handshake on loopback.
 */
class RimeTlsTests {

	private static RimeEmulator emulator;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, SslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class))
		.withPropertyValues("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey(),
				"rime.retry.enabled=false",
				"spring.ssl.bundle.jks.rime.truststore.location=classpath:tls/emulator-truststore.p12",
				"spring.ssl.bundle.jks.rime.truststore.password=changeit",
				"spring.ssl.bundle.jks.rime.truststore.type=PKCS12");

	@BeforeAll
	static void startEmulatorWithTls() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = RimeTlsTests.class.getResourceAsStream("/tls/emulator-keystore.p12")) {
			keyStore.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "changeit".toCharArray());
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(keyManagers.getKeyManagers(), null, null);
		emulator = RimeEmulator.builder().sslContext(sslContext).build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void withTheSslBundleTheClientTrustsTheEmulator() {
		assertThat(emulator.baseUrl().getScheme()).isEqualTo("https");
		this.contextRunner.withPropertyValues("rime.ssl.bundle=rime")
			.run((context) -> assertThat(context.getBean(RimeClient.class).getRimeInfo().plan())
				.isEqualTo("RI_PLAN_LOCAL_TRIAL"));
	}

	@Test
	void theSslBundleFallsBackToSpringHttpClients() {
		this.contextRunner.withPropertyValues("spring.http.clients.ssl.bundle=rime")
			.run((context) -> assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull());
	}

	@Test
	void withTheJdkClientTheSslBundleWorksToo() {
		this.contextRunner.withPropertyValues("rime.ssl.bundle=rime", "spring.http.clients.imperative.factory=jdk")
			.run((context) -> assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull());
	}

	@Test
	void withoutTheSslBundleTheHandshakeFails() {
		this.contextRunner.run((context) -> assertThatExceptionOfType(RimeConnectionException.class)
			.isThrownBy(() -> context.getBean(RimeClient.class).getRimeInfo()));
	}

}
