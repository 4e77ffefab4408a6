package io.rime.client;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Addresses as the Python SDKs take them: a bare host, host:port or a URL, https by default.
 */
class AddressTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			my_vpc.rime.com                 | https://my_vpc.rime.com
			rime.example.com                | https://rime.example.com
			rime.example.com/               | https://rime.example.com
			rime.example.com:8443           | https://rime.example.com:8443
			10.0.0.7:8080                   | https://10.0.0.7:8080
			http://my_vpc.rime.com:8080/    | http://my_vpc.rime.com:8080
			HTTPS://rime.example.com/base/  | https://rime.example.com/base
			https://[::1]:8443              | https://[::1]:8443
			'  https://rime.example.com  '  | https://rime.example.com
			""")
	void anAddressIsTakenAsThePythonSdkTakesIt(String given, String expected) {
		try (RimeClient client = RimeClient.builder().address(given).build()) {
			assertThat(client.address()).isEqualTo(URI.create(expected));
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ftp://rime.example.com          | address 'ftp://rime.example.com' has the scheme 'ftp'
			https://rime.example.com?x=1    | address 'https://rime.example.com?x=1' has a query or fragment
			rime.example.com#top            | address 'rime.example.com#top' has a query or fragment
			https://rime example            | address 'https://rime example' is not a URL
			http:///v1                      | address 'http:///v1' has no host
			my_vpc.rime.com:99999           | address 'my_vpc.rime.com:99999' has the port 99999
			""")
	void anAddressThatCannotNameARimeServerIsRefusedNamingIt(String given, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address(given))
			.withMessageStartingWith(message);
	}

	@Test
	void credentialsBeforeAHostWithAnUnderscoreAreRefusedWithoutBeingShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address("admin:s3cret@my_vpc.rime.com"))
			.withMessageStartingWith("address contains user info (credentials)")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void aBlankAddressIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address("   "))
			.withMessageStartingWith("address is blank; expected a host such as rime.example.com");
	}

	@Test
	void aHostNameWithAnUnderscoreReachesTheServerWithTheApiKey() {
		try (RimeEmulator emulator = TestRime.emulator()) {
			// No DNS knows my_vpc.rime.test: a proxy (the emulator itself) receives the request for that host.
			SimpleClientHttpRequestFactory viaEmulator = new SimpleClientHttpRequestFactory();
			viaEmulator.setProxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", emulator.port())));
			try (RimeClient client = RimeClient.builder()
				.address("http://my_vpc.rime.test/")
				.apiKey(emulator.apiKey())
				.restClientBuilder(RestClient.builder().requestFactory(viaEmulator))
				.build()) {
				RimeInfo info = client.getRimeInfo();

				assertThat(info.version()).isEqualTo("2.10.16");
				assertThat(emulator.requests()).last().satisfies((request) -> {
					assertThat(request.apiKeyPresent()).isTrue();
					assertThat(request.path()).isEqualTo("/v1/rime-info");
				});
			}
		}
	}

	@Test
	void anAddressWithOneTrailingSlashWorksAgainstTheServer() {
		try (RimeEmulator emulator = TestRime.emulator();
				RimeClient client = RimeClient.builder()
					.address("127.0.0.1:" + emulator.port() + "/")
					.apiKey(emulator.apiKey())
					.build()) {
			assertThat(client.address()).isEqualTo(URI.create("https://127.0.0.1:" + emulator.port()));
		}
		try (RimeEmulator emulator = TestRime.emulator();
				RimeClient client = RimeClient.builder()
					.address("http://127.0.0.1:" + emulator.port() + "/")
					.apiKey(emulator.apiKey())
					.build()) {
			assertThat(client.getRimeInfo().version()).isEqualTo("2.10.16");
			assertThat(emulator.requests()).last().satisfies((request) -> assertThat(request.target()).isEqualTo("/v1/rime-info"));
		}
	}

}
