package io.rime.client.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a user's configuration map into JSON, rejecting what JSON cannot hold with a message
 * that names the offending entry.
 */
final class JsonValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private JsonValues() {
	}

	static ObjectNode object(Map<?, ?> map, String path) {
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException(path + " has the key " + describe(entry.getKey())
						+ "; expected String keys");
			}
			object.set(key, value(entry.getValue(), path + "." + key));
		}
		return object;
	}

	private static JsonNode value(@Nullable Object value, String path) {
		if (value == null) {
			return NODES.nullNode();
		}
		if (value instanceof String text) {
			return NODES.stringNode(text);
		}
		if (value instanceof Boolean bool) {
			return NODES.booleanNode(bool);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return NODES.numberNode(((Number) value).longValue());
		}
		if (value instanceof BigInteger big) {
			return NODES.numberNode(big);
		}
		if (value instanceof BigDecimal decimal) {
			return NODES.numberNode(decimal);
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException(path + " is " + number + "; JSON has no NaN or infinity");
			}
			return NODES.numberNode(number);
		}
		if (value instanceof Map<?, ?> map) {
			return object(map, path);
		}
		if (value instanceof Collection<?> collection) {
			ArrayNode array = NODES.arrayNode();
			int index = 0;
			for (Object element : collection) {
				array.add(value(element, path + "[" + index++ + "]"));
			}
			return array;
		}
		throw new IllegalArgumentException(path + " is " + describe(value)
				+ "; expected a JSON value (String, Number, Boolean, null, Map or List)");
	}

	static String describe(@Nullable Object value) {
		return (value != null) ? "a " + value.getClass().getName() + " (" + value + ")" : "null";
	}

}
