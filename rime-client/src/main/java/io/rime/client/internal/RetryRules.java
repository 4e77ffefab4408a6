package io.rime.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Which failures are worth another attempt. Reads are retried on any transient failure. A POST
 * is retried only when the server certainly did not act on it, unless the server is declared to
 * honour idempotency keys, which makes a repeated POST harmless.
 *
 * @param idempotencyKeysHonoured whether the server returns the original response for a
 * repeated {@code Idempotency-Key}
 */
record RetryRules(boolean idempotencyKeysHonoured) {

	private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 429, 502, 503, 504);

	// 429 and 503 are refusals: the server says it did not take the request on.
	private static final Set<Integer> NOT_ACTED_STATUSES = Set.of(429, 503);

	/**
	 * Whether an HTTP error status is worth retrying.
	 * @param method the request method
	 * @param status the status code
	 * @param earlierAttemptMayHaveActed whether an earlier attempt of the same call lost its
	 * answer after it may have reached the server
	 * @return whether to retry
	 */
	public boolean isRetryable(HttpMethod method, int status, boolean earlierAttemptMayHaveActed) {
		// The lost attempt may have started a job: only a repeat, which the server answers with the
		// original response, can tell the caller which one, so any server error is worth another try.
		if (earlierAttemptMayHaveActed && this.idempotencyKeysHonoured && status >= 500) {
			return true;
		}
		if (!TRANSIENT_STATUSES.contains(status)) {
			return false;
		}
		return isSafeToRepeat(method) || NOT_ACTED_STATUSES.contains(status);
	}

	/**
	 * Whether an I/O failure is worth retrying.
	 * @param method the request method
	 * @param failure the failure
	 * @return whether to retry
	 */
	public boolean isRetryable(HttpMethod method, IOException failure) {
		return isSafeToRepeat(method) || neverReachedServer(failure);
	}

	private boolean isSafeToRepeat(HttpMethod method) {
		return !HttpMethod.POST.equals(method) || this.idempotencyKeysHonoured;
	}

	static boolean neverReachedServer(IOException failure) {
		if (failure instanceof ConnectException || failure instanceof UnknownHostException
				|| failure instanceof NoRouteToHostException || failure instanceof HttpConnectTimeoutException) {
			return true;
		}
		// HttpURLConnection reports a connect timeout only through the message.
		return failure instanceof SocketTimeoutException && failure.getMessage() != null
				&& failure.getMessage().toLowerCase(Locale.ROOT).contains("connect");
	}

	/**
	 * Parse a {@code Retry-After} value: delay seconds or an HTTP date.
	 * @param value the header value, or {@code null}
	 * @param clock the clock to measure an HTTP date against
	 * @return the delay, or {@link Duration#ZERO} if absent, past or unparseable
	 */
	public static Duration parseRetryAfter(@Nullable String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return Duration.ZERO;
		}
		try {
			return positive(Duration.ofSeconds(Long.parseLong(value.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim()));
				return positive(Duration.between(clock.instant(), at));
			}
			catch (DateTimeParseException notADate) {
				return Duration.ZERO;
			}
		}
	}

	private static Duration positive(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
