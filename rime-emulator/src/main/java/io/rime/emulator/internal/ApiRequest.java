package io.rime.emulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One API request after routing: its path variables, query parameters and JSON body.
 */
public final class ApiRequest {

	private final String method;

	private final Map<String, String> pathVariables;

	private final Map<String, List<String>> query;

	private final byte[] body;

	ApiRequest(String method, Map<String, String> pathVariables, Map<String, List<String>> query, byte[] body) {
		this.method = method;
		this.pathVariables = pathVariables;
		this.query = query;
		this.body = body;
	}

	public String method() {
		return this.method;
	}

	public String pathVariable(String name) {
		String value = this.pathVariables.get(name);
		if (value == null || value.isBlank()) {
			throw ApiError.invalid(name + " must not be empty");
		}
		return value;
	}

	public @Nullable String queryParam(String name) {
		List<String> values = this.query.get(name);
		return (values != null && !values.isEmpty()) ? values.get(values.size() - 1) : null;
	}

	public List<String> queryParams(String name) {
		return this.query.getOrDefault(name, List.of());
	}

	/**
	 * Returns the body as a JSON object.
	 * @return the body
	 * @throws ApiError when the body is missing, not JSON, or not an object
	 */
	public JsonNode jsonBody() {
		if (this.body.length == 0) {
			throw ApiError.invalid("request body is required: a JSON object");
		}
		JsonNode node;
		try {
			node = Json.MAPPER.readTree(this.body);
		}
		catch (JacksonException ex) {
			throw ApiError.invalid("request body is not valid JSON: " + ex.getOriginalMessage());
		}
		if (node == null || !node.isObject()) {
			throw ApiError.invalid("request body must be a JSON object");
		}
		return node;
	}

	static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
		Map<String, List<String>> query = new LinkedHashMap<>();
		if (rawQuery == null || rawQuery.isEmpty()) {
			return query;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = decode((equals < 0) ? pair : pair.substring(0, equals), true);
			String value = (equals < 0) ? "" : decode(pair.substring(equals + 1), true);
			query.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
		}
		return query;
	}

	static String decode(String raw, boolean plusIsSpace) {
		try {
			return URLDecoder.decode(plusIsSpace ? raw : raw.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw ApiError.invalid("malformed percent-encoding in '" + raw + "'");
		}
	}

}
