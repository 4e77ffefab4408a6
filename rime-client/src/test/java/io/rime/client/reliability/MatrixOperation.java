package io.rime.client.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rime.client.JobStatus;
import io.rime.client.ModelTask;
import io.rime.client.RimeClient;
import io.rime.client.TestRunConfig;
import io.rime.client.results.TestCase;

/**
 * Every public {@code RimeClient} and {@code RimeStressTestJob} method that talks to RIME, as a
 * row of the fault matrix. Preparing a row (before any fault is armed) fixes its inputs, such as
 * a fresh project name or a job that is still active for {@code cancel()}.
 */
enum MatrixOperation {

	CREATE_PROJECT("createProject", Creates.PROJECT, Deadline.CALL, (fixture, file) -> {
		String name = fixture.uniqueName("matrix-project");
		return (client) -> client.createProject(name, "fault matrix");
	}),

	GET_PROJECT("getProject", Creates.NOTHING, Deadline.CALL, (fixture, file) -> (client) -> client.getProject(fixture.projectId())),

	LIST_PROJECTS("listProjects", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> RimeClient::listProjects),

	START_SEED_CONFIG("startStressTest(seed config)", Creates.JOB, Deadline.SEED_START, (fixture, file) -> {
		Map<String, Object> config = fixture.seedConfig();
		return (client) -> client.startStressTest(config);
	}),

	START_V1_CONFIG("startStressTest(v1 config, project, image)", Creates.JOB, Deadline.CALL,
			(fixture, file) -> (client) -> client.startStressTest(fixture.v1Config(), fixture.projectId(), null)),

	LIST_JOBS("listStressTestJobs()", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> RimeClient::listStressTestJobs),

	LIST_JOBS_OF_PROJECT("listStressTestJobs(statuses, project)", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> (client) -> client
		.listStressTestJobs(List.of(JobStatus.SUCCEEDED), fixture.projectId())),

	LIST_JOB_STATUSES("listStressTestJobStatuses", Creates.NOTHING, Deadline.LISTING,
			(fixture, file) -> (client) -> client.listStressTestJobStatuses(null, fixture.projectId())),

	GET_JOB("getStressTestJob", Creates.NOTHING, Deadline.CALL,
			(fixture, file) -> (client) -> client.getStressTestJob(fixture.finishedJobId())),

	GET_RIME_INFO("getRimeInfo", Creates.NOTHING, Deadline.CALL, (fixture, file) -> RimeClient::getRimeInfo),

	GET_STATUS("job.getStatus()", Creates.NOTHING, Deadline.CALL,
			(fixture, file) -> (client) -> client.job(fixture.finishedJobId()).getStatus()),

	GET_STATUS_WAITING("job.getStatus(verbose, wait, rate)", Creates.NOTHING, Deadline.CALL, (fixture, file) -> (client) -> client
		.job(fixture.finishedJobId()).getStatus(true, true, Timing.POLL_RATE)),

	WAIT_UNTIL_FINISH("job.waitUntilFinish", Creates.NOTHING, Deadline.WAIT, (fixture, file) -> (client) -> client
		.job(fixture.finishedJobId()).waitUntilFinish(Timing.POLL_RATE, Timing.WAIT_TIMEOUT)),

	WHEN_FINISHED("job.whenFinished", Creates.NOTHING, Deadline.CALL, (fixture, file) -> (client) -> client
		.job(fixture.finishedJobId()).whenFinished(Timing.POLL_RATE).join()),

	GET_RESULT_CSV("job.getResultCsv(file)", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> (client) -> {
		client.job(fixture.finishedJobId()).getResultCsv(file);
		return file;
	}),

	GET_RESULT_CSV_PINNED("job.getResultCsv(file, 0.12.0)", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> (client) -> {
		client.job(fixture.finishedJobId()).getResultCsv(file, "0.12.0");
		return file;
	}),

	CANCEL("job.cancel()", Creates.NOTHING, Deadline.CALL, (fixture, file) -> {
		String jobId = fixture.activeJobId();
		return (client) -> {
			client.job(jobId).cancel();
			return jobId;
		};
	}),

	CREATE_PROJECT_WITH_TASK("createProject(name, description, task)", Creates.PROJECT, Deadline.CALL, (fixture, file) -> {
		String name = fixture.uniqueName("matrix-task-project");
		return (client) -> client.createProject(name, "fault matrix", ModelTask.REGRESSION);
	}),

	DELETE_PROJECT("deleteProject", Creates.NOTHING, Deadline.CALL, (fixture, file) -> {
		String projectId = fixture.freshProjectId();
		return (client) -> client.deleteProject(projectId);
	}),

	START_TWO_X_CONFIG("startStressTest(2.x config, project)", Creates.JOB, Deadline.CALL, (fixture, file) -> {
		Map<String, Object> config = Map.of("run_name", fixture.uniqueName("matrix-2x"), "model_id",
				fixture.model().modelId(), "data_info", Map.of("eval_dataset_id", fixture.dataset().datasetId()));
		return (client) -> client.startStressTest(config, fixture.projectId());
	}),

	START_TYPED_CONFIG("startStressTest(TestRunConfig, project)", Creates.JOB, Deadline.CALL, (fixture, file) -> {
		TestRunConfig config = TestRunConfig.builder()
			.runName(fixture.uniqueName("matrix-typed"))
			.modelId(fixture.model().modelId())
			.evaluationDatasetId(fixture.dataset().datasetId())
			.build();
		return (client) -> client.startStressTest(config, fixture.projectId());
	}),

