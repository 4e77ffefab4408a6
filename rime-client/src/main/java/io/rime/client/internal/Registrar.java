package io.rime.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.JobStatus;
import io.rime.client.RimeException;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;

/**
 * Registers datasets and models (REST v1 section 3a) and waits, bounded, for RIME to validate them: the
 * public registry calls and the seed-form start both go through it.
 */
final class Registrar {

	private static final Duration FIRST_VALIDATION_POLL = Duration.ofMillis(100);

	private static final Duration MAX_VALIDATION_POLL = Duration.ofSeconds(5);

	private final RimeApi api;

	private final Observations observations;

	private final Poller poller;

	private final Duration validationTimeout;

	/**
	 * Create the registrar.
	 * @param api the API
	 * @param observations observes the registrations
	 * @param poller waits for validation jobs
	 * @param validationTimeout how long validation may take
	 */
	Registrar(RimeApi api, Observations observations, Poller poller, Duration validationTimeout) {
		this.api = api;
		this.observations = observations;
		this.poller = poller;
		this.validationTimeout = validationTimeout;
	}

	/**
	 * Register a dataset, without waiting for validation.
	 * @param projectId the project
	 * @param name the name
	 * @param dataInfo where the data is
	 * @return the dataset id and its validation
	 */
	public Registration registerDataset(String projectId, String name, DataInfo dataInfo) {
		ObjectNode request = this.api.jsonMapper().createObjectNode().put("name", name);
		ObjectNode info = request.putObject("dataInfo");
		ObjectNode file = info.putObject("connectionInfo").putObject("dataFile").put("path", dataInfo.path());
		if (dataInfo.deltaTable()) {
			file.put("dataType", "DATA_TYPE_DELTA_TABLE");
		}
		ObjectNode params = this.api.jsonMapper().createObjectNode();
		if (dataInfo.labelCol() != null) {
			params.put("labelCol", dataInfo.labelCol());
		}
		if (dataInfo.timestampCol() != null) {
			params.put("timestampCol", dataInfo.timestampCol());
		}
		if (dataInfo.nrows() != null) {
			params.put("nrows", Long.toString(dataInfo.nrows()));
		}
		dataInfo.categoricalFeatures().forEach(params.withArray("categoricalFeatures")::add);
		dataInfo.protectedFeatures().forEach(params.withArray("protectedFeatures")::add);
		dataInfo.featuresNotInModel().forEach(params.withArray("featuresNotInModel")::add);
		if (!params.isEmpty()) {
			info.set("dataParams", params);
		}
		Wire.RegisterDatasetResponse response = this.observations.observe("register_dataset", projectId, null,
				(context) -> this.api.registerDataset(projectId, request));
		if (response.datasetId() == null || response.datasetId().isEmpty()) {
			throw new RimeException("RIME answered register_dataset for '" + dataInfo.path() + "' without a dataset id");
		}
		return new Registration(response.datasetId(),
				validation("dataset '" + dataInfo.path() + "'", response.registryValidationJobId()));
	}

	/**
	 * Register a model, without waiting for validation.
	 * @param projectId the project
	 * @param name the name
	 * @param modelInfo where the model is
	 * @return the model id and its validation
	 */
	public Registration registerModel(String projectId, String name, ModelInfo modelInfo) {
		ObjectNode request = this.api.jsonMapper().createObjectNode().put("name", name);
		ObjectNode info = request.putObject("modelInfo");
		if (modelInfo.path() != null) {
			info.putObject("modelPath").put("path", modelInfo.path());
		}
		else {
			info.putObject("huggingFace").put("modelUri", modelInfo.huggingFaceUri());
		}
		String what = (modelInfo.path() != null) ? modelInfo.path() : modelInfo.huggingFaceUri();
		Wire.RegisterModelResponse response = this.observations.observe("register_model", projectId, null,
				(context) -> this.api.registerModel(projectId, request));
		if (response.modelId() == null || response.modelId().uuid() == null || response.modelId().uuid().isEmpty()) {
			throw new RimeException("RIME answered register_model for '" + what + "' without a model id");
		}
		return new Registration(response.modelId().uuid(), validation("model '" + what + "'",
				response.registryValidationJobId()));
	}

	private static @Nullable Validation validation(String what, Wire.@Nullable Id jobId) {
		if (jobId == null || jobId.uuid() == null || jobId.uuid().isEmpty()) {
			return null;
		}
		if (!HttpCall.isAddressable(jobId.uuid())) {
			throw new RimeException("RIME answered the registration of the " + what + " with validation job id '"
					+ jobId.uuid() + "', which cannot name a job");
		}
		return new Validation(what, jobId.uuid());
	}

	/**
	 * Wait until RIME validated registrations, at most for the validation timeout.
	 * @param operation the SDK operation, for the calls
	 * @param registrations the registrations
	 * @param consequence what a failure means, such as {@code no stress test was started}
	 * @throws RimeException with RIME's validation message if one failed, or on timeout
	 */
	public void awaitValidation(String operation, List<Registration> registrations, String consequence) {
		List<Validation> validations = registrations.stream().map(Registration::validation)
			.filter((validation) -> validation != null).toList();
		List<CompletableFuture<Wire.Job>> jobs = new ArrayList<>();
		for (Validation validation : validations) {
			jobs.add(this.poller.poll(() -> validationJob(operation, validation),
					(job) -> WireMapper.status(job.status()).isTerminal(), FIRST_VALIDATION_POLL, MAX_VALIDATION_POLL));
		}
		CompletableFuture<Void> all = CompletableFuture.allOf(jobs.toArray(CompletableFuture[]::new));
		try {
			all.get(Durations.nanos(this.validationTimeout), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			jobs.forEach((job) -> job.cancel(false));
			Thread.currentThread().interrupt();
			throw new RimeException("Interrupted while waiting for RIME to validate the registrations; " + consequence, ex);
		}
		catch (TimeoutException ex) {
			jobs.forEach((job) -> job.cancel(false));
			throw new RimeException("RIME did not validate the " + whats(validations) + " within "
					+ this.validationTimeout + "; " + consequence);
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
						+ "): " + ((job.errorMsg() != null) ? job.errorMsg() : "no error message") + "; " + consequence);
			}
		}
	}

	private static String whats(List<Validation> validations) {
		return String.join(", ", validations.stream().map(Validation::what).toList());
	}

	private Wire.Job validationJob(String operation, Validation validation) {
		Wire.Job job = this.api.getJob(operation, validation.jobId(), false);
		if (job == null) {
			throw new RimeException("RIME answered get_job for validation job '" + validation.jobId() + "' without a job");
		}
		return job;
	}

	/**
	 * A registered dataset or model.
	 *
	 * @param id the dataset or model id
	 * @param validation its validation job, or {@code null} if RIME named none
	 */
	public record Registration(String id, @Nullable Validation validation) {
	}

	/**
	 * A validation job.
	 *
	 * @param what what it validates, for messages
	 * @param jobId the job id
	 */
	public record Validation(String what, String jobId) {
	}

}
