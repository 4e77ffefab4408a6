package io.rime.client.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.TestCategory;

/**
 * Maps the {@code rime_sdk} 2.x configuration ({@code run_name}, {@code model_id}, {@code data_info:
 * {ref_dataset_id, eval_dataset_id}}, {@code run_time_info}, {@code categories}, ...) key by key to
 * RIME v1's {@code testRunConfig}. Each level has a fixed set of keys, so a typo is an error naming the key
 * and the accepted ones instead of a field RIME silently ignores.
 */
final class SnakeCaseConfig {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** The 2.x top-level keys, and only they, mark the 2.x form. */
	static final Set<String> KEYS = Set.of("run_name", "model_id", "data_info", "run_time_info", "categories",
			"profiling_config", "test_suite_config");

	private static final Node PULL_SECRET = Node.of(Map.of("name", Field.text("name")));

	private static final Node CUSTOM_IMAGE = Node.of(Map.of("name", Field.text("name"), "pull_secret",
			Field.object("pullSecret", PULL_SECRET)));

	private static final Node IMAGE_TYPE = Node.of(Map.of("custom_image", Field.object("customImage", CUSTOM_IMAGE),
			"managed_image_name", Field.text("managedImageName")));

	private static final Node RESOURCES = Node.of(Map.of("ram_request_megabytes", Field.int64("ramRequestMegabytes"),
			"cpu_request_millicores", Field.int64("cpuRequestMillicores")));

	private static final Node RUN_TIME_INFO = Node.of(Map.of("custom_image", Field.image("customImage"),
			"resource_request", Field.object("resourceRequest", RESOURCES), "explicit_errors",
			Field.bool("explicitErrors"), "random_seed", Field.int64("randomSeed")));

	private static final Node TIME_INTERVAL = Node.of(Map.of("start_time", Field.text("startTime"), "end_time",
			Field.text("endTime")));

	private static final Node DATA_INFO = Node.of(Map.of("ref_dataset_id", Field.text("refDatasetId"),
			"eval_dataset_id", Field.text("evalDatasetId"), "eval_dataset_time_interval",
			Field.object("evalDatasetTimeInterval", TIME_INTERVAL)));

	private static final Node TEST_SUITE = Node.of(Map.of("global_test_sensitivity", Field.text("globalTestSensitivity"),
			"individual_tests_config", Field.jsonText("individualTestsConfig"), "custom_tests",
			Field.any("customTests"), "global_exclude_columns", Field.any("globalExcludeColumns")));

	private static final Node TOP = Node.of(Map.of("run_name", Field.text("runName"), "model_id", Field.id("modelId"),
			"data_info", Field.object("dataInfo", DATA_INFO), "run_time_info", Field.object("runTimeInfo", RUN_TIME_INFO),
			"categories", Field.categories("categories"), "profiling_config", Field.any("profilingConfig"),
			"test_suite_config", Field.object("testSuiteConfig", TEST_SUITE)));

	private SnakeCaseConfig() {
	}

	/**
	 * Map a 2.x configuration to v1.
	 * @param config the configuration
	 * @return the v1 {@code testRunConfig}
	 * @throws IllegalArgumentException naming the key that is unknown, missing or of the wrong type
	 */
	static ObjectNode toV1(ObjectNode config) {
		ObjectNode v1 = map(config, TOP, "testRunConfig");
		require(v1, "runName", "testRunConfig.run_name", "a name for the test run");
		require(v1, "modelId", "testRunConfig.model_id", "the id of a registered model");
		JsonNode dataInfo = v1.get("dataInfo");
		if (dataInfo == null || !dataInfo.has("evalDatasetId")) {
			throw new IllegalArgumentException("testRunConfig.data_info.eval_dataset_id is missing; expected the id of a"
					+ " registered evaluation dataset");
		}
		return v1;
	}

	private static void require(ObjectNode v1, String field, String path, String expected) {
		if (!v1.has(field)) {
			throw new IllegalArgumentException(path + " is missing; expected " + expected);
		}
	}

