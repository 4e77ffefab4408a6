package io.rime.client.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

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
		return object(map, path, Collections.newSetFromMap(new IdentityHashMap<>()));
	}

	// "enclosing" holds the maps and collections from the root down to here: a map that contains
	// itself has no JSON form and would otherwise end in a StackOverflowError.
	private static ObjectNode object(Map<?, ?> map, String path, Set<Object> enclosing) {
		enter(map, path, enclosing);
		ObjectNode object = NODES.objectNode();
		for (Map.Entry<?, ?> entry : map.entrySet()) {
			if (!(entry.getKey() instanceof String key)) {
				throw new IllegalArgumentException(path + " has the key " + describe(entry.getKey())
						+ "; expected String keys");
			}
			object.set(key, value(entry.getValue(), path + "." + key, enclosing));
		}
		enclosing.remove(map);
		return object;
	}

	private static void enter(Object container, String path, Set<Object> enclosing) {
		if (!enclosing.add(container)) {
			throw new IllegalArgumentException(path + " contains itself; expected a tree of JSON values"
					+ " (String, Number, Boolean, null, Map or List) without cycles");
		}
	}

	private static JsonNode value(@Nullable Object value, String path, Set<Object> enclosing) {
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
			return object(map, path, enclosing);
		}
		if (value instanceof Collection<?> collection) {
			enter(collection, path, enclosing);
			ArrayNode array = NODES.arrayNode();
			int index = 0;
			for (Object element : collection) {
				array.add(value(element, path + "[" + index++ + "]", enclosing));
			}
			enclosing.remove(collection);
			return array;
		}
		throw new IllegalArgumentException(path + " is " + describe(value)
				+ "; expected a JSON value (String, Number, Boolean, null, Map or List)");
	}

	static String describe(@Nullable Object value) {
		return (value != null) ? "a " + value.getClass().getName() + " (" + value + ")" : "null";
	}

}
