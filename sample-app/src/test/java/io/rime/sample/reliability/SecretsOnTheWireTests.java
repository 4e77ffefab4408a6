package io.rime.sample.reliability;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.rime.client.RimeClient;
import io.rime.client.RimeConnectionException;
import io.rime.emulator.RimeEmulator;

import static io.rime.sample.reliability.SecretsSuiteTests.API_KEY;
import static io.rime.sample.reliability.SecretsSuiteTests.failure;
import static io.rime.sample.reliability.SecretsSuiteTests.occurrencesOfKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suite 6, secrets, where the key could leave the application: a redirect to another host, a
 * plain-http address, and a TLS server whose certificate is not trusted. Each uses the sample
 * application's auto-configured client.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsOnTheWireTests {

	private static final Path TLS = Path.of("..", "rime-emulator", "src", "test", "resources", "tls");

	private static final SummaryTable summary = new SummaryTable("Suite 6: secrets on the wire", "check",
			"occurrences of the key", "result");

	@BeforeAll
	static void noDelay() {
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	@AfterAll
	static void printSummary() {
		summary.print();
	}

	@Test
	void aRedirectToAnotherHostCarriesNoKey() throws IOException {
		List<String> atOtherHost = new CopyOnWriteArrayList<>();
		List<String> atAddress = new CopyOnWriteArrayList<>();
		// 127.0.0.2 is loopback too, but another host than 127.0.0.1 for the client
		HttpServer otherHost = server("127.0.0.2", (exchange) -> {
			atOtherHost.add(String.valueOf(exchange.getRequestHeaders().getFirst("rime-api-key")));
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		HttpServer address = server("127.0.0.1", (exchange) -> {
			atAddress.add(String.valueOf(exchange.getRequestHeaders().getFirst("rime-api-key")));
			exchange.getResponseHeaders().set("Location",
					"http://127.0.0.2:" + otherHost.getAddress().getPort() + exchange.getRequestURI());
			exchange.sendResponseHeaders(307, -1);
			exchange.close();
		});
		try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.NONE,
				properties("http://127.0.0.1:" + address.getAddress().getPort()))) {
			Throwable failure = failure(() -> context.getBean(RimeClient.class).getRimeInfo());
			summary.add("exception after the redirect", occurrencesOfKey(String.valueOf(failure)), failure.getClass()
				.getSimpleName());
			assertThat(occurrencesOfKey(String.valueOf(failure))).isZero();
		}
		finally {
			address.stop(0);
			otherHost.stop(0);
		}
		int keysSent = (int) atOtherHost.stream().filter(API_KEY::equals).count();
		summary.add("redirect to another host: requests carrying the key", keysSent,
				atOtherHost.size() + " request(s) at the other host, " + atAddress.size() + " at the address");
		assertThat(atAddress).as("the configured address gets the key").isNotEmpty().containsOnly(API_KEY);
		assertThat(atOtherHost).as("keys the other host received").isNotEmpty().containsOnly("null");
	}

	@Test
	void aPlainHttpAddressToAnotherHostWithAKeyLogsOneWarning(CapturedOutput output) {
		List<String> autoConfigured;
		List<String> sdk;
		try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.NONE,
				properties("http://rime.example.com"))) {
			autoConfigured = warnings(output.getAll());
			int afterStart = output.getAll().length();
			for (String sdkAddress : List.of("http://rime.example.com:8080/rime", "https://rime.example.com",
					"http://127.0.0.1:9", "http://localhost:9")) {
				RimeClient.builder().address(sdkAddress).apiKey(API_KEY).build().close();
			}
			RimeClient.builder().address("http://rime.example.com").build().close();
			sdk = warnings(output.getAll().substring(afterStart));
		}
		int keys = occurrencesOfKey(output.getAll());
		summary.add("auto-configured, http://rime.example.com with a key", keys,
				autoConfigured.size() + " WARN " + autoConfigured);
		summary.add("SDK: remote http, https, 127.0.0.1, localhost with a key; remote http without", keys,
				sdk.size() + " WARN " + sdk);
		assertThat(autoConfigured).containsExactly("http://rime.example.com");
		assertThat(sdk).as("only for plain http to a remote host with a key")
			.containsExactly("http://rime.example.com:8080/rime");
		assertThat(keys).isZero();
	}

	@Test
	void aSelfSignedServerIsRejectedWithoutAnSslBundleAndAcceptedWithOne() throws Exception {
		try (RimeEmulator emulator = RimeEmulator.builder().apiKey(API_KEY).sslContext(serverSslContext()).build()
			.start()) {
			Map<String, String> properties = properties(emulator.baseUrl().toString());
			properties.put("rime.retry.enabled", "false");
			properties.put("spring.ssl.bundle.jks.rime.truststore.location",
					TLS.resolve("emulator-truststore.p12").toUri().toString());
			properties.put("spring.ssl.bundle.jks.rime.truststore.password", "changeit");
			properties.put("spring.ssl.bundle.jks.rime.truststore.type", "PKCS12");
			try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.NONE, properties)) {
				Throwable failure = failure(() -> context.getBean(RimeClient.class).getRimeInfo());
				String message = String.valueOf(failure.getMessage());
				summary.add("self-signed TLS without an SSL bundle", occurrencesOfKey(String.valueOf(failure)),
						"rejected: " + failure.getClass().getSimpleName() + " ..." + message.substring(message.indexOf(';')));
				assertThat(failure).isInstanceOf(RimeConnectionException.class)
					.hasMessageContaining("certificate is not trusted")
					.hasMessageContaining("rime.ssl.bundle")
					.hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
				assertThat(failure.getCause()).isInstanceOf(SSLHandshakeException.class);
				assertThat(occurrencesOfKey(String.valueOf(failure))).isZero();
			}
			properties.put("rime.ssl.bundle", "rime");
			try (ConfigurableApplicationContext context = SampleApp.start(WebApplicationType.NONE, properties)) {
				String plan = context.getBean(RimeClient.class).getRimeInfo().plan();
				summary.add("self-signed TLS with rime.ssl.bundle", 0, "accepted: plan " + plan);
				assertThat(plan).isNotBlank();
			}
		}
	}

	private static Map<String, String> properties(String address) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("rime.address", address);
		properties.put("rime.api-key", API_KEY);
		properties.put("rime.watcher.enabled", "false");
		return properties;
	}

	/** The addresses named by the plain-http warnings in the output. */
	private static List<String> warnings(String output) {
		return output.lines()
			.filter((line) -> line.contains("WARN") && line.contains("The RIME API key is sent unencrypted to "))
			.peek((line) -> assertThat(line).contains("use an https address"))
			.map((line) -> line.substring(line.indexOf("unencrypted to ") + "unencrypted to ".length()))
			.map((rest) -> rest.substring(0, rest.indexOf(',')))
			.toList();
	}

	private static HttpServer server(String host, HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(host, 0), 0);
		server.createContext("/", handler);
		server.start();
		return server;
	}

	private static SSLContext serverSslContext() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(TLS.resolve("emulator-keystore.p12"))) {
			keyStore.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "changeit".toCharArray());
		SSLContext sslContext = SSLContext.getInstance("TLS");
		sslContext.init(keyManagers.getKeyManagers(), null, null);
		return sslContext;
	}

}
