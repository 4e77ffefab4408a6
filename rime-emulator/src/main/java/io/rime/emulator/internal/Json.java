package io.rime.emulator.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one JSON mapper of the emulator, and the wire formats of REST v1 values.
 */
public final class Json {

	public static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	public static ObjectNode object() {
		return JsonNodeFactory.instance.objectNode();
	}

	/**
	 * Formats a timestamp as RFC 3339 in UTC, to the millisecond, as proto Timestamp JSON does.
	 * @param instant the time
	 * @return the text
	 */
	public static String timestamp(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
	}

	public static ObjectNode id(String uuid) {
		return object().put("uuid", uuid);
	}

}