	private static ObjectNode map(JsonNode source, Node node, String path) {
		if (!source.isObject()) {
			throw new IllegalArgumentException(path + " is " + source + "; expected an object");
		}
		ObjectNode target = NODES.objectNode();
		for (Map.Entry<String, JsonNode> entry : source.properties()) {
			Field field = node.fields().get(entry.getKey());
			String childPath = path + "." + entry.getKey();
			if (field == null) {
				throw new IllegalArgumentException(childPath + " is not a key of the rime_sdk 2.x configuration; expected"
						+ " one of " + new TreeSet<>(node.fields().keySet()));
			}
			if (!entry.getValue().isNull()) {
				target.set(field.name(), field.map(entry.getValue(), childPath));
			}
		}
		return target;
	}

	private enum Kind {

		TEXT, INT64, BOOL, ID, OBJECT, IMAGE, CATEGORIES, JSON_TEXT, ANY

	}

	private record Node(Map<String, Field> fields) {

		static Node of(Map<String, Field> fields) {
			return new Node(new LinkedHashMap<>(fields));
		}

	}

	private record Field(String name, Kind kind, @Nullable Node node) {

		static Field text(String name) {
			return new Field(name, Kind.TEXT, null);
		}

		static Field int64(String name) {
			return new Field(name, Kind.INT64, null);
		}

		static Field bool(String name) {
			return new Field(name, Kind.BOOL, null);
		}

		static Field id(String name) {
			return new Field(name, Kind.ID, null);
		}

		static Field object(String name, Node node) {
			return new Field(name, Kind.OBJECT, node);
		}

		static Field image(String name) {
			return new Field(name, Kind.IMAGE, null);
		}

		static Field categories(String name) {
			return new Field(name, Kind.CATEGORIES, null);
		}

		static Field jsonText(String name) {
			return new Field(name, Kind.JSON_TEXT, null);
		}

		static Field any(String name) {
			return new Field(name, Kind.ANY, null);
		}

		JsonNode map(JsonNode value, String path) {
			return switch (this.kind) {
				case TEXT -> {
					if (!value.isString() || value.stringValue().isBlank()) {
						throw new IllegalArgumentException(path + " is " + value + "; expected a non-blank string");
					}
					yield value;
				}
				// proto3 JSON carries int64 as a string
				case INT64 -> {
					if (value.isIntegralNumber() && value.canConvertToLong()) {
						yield NODES.stringNode(Long.toString(value.longValue()));
					}
					if (value.isString() && value.stringValue().matches("-?\\d{1,18}")) {
						yield value;
					}
					throw new IllegalArgumentException(path + " is " + value + "; expected a whole number");
				}
				case BOOL -> {
					if (!value.isBoolean()) {
						throw new IllegalArgumentException(path + " is " + value + "; expected true or false");
					}
					yield value;
				}
				case ID -> {
					JsonNode id = value.isObject() ? value.get("uuid") : value;
					if (id == null || !id.isString() || id.stringValue().isBlank()) {
						throw new IllegalArgumentException(path + " is " + value + "; expected the id of a registered model");
					}
					yield NODES.objectNode().put("uuid", id.stringValue());
				}
				case OBJECT -> SnakeCaseConfig.map(value, this.node, path);
				// 2.x takes the image itself ({name, pull_secret}) or v1's union ({custom_image} or {managed_image_name}).
				case IMAGE -> value.isObject() && value.has("name")
						? NODES.objectNode().set("customImage", SnakeCaseConfig.map(value, CUSTOM_IMAGE, path))
						: SnakeCaseConfig.map(value, IMAGE_TYPE, path);
				case CATEGORIES -> {
					if (!value.isArray()) {
						throw new IllegalArgumentException(path + " is " + value + "; expected a list of test categories");
					}
					ArrayNode categories = NODES.arrayNode();
					for (int i = 0; i < value.size(); i++) {
						JsonNode category = value.get(i);
						if (!category.isString()) {
							throw new IllegalArgumentException(path + "[" + i + "] is " + category
									+ "; expected a test category such as TEST_CATEGORY_TYPE_DRIFT");
						}
						try {
							categories.add(TestCategory.fromName(category.stringValue()).wireName());
						}
						catch (IllegalArgumentException ex) {
							throw new IllegalArgumentException(path + "[" + i + "]: " + ex.getMessage());
						}
					}
					yield categories;
				}
				// v1 takes the individual tests' configuration as serialised JSON; 2.x code often passes a dict.
				case JSON_TEXT -> value.isString() ? value : NODES.stringNode(value.toString());
				case ANY -> value;
			};
		}

	}

}
