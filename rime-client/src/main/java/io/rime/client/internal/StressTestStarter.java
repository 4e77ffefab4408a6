package io.rime.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.JobStatus;
import io.rime.client.RimeException;

/**
 * Starts a stress test. The seed form names files, but RIME v1 only tests registered datasets and
 * models, so those are registered first (§3a) and their validation awaited.
 */
final class StressTestStarter {

	private static final Duration FIRST_VALIDATION_POLL = Duration.ofMillis(100);

	private static final Duration MAX_VALIDATION_POLL = Duration.ofSeconds(5);

	private final RimeApi api;

	private final Observations observations;

	private final Poller poller;

	private final Duration validationTimeout;

	/**
	 * Create the starter.
	 * @param api the API
	 * @param observations observes the registrations
	 * @param poller waits for validation jobs
	 * @param validationTimeout how long registered datasets and models may take to validate
	 */
	public StressTestStarter(RimeApi api, Observations observations, Poller poller, Duration validationTimeout) {
		this.api = api;
		this.observations = observations;
		this.poller = poller;
		this.validationTimeout = validationTimeout;
	}

	/**
	 * Start a stress test from a checked configuration.
	 * @param projectId the project
	 * @param plan the configuration
	 * @return the new job
	 */
	public Wire.Job start(String projectId, TestRunConfigs.Plan plan) {
		ObjectNode testRunConfig = (plan instanceof TestRunConfigs.Plan.Seed seed) ? register(projectId, seed)
				: ((TestRunConfigs.Plan.V1) plan).testRunConfig();
		ObjectNode request = this.api.jsonMapper().createObjectNode();
		request.set("testRunConfig", testRunConfig);
		Wire.Job job = this.api.startStressTest(projectId, request);
		if (job == null || job.jobId() == null || job.jobId().isEmpty()) {
			throw new RimeException("RIME answered start_stress_test without a job id");
		}
		if (!HttpCall.isAddressable(job.jobId())) {
			throw new RimeException("RIME answered start_stress_test with job id '" + job.jobId()
					+ "', which cannot name a job; the stress test may have started: list the project's jobs");
		}
		return job;
	}

	private ObjectNode register(String projectId, TestRunConfigs.Plan.Seed seed) {
		// Registry names are unique per project; one suffix ties the three entries of a run together.
		String prefix = seed.runName() + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		List<Validation> validations = new ArrayList<>();
		ObjectNode testRunConfig = this.api.jsonMapper().createObjectNode().put("runName", seed.runName());
		ObjectNode dataInfo = this.api.jsonMapper().createObjectNode();
		if (seed.refPath() != null) {
			dataInfo.put("refDatasetId",
					registerDataset(projectId, prefix + "reference", seed.refPath(), seed.labelCol(), validations));
		}
		dataInfo.put("evalDatasetId",
				registerDataset(projectId, prefix + "evaluation", seed.evalPath(), seed.labelCol(), validations));
		testRunConfig.putObject("modelId").put("uuid", registerModel(projectId, prefix + "model", seed.modelPath(),
				validations));
		testRunConfig.set("dataInfo", dataInfo);
		if (seed.customImage() != null) {
			testRunConfig.putObject("runTimeInfo").set("customImage", TestRunConfigs.customImageJson(seed.customImage()));
		}
		awaitValidation(validations);
		return testRunConfig;
	}

	private String registerDataset(String projectId, String name, String path, @Nullable String labelCol,
			List<Validation> validations) {
		ObjectNode request = this.api.jsonMapper().createObjectNode().put("name", name);
		ObjectNode dataInfo = request.putObject("dataInfo");
		dataInfo.putObject("connectionInfo").putObject("dataFile").put("path", path);
		if (labelCol != null) {
			dataInfo.putObject("dataParams").put("labelCol", labelCol);
		}
		Wire.RegisterDatasetResponse response = this.observations.observe("register_dataset", projectId, null,
				(context) -> this.api.registerDataset(projectId, request));
		if (response.datasetId() == null || response.datasetId().isEmpty()) {
			throw new RimeException("RIME answered register_dataset for '" + path + "' without a dataset id");
		}
		addValidation(validations, "dataset '" + path + "'", response.registryValidationJobId());
		return response.datasetId();
	}

	private String registerModel(String projectId, String name, String path, List<Validation> validations) {
		ObjectNode request = this.api.jsonMapper().createObjectNode().put("name", name);
		request.putObject("modelInfo").putObject("modelPath").put("path", path);
		Wire.RegisterModelResponse response = this.observations.observe("register_model", projectId, null,
				(context) -> this.api.registerModel(projectId, request));
		if (response.modelId() == null || response.modelId().uuid() == null || response.modelId().uuid().isEmpty()) {
			throw new RimeException("RIME answered register_model for '" + path + "' without a model id");
		}
		addValidation(validations, "model '" + path + "'", response.registryValidationJobId());
		return response.modelId().uuid();
	}

	private static void addValidation(List<Validation> validations, String what, Wire.@Nullable Id jobId) {
		if (jobId == null || jobId.uuid() == null || jobId.uuid().isEmpty()) {
			return;
		}
		if (!HttpCall.isAddressable(jobId.uuid())) {
			throw new RimeException("RIME answered the registration of the " + what + " with validation job id '"
					+ jobId.uuid() + "', which cannot name a job; no stress test was started");
		}
		validations.add(new Validation(what, jobId.uuid()));
	}

	private void awaitValidation(List<Validation> validations) {
		List<CompletableFuture<Wire.Job>> jobs = new ArrayList<>();
		for (Validation validation : validations) {
			jobs.add(this.poller.poll(() -> validationJob(validation),
					(job) -> WireMapper.status(job.status()).isTerminal(), FIRST_VALIDATION_POLL, MAX_VALIDATION_POLL));
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new));
		try {
			all.get(Durations.nanos(this.validationTimeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			jobs.forEach((job) -> job.cancel(false));
			Thread.currentThread().interrupt();
			throw new RimeException("Interrupted while waiting for the datasets and model to be validated", ex);
		}
		catch (TimeoutException ex) {
			jobs.forEach((job) -> job.cancel(false));
			throw new RimeException("The registered datasets and model were not validated within "
					+ this.validationTimeout + "; no stress test was started");
		}
		catch (CancellationException ex) {
			throw new RimeException("Stopped waiting for validation: the RimeClient was closed", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new RimeException("Waiting for validation failed: " + ex.getCause(), ex.getCause());
		}
		for (int i = 0; i < validations.size(); i++) {
			Wire.Job job = jobs.get(i).join();
			JobStatus status = WireMapper.status(job.status());
			if (status != JobStatus.SUCCEEDED) {
				throw new RimeException("The " + validations.get(i).what() + " did not pass validation (" + status
						+ "): " + ((job.errorMsg() != null) ? job.errorMsg() : "no error message")
						+ "; no stress test was started");
			}
		}
	}

	private Wire.Job validationJob(Validation validation) {
		Wire.Job job = this.api.getJob("start_stress_test", validation.jobId(), false);
		if (job == null) {
			throw new RimeException("RIME answered get_job for validation job '" + validation.jobId()
					+ "' without a job");
		}
		return job;
	}

	private record Validation(String what, String jobId) {
	}

}
