package io.rime.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts projects, registrations and jobs in place directly, as tests need them: registrations are
 * validated at once and jobs can start in any state, on the emulator's clock.
 */
public final class SeedingApi {

	/** Where a seeded dataset is, when the test gives no local file. */
	public static final String REMOTE_DATA = "s3://rime-emulator/seeded/data.csv";

	/** Where a seeded model is. */
	public static final String REMOTE_MODEL = "s3://rime-emulator/seeded/model.py";

	/** The test types a seeded result's batch can have: those of generated results. */
	public static final List<String> TEST_TYPES = ResultsGenerator.BATCHES.stream()
		.map(ResultsGenerator.Batch::type)
		.toList();

	private final EmulatorSettings settings;

	private final Projects projects;

	private final Registry registry;

	private final Jobs jobs;

	private final Results results;

	SeedingApi(EmulatorSettings settings, Projects projects, Registry registry, Jobs jobs, Results results) {
		this.settings = settings;
		this.projects = projects;
		this.registry = registry;
		this.jobs = jobs;
		this.results = results;
	}

	/**
	 * Returns the settings of the emulator, for its clock and durations.
	 * @return the settings
	 */
	public EmulatorSettings settings() {
		return this.settings;
	}

	/**
	 * Creates a project.
	 * @param name a name no other project has
	 * @param description the description
	 * @return the project id
	 */
	public String project(String name, String description) {
		return call(() -> this.projects.add(Json.object().put("name", name).put("description", description), null)
			.id());
	}

	/**
	 * Registers a dataset whose validation has succeeded.
	 * @param projectId an existing project
	 * @param path where the data is; a local CSV file is read for its features
	 * @param labelCol the label column, if any
	 * @return the dataset id
	 */
	public String dataset(String projectId, String path, @Nullable String labelCol) {
		return call(() -> {
			this.projects.require(projectId);
			ObjectNode dataInfo = Json.object();
			dataInfo.putObject("connectionInfo").putObject("dataFile").put("path", path);
			if (labelCol != null) {
				dataInfo.putObject("dataParams").put("labelCol", labelCol);
			}
			Registry.Dataset dataset = this.registry.addDataset(projectId, "seeded-data-" + UUID.randomUUID(), path,
					labelCol, dataInfo, true);
			if (dataset.validation().failure() != null) {
				throw new IllegalArgumentException("Cannot seed a dataset: " + dataset.validation().failure());
			}
			return dataset.id();
		});
	}

	/**
	 * Registers a model whose validation has succeeded.
	 * @param projectId an existing project
	 * @param path where the model is; a local path must exist
	 * @return the model id
	 */
	public String model(String projectId, String path) {
		return call(() -> {
			this.projects.require(projectId);
			String problem = DataFile.missingLocalFile(path, "model file");
			if (problem != null) {
				throw new IllegalArgumentException("Cannot seed a model: " + problem);
			}
			ObjectNode modelInfo = Json.object();
			modelInfo.putObject("modelPath").put("path", path);
			return this.registry.addModel(projectId, "seeded-model-" + UUID.randomUUID(), null, modelInfo, true).id();
		});
	}

	/**
	 * Adds a stress test job and its test run.
	 * @param projectId an existing project
	 * @param created when the job was created
	 * @param pending how long it is pending
	 * @param running how long it runs
	 * @param failure why it fails, or {@code null} when it succeeds
	 * @param cancelAt when a cancellation takes effect, or {@code null}
	 * @return the job id
	 */
	public String stressTest(String projectId, Instant created, Duration pending, Duration running,
			@Nullable String failure, @Nullable Instant cancelAt) {
		return stressTest(projectId, created, pending, running, failure, cancelAt, null);
	}

	/**
	 * Adds a stress test job and its test run.
	 * @param projectId an existing project
	 * @param created when the job was created
	 * @param pending how long it is pending
	 * @param running how long it runs
	 * @param failure why it fails, or {@code null} when it succeeds
	 * @param cancelAt when a cancellation takes effect, or {@code null}
	 * @param batches the results it ends with, or {@code null} for generated results
	 * @return the job id
	 */
	public String stressTest(String projectId, Instant created, Duration pending, Duration running,
			@Nullable String failure, @Nullable Instant cancelAt, @Nullable List<SeededBatch> batches) {
		return call(() -> {
			Projects.Project project = this.projects.require(projectId);
			String datasetId = dataset(projectId, REMOTE_DATA, "Survived");
			String modelId = model(projectId, REMOTE_MODEL);
			String testRunId = UUID.randomUUID().toString();
			Job job = this.jobs.addStressTest(projectId, new Job.StressRun(testRunId, null), created, pending, running,
					failure);
			if (cancelAt != null) {
				job.requestCancel(cancelAt);
			}
			String runName = "seeded-" + job.id();
			RunResults results;
			if (batches != null) {
				results = new SeededRunResults(testRunId, job.id(), DataFile.REMOTE_FEATURES, batches);
				job.seededBatchTypes(results.batchTypes());
			}
			else {
				results = new RunResults.Generated(ResultsGenerator.TestRun.of(testRunId, job.id(), runName,
						DataFile.REMOTE_FEATURES, this.settings.testCasesPerRun()));
			}
			this.results.add(results,
					new TestRunDetails.RunInfo(runName, projectId, modelId, datasetId, datasetId,
							project.json().path("modelTask").asString("MODEL_TASK_UNSPECIFIED"), List.of(),
							job.created()));
			return job.id();
		});
	}

	private static <T> T call(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (ApiError error) {
			throw new IllegalArgumentException(error.getMessage(), error);
		}
	}

	/**
	 * A test batch of seeded results.
	 *
	 * @param testType one of {@link #TEST_TYPES}
	 * @param statuses the REST v1 statuses of its test cases, in order
	 */
	public record SeededBatch(String testType, List<String> statuses) {

		public SeededBatch {
			statuses = List.copyOf(statuses);
		}

	}

}
