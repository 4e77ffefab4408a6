package io.rime.client.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.rime.client.CustomImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestRunConfigsTests {

	private static final Map<String, Object> SEED = Map.of("run_name", "Titanic", "data_info",
			Map.of("label_col", "Survived", "ref_path", "s3://d/ref.csv", "eval_path", "s3://d/eval.csv"), "model_info",
			Map.of("path", "s3://m/model.py"));

	@Test
	void theSeedFormIsReadIntoWhatRegistrationNeeds() {
		CustomImage image = new CustomImage("a/b:1", new CustomImage.PullSecret("regcred"));
		TestRunConfigs.Plan plan = TestRunConfigs.read(SEED, image);
		assertThat(plan).isEqualTo(new TestRunConfigs.Plan.Seed("Titanic", "Survived", "s3://d/ref.csv",
				"s3://d/eval.csv", "s3://m/model.py", image));
	}

	@Test
	void theSeedFormNeedsNeitherALabelColumnNorAReferenceDataset() {
		TestRunConfigs.Plan plan = TestRunConfigs.read(Map.of("run_name", "r", "data_info",
				Map.of("eval_path", "e.csv"), "model_info", Map.of("path", "m.py")), null);
		assertThat(plan).isEqualTo(new TestRunConfigs.Plan.Seed("r", null, null, "e.csv", "m.py", null));
	}

	@Test
	void theV1FormIsPassedThroughUnchangedIncludingFieldsTheSdkDoesNotCheck() {
		Map<String, Object> config = Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e"), "categories", List.of("TEST_CATEGORY_TYPE_DRIFT"), "runTimeInfo",
				Map.of("randomSeed", "42", "explicitErrors", true));
		TestRunConfigs.Plan.V1 plan = (TestRunConfigs.Plan.V1) TestRunConfigs.read(config, null);
		assertThat(plan.testRunConfig().toString()).contains("\"categories\":[\"TEST_CATEGORY_TYPE_DRIFT\"]")
			.contains("\"randomSeed\":\"42\"")
			.contains("\"explicitErrors\":true");
		assertThat(plan.testRunConfig().size()).isEqualTo(5);
	}

	@Test
	void aCustomImageIsMergedIntoTheV1RunTimeInfo() {
		Map<String, Object> config = Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e"), "runTimeInfo", Map.of("randomSeed", "7"));
		TestRunConfigs.Plan.V1 plan = (TestRunConfigs.Plan.V1) TestRunConfigs.read(config,
				new CustomImage("a/b:1", new CustomImage.PullSecret("regcred")));
		assertThat(plan.testRunConfig().path("runTimeInfo").toString()).isEqualTo(
				"{\"randomSeed\":\"7\",\"customImage\":{\"customImage\":{\"name\":\"a/b:1\",\"pullSecret\":{\"name\":\"regcred\"}}}}");
	}

	@Test
	void aMapWithNonStringKeysIsRejected() {
		Map<Object, Object> config = Map.of(1, "x");
		@SuppressWarnings("unchecked")
		Map<String, ?> unchecked = (Map<String, ?>) (Map<?, ?>) config;
		assertThatIllegalArgumentException().isThrownBy(() -> TestRunConfigs.read(unchecked, null))
			.withMessage("testRunConfig has the key a java.lang.Integer (1); expected String keys");
	}

	@Test
	void nestedListsAndNumbersAreConverted() {
		Map<String, Object> config = Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e"), "testSuiteConfig", Map.of("customTests", List.of(List.of(1, 2.5, 3L))));
		TestRunConfigs.Plan.V1 plan = (TestRunConfigs.Plan.V1) TestRunConfigs.read(config, null);
		assertThat(plan.testRunConfig().path("testSuiteConfig").toString())
			.isEqualTo("{\"customTests\":[[1,2.5,3]]}");
	}

}
