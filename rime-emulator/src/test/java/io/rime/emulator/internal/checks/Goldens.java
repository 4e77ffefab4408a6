package io.rime.emulator.internal.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden values that {@code data-checks/goldens.py} computed with numpy and scipy, and the
 * fixture files it wrote.
 */
final class Goldens {

	private static final JsonNode GOLDENS = read();

	private Goldens() {
	}

	static double number(String path) {
		JsonNode node = GOLDENS;
		for (String part : path.split("\\.")) {
			node = node.path(part);
		}
		if (!node.isNumber()) {
			throw new IllegalArgumentException("no golden value " + path);
		}
		return node.asDouble();
	}

	static Path file(String name) {
		try {
			return Path.of(Goldens.class.getResource("/data-checks/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode read() {
		try (InputStream in = Goldens.class.getResourceAsStream("/data-checks/goldens.json")) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
