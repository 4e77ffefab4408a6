package io.rime.client;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;
import io.rime.client.registry.ValidityStatus;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The registry (register once, reuse the ids), projects with a model task, and deletes.
 */
class RegistryAndProjectTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	private final String data = TestRime.resource("titanic_example.csv").toString();

	private final String modelFile = TestRime.resource("titanic_example_model.py").toString();

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aRegisteredDatasetIsValidatedAndCanBeReadByIdOrNameAndListed() {
		String projectId = this.client.createProject("registry", "d").projectId();

		RimeDataset registered = this.client.registerDataset(projectId, "titanic-ref",
				DataInfo.file(this.data).withLabelCol("Survived"));

		assertThat(registered.validityStatus()).isEqualTo(ValidityStatus.VALID);
		assertThat(registered.name()).isEqualTo("titanic-ref");
		assertThat(registered.path()).isEqualTo(this.data);
		assertThat(registered.labelCol()).isEqualTo("Survived");
		assertThat(registered.projectIds()).containsExactly(projectId);
		assertThat(registered.creationTime()).isNotNull();
		assertThat(this.client.getDataset(registered.datasetId())).isEqualTo(registered);
		assertThat(this.client.getDatasetByName("titanic-ref")).isEqualTo(registered);
		assertThat(this.client.listDatasets(projectId)).containsExactly(registered);
	}

	@Test
	void aRegisteredModelIsValidatedAndCanBeReadByIdOrNameAndListed() {
		String projectId = this.client.createProject("models", "d").projectId();

		RimeModel model = this.client.registerModel(projectId, "titanic-model", ModelInfo.path(this.modelFile));

		assertThat(model.validityStatus()).isEqualTo(ValidityStatus.VALID);
		assertThat(model.path()).isEqualTo(this.modelFile);
		assertThat(this.client.getModel(model.modelId())).isEqualTo(model);
		assertThat(this.client.getModelByName("titanic-model")).isEqualTo(model);
		assertThat(this.client.listModels(projectId)).containsExactly(model);
	}

	@Test
	void aRegistrationThatFailsValidationFailsWithRimesMessage() {
		String projectId = this.client.createProject("bad-data", "d").projectId();

		assertThatExceptionOfType(RimeException.class)
			.isThrownBy(() -> this.client.registerDataset(projectId, "bad",
					DataInfo.file(this.data).withLabelCol("NoSuchColumn")))
			.withMessageContaining("did not pass validation")
			.withMessageContaining("NoSuchColumn");
		assertThat(this.client.getDatasetByName("bad").validityStatus()).isEqualTo(ValidityStatus.INVALID);
		assertThat(this.client.getDatasetByName("bad").validityMessage()).contains("NoSuchColumn");
	}

	@Test
	void aStartOnRegisteredIdsIsOnePostAndTheIdsCanBeReusedForManyRuns() {
		String projectId = this.client.createProject("reuse", "d").projectId();
		RimeDataset dataset = this.client.registerDataset(projectId, "data", DataInfo.file(this.data).withLabelCol("Survived"));
		RimeModel model = this.client.registerModel(projectId, "model", ModelInfo.path(this.modelFile));
		int before = this.emulator.requests().size();

		TestRunConfig config = TestRunConfig.builder()
			.runName("nightly")
			.modelId(model.modelId())
			.referenceDatasetId(dataset.datasetId())
			.evaluationDatasetId(dataset.datasetId())
			.build();
		RimeStressTestJob first = this.client.startStressTest(config, projectId);
		RimeStressTestJob second = this.client.startStressTest(config.toBuilder().runName("nightly-2").build(), projectId);

		assertThat(this.emulator.requests().subList(before, this.emulator.requests().size()))
			.extracting((request) -> request.method() + " " + request.path())
			.containsExactly("POST /v1/stress-tests/" + projectId, "POST /v1/stress-tests/" + projectId);
		assertThat(first.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10)).status())
			.isEqualTo(JobStatus.SUCCEEDED);
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void aDeletedDatasetOrModelIsGoneAndASecondDeleteAnswersFalse() {
		String projectId = this.client.createProject("deletes", "d").projectId();
		RimeDataset dataset = this.client.registerDataset(projectId, "data", DataInfo.file(this.data));
		RimeModel model = this.client.registerModel(projectId, "model", ModelInfo.path(this.modelFile));

		assertThat(this.client.deleteDataset(dataset.datasetId())).isTrue();
		assertThat(this.client.deleteModel(model.modelId())).isTrue();

		assertThat(this.client.deleteDataset(dataset.datasetId())).isFalse();
		assertThat(this.client.deleteModel(model.modelId())).isFalse();
		assertThat(this.client.listDatasets(projectId)).isEmpty();
		assertThat(this.client.listModels(projectId)).isEmpty();
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getDataset(dataset.datasetId()))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404));
	}

	@Test
	void aProjectIsCreatedWithAModelTaskAndTheSeedsFormHasADocumentedDefault() {
		RimeProject ranking = this.client.createProject("ranker", "Ranks results", ModelTask.RANKING);
		RimeProject seed = this.client.createProject("seed", "Seed form");

		assertThat(ranking.modelTask()).isEqualTo(ModelTask.RANKING);
		assertThat(this.client.getProject(ranking.projectId()).modelTask()).isEqualTo(ModelTask.RANKING);
		assertThat(seed.modelTask()).isEqualTo(RimeClient.DEFAULT_MODEL_TASK).isEqualTo(ModelTask.BINARY_CLASSIFICATION);
	}

	@Test
	void aDeletedProjectLeavesTheListAndASecondDeleteAnswersFalse() {
		RimeProject project = this.client.createProject("short-lived", "d", ModelTask.REGRESSION);

		assertThat(this.client.deleteProject(project.projectId())).isTrue();

		assertThat(this.client.listProjects()).extracting(RimeProject::projectId).doesNotContain(project.projectId());
		assertThat(this.client.deleteProject(project.projectId())).isFalse();
	}

	@Test
	void badRegistryArgumentsAreRefusedBeforeAnyCall() {
		int before = this.emulator.requests().size();
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.registerDataset("p", "n", null))
			.withMessageStartingWith("dataInfo is null; expected a DataInfo");
		assertThatIllegalArgumentException().isThrownBy(() -> DataInfo.file(" "))
			.withMessage("path is ' '; expected a non-blank text");
		assertThatIllegalArgumentException().isThrownBy(() -> DataInfo.file("s3://b/d.csv").withNrows(0))
			.withMessageStartingWith("nrows is 0; expected more than zero");
		assertThatIllegalArgumentException().isThrownBy(() -> new ModelInfo(null, null))
			.withMessageStartingWith("ModelInfo has neither a path nor a Hugging Face URI");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.createProject("p", "d", ModelTask.UNSPECIFIED))
			.withMessageStartingWith("modelTask is UNSPECIFIED; expected the model's task");
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.deleteDataset(".."))
			.withMessageStartingWith("datasetId is '..'");
		assertThat(this.emulator.requests()).hasSize(before);
		assertThat(List.of(DataInfo.file("s3://b/d.csv").withLabelCol("y").labelCol())).containsExactly("y");
	}

}
