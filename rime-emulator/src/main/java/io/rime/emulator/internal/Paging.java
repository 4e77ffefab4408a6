package io.rime.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Page sizes and opaque page tokens. A token carries the first page's filter and the position to
 * go on from, since later requests send only the token.
 */
final class Paging {

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAX_PAGE_SIZE = 10_000;

	private Paging() {
	}

	static int pageSize(ApiRequest request) {
		String text = request.queryParam("pageSize");
		if (text == null || text.isEmpty()) {
			return DEFAULT_PAGE_SIZE;
		}
		long size;
		try {
			size = Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalid("pageSize must be a whole number, but was '" + text + "'");
		}
		if (size < 0) {
			throw ApiError.invalid("pageSize must not be negative, but was " + size);
		}
		return (size == 0) ? DEFAULT_PAGE_SIZE : (int) Math.min(size, MAX_PAGE_SIZE);
	}

	static String encode(String kind, ObjectNode state) {
		state.put("k", kind);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.MAPPER.writeValueAsBytes(state));
	}

	/**
	 * Decodes the request's page token.
	 * @param request the request
	 * @param kind the list the token must belong to
	 * @return the token's state, or {@code null} when the request has no token
	 */
	static @Nullable JsonNode decode(ApiRequest request, String kind) {
		String token = request.queryParam("pageToken");
		if (token == null || token.isEmpty()) {
			return null;
		}
		try {
			JsonNode state = Json.MAPPER.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
			if (state != null && state.isObject() && kind.equals(state.path("k").asString(""))) {
				return state;
			}
		}
		catch (IllegalArgumentException | JacksonException ex) {
			// reported below
		}
		throw ApiError.invalid("pageToken '" + token + "' is not a token this list returned");
	}

	/**
	 * Reads a position from a decoded token, rejecting one this list cannot have issued.
	 * @param token the decoded token
	 * @param field the position's field
	 * @param max the largest valid position
	 * @return the position
	 */
	static long position(JsonNode token, String field, long max) {
		JsonNode position = token.path(field);
		if (!position.isIntegralNumber() || !position.canConvertToLong() || position.longValue() < 0
				|| position.longValue() > max) {
			throw ApiError.invalid("pageToken is not a token this list returned");
		}
		return position.longValue();
	}

	static ObjectNode page(String itemsField, Iterable<? extends JsonNode> items, @Nullable String nextToken) {
		ObjectNode page = Json.object();
		var array = page.putArray(itemsField);
		items.forEach(array::add);
		page.put("nextPageToken", (nextToken != null) ? nextToken : "");
		page.put("hasMore", nextToken != null);
		return page;
	}

}
