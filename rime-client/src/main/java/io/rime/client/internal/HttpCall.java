package io.rime.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One REST call: method, encoded path and query, optional JSON body, and the SDK operation it
 * belongs to (for logs and retries).
 *
 * @param method GET or POST
 * @param operation the SDK operation name, for example {@code get_job}
 * @param path the encoded path, starting with {@code /}
 * @param query the encoded query without {@code ?}, or empty
 * @param body the JSON body of a POST, or {@code null} for none
 */
public record HttpCall(HttpMethod method, String operation, String path, String query, byte @Nullable [] body) {

	/**
	 * Start a GET; every segment is encoded, so an id such as {@code ../projects} stays one segment.
	 * @param operation the SDK operation name
	 * @param segments the path segments
	 * @return the call
	 */
	public static HttpCall get(String operation, String... segments) {
		return new HttpCall(HttpMethod.GET, operation, path(segments), "", null);
	}

	/**
	 * Start a POST with a JSON body, or none.
	 * @param operation the SDK operation name
	 * @param body the JSON body, or {@code null}
	 * @param segments the path segments
	 * @return the call
	 */
	public static HttpCall post(String operation, byte @Nullable [] body, String... segments) {
		return new HttpCall(HttpMethod.POST, operation, path(segments), "", body);
	}

	/**
	 * Return a copy with one more query parameter; a null value adds nothing.
	 * @param name the parameter name
	 * @param value the parameter value, or {@code null}
	 * @return the call
	 */
	public HttpCall query(String name, @Nullable String value) {
		if (value == null) {
			return this;
		}
		String pair = encode(name) + "=" + encode(value);
		return new HttpCall(this.method, this.operation, this.path,
				this.query.isEmpty() ? pair : this.query + "&" + pair, this.body);
	}

	/**
	 * Return a copy with the parameter repeated once per value (the API's "multi" format).
	 * @param name the parameter name
	 * @param values the values
	 * @return the call
	 */
	public HttpCall query(String name, Iterable<String> values) {
		HttpCall call = this;
		for (String value : values) {
			call = call.query(name, value);
		}
		return call;
	}

	/**
	 * Return the path and query, as logged and recorded.
	 * @return the target, for example {@code /v1/jobs/j-1?view=JOB_VIEW_FULL}
	 */
	public String target() {
		return this.query.isEmpty() ? this.path : this.path + "?" + this.query;
	}

	private static String path(String... segments) {
		List<String> encoded = new ArrayList<>(segments.length);
		for (String segment : segments) {
			if (segment.equals(".") || segment.equals("..")) {
				throw new IllegalArgumentException("Id '" + segment + "' is not valid; expected an id, not a dot segment");
			}
			encoded.add(encode(segment));
		}
		return "/" + String.join("/", encoded);
	}

	// Encodes every reserved character, so '/', '?', '#', '&', '=' and '+' cannot change the URL.
	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
