package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads fields of a request body, rejecting wrong types and missing values with a message that
 * names the field by its full path.
 */
final class Fields {

	/**
	 * Longest name of a project, dataset, model, run or tag, in characters: a name is shown in
	 * lists, so one huge name would make every page of a listing huge.
	 */
	static final int MAX_NAME_LENGTH = 255;

	/**
	 * Longest free text (a project's description, use case or ethical consideration), in characters.
	 */
	static final int MAX_TEXT_LENGTH = 5_000;

	private Fields() {
	}

	static String requireName(JsonNode parent, String field, String path) {
		return limited(requireString(parent, field, path), path, MAX_NAME_LENGTH);
	}

	static String requireText(JsonNode parent, String field, String path) {
		return limited(requireString(parent, field, path), path, MAX_TEXT_LENGTH);
	}

	static @Nullable String optionalText(JsonNode parent, String field, String path) {
		String value = optionalString(parent, field, path);
		return (value != null) ? limited(value, path, MAX_TEXT_LENGTH) : null;
	}

	static List<String> optionalNames(JsonNode parent, String field, String path) {
		List<String> values = optionalStrings(parent, field, path);
		for (int i = 0; i < values.size(); i++) {
			limited(values.get(i), path + "[" + i + "]", MAX_NAME_LENGTH);
		}
		return values;
	}

	private static String limited(String value, String path, int max) {
		int length = value.codePointCount(0, value.length());
		if (length > max) {
			throw ApiError.invalid(path + " must be at most " + max + " characters long, but has " + length);
		}
		return value;
	}

	static JsonNode requireObject(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			throw ApiError.invalid(path + " is required");
		}
		if (!node.isObject()) {
			throw wrongType(path, "an object", node);
		}
		return node;
	}

	static @Nullable JsonNode optionalObject(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			throw wrongType(path, "an object", node);
		}
		return node;
	}

	static String requireString(JsonNode parent, String field, String path) {
		String value = optionalString(parent, field, path);
		if (value == null || value.isBlank()) {
			throw ApiError.invalid(path + " is required and must not be empty");
		}
		return value;
	}

	static @Nullable String optionalString(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString()) {
			throw wrongType(path, "a string", node);
		}
		return node.stringValue();
	}

	/**
	 * Reads an {@code ID} object, {@code {"uuid": "…"}}.
	 */
	static String requireId(JsonNode parent, String field, String path) {
		String uuid = optionalId(parent, field, path);
		if (uuid == null) {
			throw ApiError.invalid(path + ".uuid is required");
		}
		return uuid;
	}

	static @Nullable String optionalId(JsonNode parent, String field, String path) {
		JsonNode id = optionalObject(parent, field, path);
		if (id == null) {
			return null;
		}
		String uuid = optionalString(id, "uuid", path + ".uuid");
		return (uuid == null || uuid.isBlank()) ? null : uuid;
	}

	static @Nullable String optionalEnum(JsonNode parent, String field, String path, Set<String> allowed) {
		String value = optionalString(parent, field, path);
		if (value != null && !allowed.contains(value)) {
			throw unknownEnum(path, value, allowed);
		}
		return value;
	}

	static List<String> optionalStrings(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw wrongType(path, "an array of strings", node);
		}
		List<String> values = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode element = node.get(i);
			if (!element.isString()) {
				throw wrongType(path + "[" + i + "]", "a string", element);
			}
			values.add(element.stringValue());
		}
		return values;
	}

	static List<String> optionalEnums(JsonNode parent, String field, String path, Set<String> allowed) {
		List<String> values = optionalStrings(parent, field, path);
		for (int i = 0; i < values.size(); i++) {
			if (!allowed.contains(values.get(i))) {
				throw unknownEnum(path + "[" + i + "]", values.get(i), allowed);
			}
		}
		return values;
	}

	static @Nullable Boolean optionalBoolean(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isBoolean()) {
			throw wrongType(path, "true or false", node);
		}
		return node.booleanValue();
	}

	/**
	 * Reads an int64, which proto3 JSON sends as a string but also accepts as a number.
	 */
	static @Nullable Long optionalInt64(JsonNode parent, String field, String path) {
		JsonNode node = parent.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString()) {
			try {
				return Long.parseLong(node.stringValue());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw wrongType(path, "an int64 (a JSON string of digits)", node);
	}

	static ApiError unknownEnum(String path, String value, Set<String> allowed) {
		return ApiError.invalid(path + " has an unknown value '" + value + "'; expected one of " + sorted(allowed));
	}

	static ApiError wrongType(String path, String expected, JsonNode actual) {
		String shown = actual.toString();
		if (shown.length() > 40) {
			shown = shown.substring(0, 40) + "…";
		}
		return ApiError.invalid(path + " must be " + expected + ", but was " + shown);
	}

	private static List<String> sorted(Set<String> values) {
		return values.stream().sorted().toList();
	}

}
