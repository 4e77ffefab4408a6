package io.rime.client.internal;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.CustomImage;
import io.rime.client.TestRunConfig;

/**
 * Reads a stress test configuration in any accepted form and checks it before anything is sent:
 * the seed SDK's ({@code run_name}, {@code data_info}, {@code model_info}), which needs registration
 * first; {@code rime_sdk} 2.x's snake_case form on registered ids, mapped key by key; RIME v1's own
 * {@code testRunConfig}, passed through; or a typed {@link TestRunConfig}.
 */
final class TestRunConfigs {

	private static final Set<String> SEED_KEYS = Set.of("run_name", "data_info", "model_info");

	private static final Set<String> SEED_DATA_KEYS = Set.of("label_col", "ref_path", "eval_path");

	private static final Set<String> V1_ONLY_KEYS = Set.of("runName", "modelId", "dataInfo", "runTimeInfo",
			"profilingConfig", "testSuiteConfig");

	// "categories" is spelled the same in v1 and 2.x, so it marks neither.
	private static final Set<String> SNAKE_KEYS = union(SEED_KEYS, SnakeCaseConfig.KEYS).stream()
		.filter((key) -> !key.equals("categories"))
		.collect(java.util.stream.Collectors.toUnmodifiableSet());

	private TestRunConfigs() {
	}

	/**
	 * Read and check a configuration.
	 * @param config the configuration
	 * @param customImage the image to run on, or {@code null}
	 * @return what to do
	 * @throws IllegalArgumentException naming the bad entry and what was expected
	 */
	public static Plan read(@Nullable Map<String, ?> config, @Nullable CustomImage customImage) {
		if (config == null || config.isEmpty()) {
			throw new IllegalArgumentException("testRunConfig is " + ((config == null) ? "null" : "empty")
					+ "; expected the seed form (run_name, data_info, model_info), the rime_sdk 2.x form (run_name,"
					+ " model_id, data_info) or the RIME v1 form (runName, modelId, dataInfo)");
		}
		ObjectNode json = JsonValues.object(config, "testRunConfig");
		Set<String> v1Keys = present(json, V1_ONLY_KEYS);
		Set<String> snakeKeys = present(json, SNAKE_KEYS);
		if (!v1Keys.isEmpty() && !snakeKeys.isEmpty()) {
			String snakeForm = snakeKeys.contains("model_info") ? "the seed form" : "the snake_case (seed or rime_sdk 2.x) keys";
			throw new IllegalArgumentException("testRunConfig mixes " + snakeForm + " " + snakeKeys + " with the RIME v1"
					+ " form " + v1Keys + "; expected one form only");
		}
		if (!v1Keys.isEmpty() || snakeKeys.isEmpty() && json.has("categories")) {
			return readV1(json, customImage);
		}
		if (isSeedForm(json)) {
			Set<String> twoX = present(json, Set.of("model_id", "run_time_info", "profiling_config", "test_suite_config",
					"categories"));
			if (!twoX.isEmpty()) {
				throw new IllegalArgumentException("testRunConfig mixes the seed form (model_info, data_info paths) with"
						+ " the rime_sdk 2.x keys " + twoX + "; expected one form only");
			}
			return readSeed(json, customImage);
		}
		return readV1(SnakeCaseConfig.toV1(json), customImage);
	}

	/**
	 * The v1 configuration of a typed one.
	 * @param config the configuration
	 * @return what to send
	 */
	public static Plan.V1 read(TestRunConfig config) {
		ObjectNode json = JsonNodeFactory.instance.objectNode().put("runName", config.runName());
		json.putObject("modelId").put("uuid", config.modelId());
		ObjectNode dataInfo = json.putObject("dataInfo");
		if (config.referenceDatasetId() != null) {
			dataInfo.put("refDatasetId", config.referenceDatasetId());
		}
		dataInfo.put("evalDatasetId", config.evaluationDatasetId());
		ObjectNode runTimeInfo = JsonNodeFactory.instance.objectNode();
		if (config.customImage() != null) {
			runTimeInfo.set("customImage", customImageJson(config.customImage()));
		}
		else if (config.managedImageName() != null) {
			runTimeInfo.putObject("customImage").put("managedImageName", config.managedImageName());
		}
		if (config.ramRequestMegabytes() != null) {
			runTimeInfo.putObject("resourceRequest")
				.put("ramRequestMegabytes", Long.toString(config.ramRequestMegabytes()))
				.put("cpuRequestMillicores", Long.toString(config.cpuRequestMillicores()));
		}
		if (config.explicitErrors() != null) {
			runTimeInfo.put("explicitErrors", config.explicitErrors());
		}
		if (config.randomSeed() != null) {
			runTimeInfo.put("randomSeed", Long.toString(config.randomSeed()));
		}
		if (!runTimeInfo.isEmpty()) {
			json.set("runTimeInfo", runTimeInfo);
		}
		if (!config.categories().isEmpty()) {
			config.categories().forEach((category) -> json.withArray("categories").add(category.wireName()));
		}
		return new Plan.V1(json);
	}

	// The seed names files to register; 2.x names registered ids. Both have run_name and data_info.
	private static boolean isSeedForm(ObjectNode json) {
		if (json.has("model_info")) {
			return true;
		}
		if (json.has("model_id")) {
			return false;
		}
		JsonNode dataInfo = json.get("data_info");
		return dataInfo == null || !dataInfo.isObject() || !present(dataInfo, SEED_DATA_KEYS).isEmpty()
				|| present(dataInfo, Set.of("ref_dataset_id", "eval_dataset_id")).isEmpty();
	}

