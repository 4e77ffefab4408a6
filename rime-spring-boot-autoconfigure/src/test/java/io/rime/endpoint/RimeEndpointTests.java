package io.rime.endpoint;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the endpoint shows of the address.
 */
class RimeEndpointTests {

	@Test
	void theAddressIsShownWithoutUserInfoQueryOrFragment() {
		assertThat(RimeEndpoint.displayAddress(URI.create("https://user:s3cr3t@rime.example.com:8443/base?key=k#f")))
			.isEqualTo("https://rime.example.com:8443/base");
		assertThat(RimeEndpoint.displayAddress(URI.create("http://127.0.0.1:8080"))).isEqualTo("http://127.0.0.1:8080");
	}

}
