package io.rime.emulator;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TlsTest {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@Test
	void anEmulatorWithAnSslContextServesHttpsThatOnlyTrustingClientsAccept() throws Exception {
		try (RimeEmulator emulator = RimeEmulator.builder().sslContext(serverContext()).apiKey(null).build().start()) {
			HttpRequest request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/rime-info")).build();
			HttpClient trusting = HttpClient.newBuilder().sslContext(trustingContext()).build();

			HttpResponse<String> answer = trusting.send(request, HttpResponse.BodyHandlers.ofString());

			assertThat(emulator.baseUrl().getScheme()).isEqualTo("https");
			assertThat(answer.statusCode()).isEqualTo(200);
			assertThatExceptionOfType(SSLHandshakeException.class)
				.isThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
		}
	}

	private static SSLContext serverContext() throws Exception {
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(load("/tls/emulator-keystore.p12"), PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		return context;
	}

	private static SSLContext trustingContext() throws Exception {
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(load("/tls/emulator-truststore.p12"));
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trustManagers.getTrustManagers(), null);
		return context;
	}

	private static KeyStore load(String resource) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = TlsTest.class.getResourceAsStream(resource)) {
			store.load(in, PASSWORD);
		}
		return store;
	}

}