	private static Plan.Seed readSeed(ObjectNode json, @Nullable CustomImage customImage) {
		onlyKeys(json, "testRunConfig", SEED_KEYS);
		String runName = requiredText(json, "run_name", "testRunConfig.run_name", "a name for the test run");
		JsonNode dataInfo = requiredObject(json, "data_info", "testRunConfig.data_info");
		onlyKeys(dataInfo, "testRunConfig.data_info", SEED_DATA_KEYS);
		JsonNode modelInfo = requiredObject(json, "model_info", "testRunConfig.model_info");
		onlyKeys(modelInfo, "testRunConfig.model_info", Set.of("path"));
		return new Plan.Seed(runName, optionalText(dataInfo, "label_col", "testRunConfig.data_info.label_col"),
				optionalText(dataInfo, "ref_path", "testRunConfig.data_info.ref_path"),
				requiredText(dataInfo, "eval_path", "testRunConfig.data_info.eval_path",
						"the path of the evaluation dataset, such as s3://bucket/eval.csv"),
				requiredText(modelInfo, "path", "testRunConfig.model_info.path",
						"the path of the model, such as s3://bucket/model.py"),
				customImage);
	}

	private static Plan.V1 readV1(ObjectNode json, @Nullable CustomImage customImage) {
		requiredText(json, "runName", "testRunConfig.runName",
				"a name for the test run (or use the seed form: run_name, data_info, model_info)");
		JsonNode modelId = requiredObject(json, "modelId", "testRunConfig.modelId");
		requiredText(modelId, "uuid", "testRunConfig.modelId.uuid", "the id of a registered model");
		JsonNode dataInfo = requiredObject(json, "dataInfo", "testRunConfig.dataInfo");
		requiredText(dataInfo, "evalDatasetId", "testRunConfig.dataInfo.evalDatasetId",
				"the id of a registered evaluation dataset");
		optionalText(dataInfo, "refDatasetId", "testRunConfig.dataInfo.refDatasetId");
		if (customImage != null) {
			JsonNode runTimeInfo = json.get("runTimeInfo");
			if (runTimeInfo != null && !runTimeInfo.isObject()) {
				throw new IllegalArgumentException("testRunConfig.runTimeInfo is " + runTimeInfo + "; expected an object");
			}
			ObjectNode runTime = (runTimeInfo != null) ? (ObjectNode) runTimeInfo : json.putObject("runTimeInfo");
			if (runTime.has("customImage")) {
				throw new IllegalArgumentException("testRunConfig.runTimeInfo.customImage is set and a customImage"
						+ " argument was given; expected the image in one place only");
			}
			runTime.set("customImage", customImageJson(customImage));
		}
		return new Plan.V1(json);
	}

	/**
	 * The v1 {@code runTimeInfo.customImage} value for an image.
	 * @param image the image
	 * @return {@code {"customImage": {"name": …, "pullSecret": {"name": …}}}}
	 */
	static ObjectNode customImageJson(CustomImage image) {
		ObjectNode union = JsonNodeFactory.instance.objectNode();
		ObjectNode custom = union.putObject("customImage").put("name", image.name());
		if (image.pullSecret() != null) {
			custom.putObject("pullSecret").put("name", image.pullSecret().name());
		}
		return union;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new LinkedHashSet<>(a);
		union.addAll(b);
		return Set.copyOf(union);
	}

	private static Set<String> present(JsonNode json, Set<String> keys) {
		Set<String> found = new LinkedHashSet<>();
		json.propertyNames().forEach((name) -> {
			if (keys.contains(name)) {
				found.add(name);
			}
		});
		return found;
	}

	private static void onlyKeys(JsonNode json, String path, Set<String> allowed) {
		for (String name : json.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException(path + " has the unknown key '" + name + "'; expected only "
						+ new TreeSet<>(allowed));
			}
		}
	}

	private static JsonNode requiredObject(JsonNode json, String name, String path) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException(path + " is missing; expected an object");
		}
		if (!value.isObject()) {
			throw new IllegalArgumentException(path + " is " + value + "; expected an object");
		}
		return value;
	}

	private static String requiredText(JsonNode json, String name, String path, String expected) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException(path + " is missing; expected " + expected);
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(path + " is " + value + "; expected " + expected);
		}
		return value.stringValue();
	}

	private static @Nullable String optionalText(JsonNode json, String name, String path) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(path + " is " + value + "; expected a non-blank string");
		}
		return value.stringValue();
	}

	/**
	 * A checked configuration: what to send.
	 */
	public sealed interface Plan {

		/**
		 * The seed form: register datasets and model, then start.
		 *
		 * @param runName the run name
		 * @param labelCol the label column, or {@code null}
		 * @param refPath the reference dataset path, or {@code null}
		 * @param evalPath the evaluation dataset path
		 * @param modelPath the model path
		 * @param customImage the image, or {@code null}
		 */
		record Seed(String runName, @Nullable String labelCol, @Nullable String refPath, String evalPath,
				String modelPath, @Nullable CustomImage customImage) implements Plan {
		}

		/**
		 * The v1 form, with the custom image merged in.
		 *
		 * @param testRunConfig the configuration to send
		 */
		record V1(ObjectNode testRunConfig) implements Plan {
		}

	}

}
