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

/**
 * Reads a stress test configuration in either accepted form and checks it before anything is
 * sent: the seed SDK's ({@code run_name}, {@code data_info}, {@code model_info}), which needs
 * registration first, or RIME v1's own {@code testRunConfig}, passed through.
 */
final class TestRunConfigs {

	private static final Set<String> SEED_KEYS = Set.of("run_name", "data_info", "model_info");

	private static final Set<String> SEED_DATA_KEYS = Set.of("label_col", "ref_path", "eval_path");

	private static final Set<String> V1_KEYS = Set.of("runName", "modelId", "dataInfo", "runTimeInfo",
			"profilingConfig", "testSuiteConfig", "categories");

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
					+ "; expected the seed form (run_name, data_info, model_info) or the RIME v1 form"
					+ " (runName, modelId, dataInfo)");
		}
		ObjectNode json = JsonValues.object(config, "testRunConfig");
		Set<String> seedKeys = present(json, SEED_KEYS);
		Set<String> v1Keys = present(json, V1_KEYS);
		if (!seedKeys.isEmpty() && !v1Keys.isEmpty()) {
			throw new IllegalArgumentException("testRunConfig mixes the seed form " + seedKeys + " with the RIME v1 form "
					+ v1Keys + "; expected one form only");
		}
		return seedKeys.isEmpty() ? readV1(json, customImage) : readSeed(json, customImage);
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