	REGISTER_DATASET("registerDataset", Creates.DATASET, Deadline.REGISTRATION, (fixture, file) -> {
		String name = fixture.uniqueName("matrix-registered-data");
		return (client) -> client.registerDataset(fixture.projectId(), name, fixture.dataInfo());
	}),

	REGISTER_MODEL("registerModel", Creates.MODEL, Deadline.REGISTRATION, (fixture, file) -> {
		String name = fixture.uniqueName("matrix-registered-model");
		return (client) -> client.registerModel(fixture.projectId(), name, fixture.modelInfo());
	}),

	GET_DATASET("getDataset", Creates.NOTHING, Deadline.CALL,
			(fixture, file) -> (client) -> client.getDataset(fixture.dataset().datasetId())),

	GET_DATASET_BY_NAME("getDatasetByName", Creates.NOTHING, Deadline.CALL,
			(fixture, file) -> (client) -> client.getDatasetByName(fixture.dataset().name())),

	LIST_DATASETS("listDatasets", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> (client) -> client.listDatasets(fixture.projectId())),

	DELETE_DATASET("deleteDataset", Creates.NOTHING, Deadline.CALL, (fixture, file) -> {
		String datasetId = fixture.freshDatasetId();
		return (client) -> client.deleteDataset(datasetId);
	}),

	GET_MODEL("getModel", Creates.NOTHING, Deadline.CALL, (fixture, file) -> (client) -> client.getModel(fixture.model().modelId())),

	GET_MODEL_BY_NAME("getModelByName", Creates.NOTHING, Deadline.CALL,
			(fixture, file) -> (client) -> client.getModelByName(fixture.model().name())),

	LIST_MODELS("listModels", Creates.NOTHING, Deadline.LISTING, (fixture, file) -> (client) -> client.listModels(fixture.projectId())),

	DELETE_MODEL("deleteModel", Creates.NOTHING, Deadline.CALL, (fixture, file) -> {
		String modelId = fixture.freshModelId();
		return (client) -> client.deleteModel(modelId);
	}),

	GET_TEST_RUN("job.getTestRun()", Creates.NOTHING, Deadline.LISTING,
			(fixture, file) -> (client) -> client.job(fixture.finishedJobId()).getTestRun()),

	STREAM_TEST_CASES("testRun.testCases(), read to the end", Creates.NOTHING, Deadline.TYPED_RESULTS, (fixture, file) -> (client) -> {
		try (Stream<TestCase> cases = client.job(fixture.finishedJobId()).getTestRun().testCases()) {
			return cases.count();
		}
	}),

	STREAM_FAILURES("testRun.failures(), read to the end", Creates.NOTHING, Deadline.TYPED_RESULTS, (fixture, file) -> (client) -> {
		try (Stream<TestCase> failures = client.job(fixture.finishedJobId()).getTestRun().failures()) {
			return failures.count();
		}
	});

	private final String label;

	private final Creates creates;

	private final Deadline deadline;

	private final Preparation preparation;

	MatrixOperation(String label, Creates creates, Deadline deadline, Preparation preparation) {
		this.label = label;
		this.creates = creates;
		this.deadline = deadline;
		this.preparation = preparation;
	}

	/** The documented bound of the operation under any fault, before the matrix's margin. */
	Duration deadline() {
		return this.deadline.duration;
	}

	String label() {
		return this.label;
	}

	Creates creates() {
		return this.creates;
	}

	boolean writesResults() {
		return this == GET_RESULT_CSV || this == GET_RESULT_CSV_PINNED;
	}

	Call prepare(MatrixFixture fixture, Path resultFile) {
		return this.preparation.prepare(fixture, resultFile);
	}

	/** The documented bound of an operation, from the client's timeouts. */
	enum Deadline {

		/** One call and its retries: {@code rime.retry.timeout}. */
		CALL(MatrixFixture.RETRY_TIMEOUT),

		/** A call that reads pages: the listing timeout, and a page in flight then may take one call. */
		LISTING(MatrixFixture.LISTING_TIMEOUT.plus(MatrixFixture.RETRY_TIMEOUT)),

		/** A bounded wait: its own timeout. */
		WAIT(Timing.WAIT_TIMEOUT),

		/** Two dataset and one model registrations, their validation, and the start itself. */
		SEED_START(MatrixFixture.RETRY_TIMEOUT.multipliedBy(4).plus(MatrixFixture.VALIDATION_TIMEOUT)),

		/** A registration, its validation, and the read of what was registered. */
		REGISTRATION(MatrixFixture.RETRY_TIMEOUT.multipliedBy(2).plus(MatrixFixture.VALIDATION_TIMEOUT)),

		/** The test run read (a job, a test run, the batches listing), then the test cases listing. */
		TYPED_RESULTS(MatrixFixture.LISTING_TIMEOUT.multipliedBy(2).plus(MatrixFixture.RETRY_TIMEOUT.multipliedBy(3)));

		private final Duration duration;

		Deadline(Duration duration) {
			this.duration = duration;
		}

	}

	/** What one run of the operation may create on the server, at most once. */
	enum Creates {

		NOTHING, PROJECT, JOB, DATASET, MODEL

	}

	/** The operation with its inputs fixed. */
	@FunctionalInterface
	interface Call {

		Object run(RimeClient client) throws Exception;

	}

	@FunctionalInterface
	private interface Preparation {

		Call prepare(MatrixFixture fixture, Path resultFile);

	}

	private static final class Timing {

		static final Duration POLL_RATE = Duration.ofMillis(50);

		static final Duration WAIT_TIMEOUT = Duration.ofSeconds(3);

	}

}
