package io.rime.emulator;

import org.jspecify.annotations.Nullable;

/**
 * A request the emulator received, as tests need to see it: never the API key itself.
 *
 * @param method the HTTP method
 * @param target the raw request target: path and query, still percent-encoded
 * @param apiKeyPresent whether the request carried a {@code rime-api-key} header
 * @param idempotencyKey the {@code Idempotency-Key} header, if any
 */
public record RecordedRequest(String method, String target, boolean apiKeyPresent, @Nullable String idempotencyKey) {

	/**
	 * Returns the path part of the target, without the query.
	 * @return the raw path
	 */
	public String path() {
		int query = this.target.indexOf('?');
		return (query < 0) ? this.target : this.target.substring(0, query);
	}

}
