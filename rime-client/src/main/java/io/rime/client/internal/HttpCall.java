package io.rime.client.internal;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;

/**
 * One REST call: method, encoded path and query, optional JSON body, and the SDK operation it
 * belongs to (for logs and retries).
 *
 * @param method GET, POST or DELETE
 * @param operation the SDK operation name, for example {@code get_job}
 * @param template the path template, for example {@code /v1/jobs/{jobId}}: the {@code uri} tag of
 * {@code http.client.requests}, so that ids never become metric tags
 * @param path the encoded path, starting with {@code /}
 * @param query the encoded query without {@code ?}, or empty
 * @param body the JSON body of a POST, or {@code null} for none
 */
record HttpCall(HttpMethod method, String operation, String template, String path, String query,
		byte @Nullable [] body) {

	/**
	 * Start a GET; every variable is encoded, so an id such as {@code ../projects} stays one segment.
	 * @param operation the SDK operation name
	 * @param template the path template, such as {@code /v1/jobs/{jobId}}
	 * @param variables the values of the template's variables, in order
	 * @return the call
	 */
	public static HttpCall get(String operation, String template, String... variables) {
		return new HttpCall(HttpMethod.GET, operation, template, expand(template, variables), "", null);
	}

	/**
	 * Start a POST with a JSON body, or none.
	 * @param operation the SDK operation name
	 * @param body the JSON body, or {@code null}
	 * @param template the path template, such as {@code /v1/stress-tests/{projectId}}
	 * @param variables the values of the template's variables, in order
	 * @return the call
	 */
	public static HttpCall post(String operation, byte @Nullable [] body, String template, String... variables) {
		return new HttpCall(HttpMethod.POST, operation, template, expand(template, variables), "", body);
	}

	/**
	 * Start a DELETE; RIME's deletes take no body.
	 * @param operation the SDK operation name
	 * @param template the path template, such as {@code /v1/projects/{projectId}}
	 * @param variables the values of the template's variables, in order
	 * @return the call
	 */
	public static HttpCall delete(String operation, String template, String... variables) {
		return new HttpCall(HttpMethod.DELETE, operation, template, expand(template, variables), "", null);
	}

	/**
	 * Whether an id a server sent can name a resource: an empty id or a dot segment cannot.
	 * @param id the id, or {@code null}
	 * @return whether a call can put it in a path
	 */
	public static boolean isAddressable(@Nullable String id) {
		return id != null && !id.isEmpty() && !isDotSegment(id);
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
		return new HttpCall(this.method, this.operation, this.template, this.path,
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

	// Even encoded, "." and ".." would name the parent or the same resource, not an id.
	private static boolean isDotSegment(String value) {
		return value.equals(".") || value.equals("..");
	}

	private static String expand(String template, String... variables) {
		StringBuilder path = new StringBuilder(template.length() + 48);
		int variable = 0;
		int from = 0;
		for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
			String value = variables[variable++];
			if (isDotSegment(value)) {
				throw new IllegalArgumentException("Id '" + value + "' is not valid; expected an id, not a dot segment");
			}
			path.append(template, from, open).append(encode(value));
			from = template.indexOf('}', open) + 1;
		}
		if (variable != variables.length) {
			throw new IllegalStateException("Template " + template + " has " + variable + " variables, not "
					+ variables.length);
		}
		return path.append(template, from, template.length()).toString();
	}

	// Encodes every reserved character, so '/', '?', '#', '&', '=' and '+' cannot change the URL.
	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
