package io.rime.client;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RimeClientBuilderTests {

	@Test
	void theAddressIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().build())
			.withMessageStartingWith("address is not set; expected RimeClient.builder().address(...)");
	}

	@Test
	void aNullAddressIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address((String) null))
			.withMessage("address is null; expected a host such as rime.example.com (https is assumed), host:port, or an"
					+ " http or https URL such as https://rime.example.com");
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address((URI) null))
			.withMessageStartingWith("address is null");
	}

	@Test
	void aBlankAddressIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address(" "))
			.withMessageStartingWith("address is blank; expected a host such as rime.example.com");
	}

	@Test
	void aRelativeUriAddressIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address(URI.create("my/path")))
			.withMessageStartingWith("address 'my/path' is relative; expected a host such as rime.example.com");
	}

	@Test
	void anAddressWithAnotherSchemeIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address("ftp://rime.example.com"))
			.withMessageStartingWith("address 'ftp://rime.example.com' has the scheme 'ftp'; expected a host");
	}

	@Test
	void anAddressWithAQueryIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address("https://rime.example.com?x=1"))
			.withMessageStartingWith("address 'https://rime.example.com?x=1' has a query or fragment");
	}

	@Test
	void anAddressThatIsNotAUrlIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().address("https://rime example"))
			.withMessageStartingWith("address 'https://rime example' is not a URL");
	}

	@Test
	void credentialsInTheAddressAreRejectedWithoutBeingShown() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RimeClient.builder().address("https://user:s3cret@rime.example.com"))
			.withMessageStartingWith("address contains user info (credentials)")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void aTrailingSlashInTheAddressIsDropped() {
		try (RimeClient client = RimeClient.builder().address("https://rime.example.com/base/").build()) {
			assertThat(client.toString()).contains("address=https://rime.example.com/base,");
		}
	}

	@Test
	void aBlankApiKeyIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().apiKey(" "))
			.withMessageStartingWith("apiKey is blank; expected the API key from the RIME web app");
	}

	@Test
	void anApiKeyWithALineBreakIsRejectedWithoutBeingShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().apiKey("secret\r\nX-Evil: 1"))
			.withMessage("apiKey contains a line break at index 6; expected a single-line key (the key itself is not shown)");
	}

	@Test
	void anApiKeyWithNonAsciiCharactersIsRejectedWithoutBeingShown() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().apiKey("sécret"))
			.withMessage("apiKey contains the non-ASCII or control character U+00E9 at index 1; expected printable"
					+ " ASCII only (the key itself is not shown)");
	}

	@Test
	void nonPositiveTimeoutsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().connectTimeout(Duration.ZERO))
			.withMessage("connectTimeout is PT0S; expected a positive duration");
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().readTimeout(Duration.ofSeconds(-1)))
			.withMessage("readTimeout is PT-1S; expected a positive duration");
	}

	@Test
	void aNegativeOrMissingMaxRetryAfterIsRejectedByItsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().maxRetryAfter(Duration.ofSeconds(-1)))
			.withMessage("maxRetryAfter is PT-1S; expected zero or a positive duration");
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().maxRetryAfter(null))
			.withMessage("maxRetryAfter is null; expected zero or a positive duration");
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().validationTimeout(Duration.ZERO))
			.withMessage("validationTimeout is PT0S; expected a positive duration");
	}

	@Test
	void aBlankDefaultProjectIdIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().defaultProjectId(""))
			.withMessage("defaultProjectId is ''; expected a non-blank id");
	}

	@Test
	void aRestClientBuilderOfYourOwnOnTheDefaultRequestFactoryKeepsTheCallDeadline() {
		try (RimeEmulator emulator = TestRime.emulator();
				RimeClient client = TestRime.clientBuilder(emulator)
					.restClientBuilder(RestClient.builder()
						.requestFactory(RimeClientBuilder.defaultRequestFactory(Duration.ofSeconds(1),
								Duration.ofSeconds(60), null)))
					.retryPolicy(RetryPolicy.builder().maxRetries(0).timeout(Duration.ofMillis(300)).build())
					.build()) {
			emulator.faults().add(Fault.on("GET", "/v1/rime-info").stall().times(1));
			assertTimeoutPreemptively(Duration.ofSeconds(20),
					() -> assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(client::getRimeInfo)
						.withMessageContaining("the call's timeout passed"));
		}
	}

}
