package io.rime.autoconfigure;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json} documents every key, so that
 * IDEs complete and explain them, and the README's properties table lists exactly those keys.
 */
class RimeConfigurationMetadataTests {

	private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9.-]+)` \\|([^|]+)\\|([^|]+)\\|$",
			Pattern.MULTILINE);

	@Test
	void theReadmePropertiesTableListsExactlyTheDocumentedKeys() throws Exception {
		Map<String, JsonNode> metadata = rimeProperties();
		Map<String, String> readme = readmeTable();

		assertThat(readme.keySet()).containsExactlyInAnyOrderElementsOf(metadata.keySet());
		assertThat(readme).allSatisfy((key, meaning) -> assertThat(meaning).as(key).isNotBlank());
	}

	@Test
	void everyKeyHasADescriptionInBootsWording() throws Exception {
		assertThat(rimeProperties()).allSatisfy((key, property) -> assertThat(property.path("description").asString(""))
			.as("description of " + key)
			.isNotBlank()
			.doesNotStartWith("The "));
	}

	@Test
	void everyKeyTheIssueListsIsDocumented() throws Exception {
		assertThat(rimeProperties()).containsKeys("rime.enabled", "rime.address", "rime.api-key",
				"rime.default-project-id", "rime.connect-timeout", "rime.read-timeout", "rime.redirects",
				"rime.ssl.bundle", "rime.retry.enabled", "rime.retry.max-retries", "rime.retry.delay",
				"rime.retry.multiplier", "rime.retry.max-delay", "rime.retry.jitter",
				"rime.retry.idempotency-keys-honoured", "rime.health.timeout", "rime.health.cache-ttl",
				"rime.emulator.enabled", "rime.emulator.port", "rime.emulator.pending-duration",
				"rime.emulator.running-duration", "management.health.rime.enabled");
	}

	@Test
	void booleanKeysStartWithWhether() throws Exception {
		assertThat(rimeProperties()).allSatisfy((key, property) -> {
			if (property.path("type").asString("").equals("java.lang.Boolean")) {
				assertThat(property.path("description").asString("")).as(key).startsWith("Whether ");
			}
		});
	}

	@Test
	void durationsAndTheHealthSwitchHaveHints() throws Exception {
		Map<String, JsonNode> hints = new LinkedHashMap<>();
		metadata().get("hints").forEach((hint) -> hints.put(hint.get("name").asString(), hint));
		assertThat(hints).containsKeys("rime.health.timeout", "rime.health.cache-ttl", "rime.address",
				"rime.ssl.bundle");
		assertThat(hints.get("rime.health.timeout").get("values").get(0).get("value").asString()).isEqualTo("2s");
	}

	@Test
	void defaultsAreDocumented() throws Exception {
		Map<String, JsonNode> properties = rimeProperties();
		assertThat(properties.get("rime.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("rime.retry.max-retries").get("defaultValue").asInt()).isEqualTo(3);
		assertThat(properties.get("rime.retry.timeout").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("rime.health.timeout").get("defaultValue").asString()).isEqualTo("2s");
		assertThat(properties.get("rime.health.cache-ttl").get("defaultValue").asString()).isEqualTo("10s");
		assertThat(properties.get("rime.redirects").get("defaultValue").asString()).isEqualTo("dont-follow");
		assertThat(properties.get("rime.watcher.enabled").get("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("rime.watcher.poll-interval").get("defaultValue").asString()).isEqualTo("5s");
		assertThat(properties.get("management.health.rime.enabled").get("defaultValue").asBoolean()).isTrue();
	}

	private static Map<String, String> readmeTable() throws Exception {
		return readmeTable(3);
	}

	/**
	 * Read one column of the README's properties table.
	 * @param column 2 for the defaults, 3 for the meanings
	 * @return the column's cells by property
	 */
	static Map<String, String> readmeTable(int column) throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("### Configuration properties");
		String table = readme.substring(start, readme.indexOf("\n###", start + 1));
		Map<String, String> rows = new LinkedHashMap<>();
		Matcher row = TABLE_ROW.matcher(table);
		while (row.find()) {
			rows.put(row.group(1), row.group(column).trim());
		}
		return rows;
	}

	static JsonNode metadata() throws Exception {
		try (InputStream in = RimeConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			return JsonMapper.builder().build().readTree(in);
		}
	}

	private static Map<String, JsonNode> rimeProperties() throws Exception {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("rime.") || name.contains(".rime.")) {
				properties.put(name, property);
			}
		}
		assertThat(properties).as("generated keys").containsKeys("rime.address", "rime.watcher.enabled");
		return properties;
	}

}
