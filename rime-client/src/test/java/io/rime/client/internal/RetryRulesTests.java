package io.rime.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

class RetryRulesTests {

	private final RetryRules rules = new RetryRules(false);

	private final RetryRules honoured = new RetryRules(true);

	@Test
	void readsAreRetriedOnTransientStatusesOnly() {
		assertThat(this.rules.isRetryable(HttpMethod.GET, 408, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 429, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 502, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 503, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 504, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 500, false)).isFalse();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 501, false)).isFalse();
		assertThat(this.rules.isRetryable(HttpMethod.GET, 404, false)).isFalse();
	}

	@Test
	void postsAreRetriedOnlyWhenTheServerCertainlyDidNotAct() {
		assertThat(this.rules.isRetryable(HttpMethod.POST, 429, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.POST, 503, false)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.POST, 502, false)).isFalse();
		assertThat(this.rules.isRetryable(HttpMethod.POST, 504, false)).isFalse();
		assertThat(this.rules.isRetryable(HttpMethod.POST, new ConnectException("refused"))).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.POST, new SocketTimeoutException("Connect timed out"))).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.POST, new SocketTimeoutException("Read timed out"))).isFalse();
		assertThat(this.rules.isRetryable(HttpMethod.POST, new SocketException("Unexpected end of file"))).isFalse();
	}

	@Test
	void whenIdempotencyKeysAreHonouredPostsAreRetriedLikeReads() {
		assertThat(this.honoured.isRetryable(HttpMethod.POST, 502, false)).isTrue();
		assertThat(this.honoured.isRetryable(HttpMethod.POST, new IOException("reset"))).isTrue();
		assertThat(this.honoured.isRetryable(HttpMethod.POST, 500, false)).isFalse();
		// Once an attempt may have acted, a repeat is how the caller learns what it did.
		assertThat(this.honoured.isRetryable(HttpMethod.POST, 500, true)).isTrue();
		assertThat(this.rules.isRetryable(HttpMethod.POST, 500, true)).isFalse();
		assertThat(this.honoured.isRetryable(HttpMethod.POST, 404, true)).isFalse();
	}

	@Test
	void retryAfterIsReadAsSecondsOrAsAnHttpDate() {
		Clock clock = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
		assertThat(RetryRules.parseRetryAfter("3", clock)).isEqualTo(Duration.ofSeconds(3));
		assertThat(RetryRules.parseRetryAfter("Wed, 01 May 2024 12:00:10 GMT", clock)).isEqualTo(Duration.ofSeconds(10));
		assertThat(RetryRules.parseRetryAfter("Wed, 01 May 2024 11:00:00 GMT", clock)).isZero();
		assertThat(RetryRules.parseRetryAfter("soon", clock)).isZero();
		assertThat(RetryRules.parseRetryAfter("-4", clock)).isZero();
		assertThat(RetryRules.parseRetryAfter(null, clock)).isZero();
	}

}
