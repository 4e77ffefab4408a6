package io.rime.autoconfigure;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated {@code META-INF/spring-configuration-metadata.json} documents every key, so that
 * IDEs complete and explain them.
 */
class RimeConfigurationMetadataTests {

	private static final List<String> KEYS = List.of("rime.enabled", "rime.address", "rime.api-key",
			"rime.default-project-id", "rime.connect-timeout", "rime.read-timeout", "rime.redirects",
			"rime.ssl.bundle", "rime.retry.enabled", "rime.retry.max-retries", "rime.retry.delay",
			"rime.retry.multiplier", "rime.retry.max-delay", "rime.retry.jitter", "rime.retry.timeout",
			"rime.retry.idempotency-keys-honoured", "rime.health.timeout", "rime.health.cache-ttl",
			"rime.emulator.enabled", "rime.emulator.port", "rime.emulator.pending-duration",
			"rime.emulator.running-duration", "rime.emulator.validation-duration", "rime.emulator.cancel-duration",
			"rime.emulator.job-ttl", "rime.emulator.ssl-bundle", "management.health.rime.enabled",
			"management.info.rime.enabled");

	@Test
	void everyKeyIsDocumentedAndNoOtherRimeKeyExists() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.keySet().stream().filter((name) -> name.startsWith("rime.")))
			.containsExactlyInAnyOrderElementsOf(KEYS.stream().filter((key) -> key.startsWith("rime.")).toList());
		for (String key : KEYS) {
			assertThat(properties).as(key).containsKey(key);
			assertThat(properties.get(key).path("description").asString("")).as("description of " + key)
				.isNotBlank()
				.doesNotStartWith("The ");
		}
	}

	@Test
	void defaultsAreDocumented() throws Exception {
		Map<String, JsonNode> properties = properties();
		assertThat(properties.get("rime.enabled").get("defaultValue").asBoolean()).isTrue();
		assertThat(properties.get("rime.retry.max-retries").get("defaultValue").asInt()).isEqualTo(3);
		assertThat(properties.get("rime.retry.timeout").get("defaultValue").asString()).isEqualTo("30s");
		assertThat(properties.get("rime.health.timeout").get("defaultValue").asString()).isEqualTo("2s");
		assertThat(properties.get("rime.health.cache-ttl").get("defaultValue").asString()).isEqualTo("10s");
		assertThat(properties.get("rime.redirects").get("defaultValue").asString()).isEqualTo("dont-follow");
		assertThat(properties.get("management.health.rime.enabled").get("defaultValue").asBoolean()).isTrue();
	}

	private static Map<String, JsonNode> properties() throws Exception {
		try (InputStream in = RimeConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("generated metadata").isNotNull();
			JsonNode root = JsonMapper.builder().build().readTree(in);
			Map<String, JsonNode> properties = new HashMap<>();
			for (JsonNode property : root.get("properties")) {
				properties.put(property.get("name").asString(), property);
			}
			return properties;
		}
	}

}
