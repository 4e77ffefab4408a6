package io.rime.client;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Checks;
import io.rime.client.internal.Sdk;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;


/**
 * The entry point of the SDK: creates projects, starts and finds stress test jobs. Thread-safe
 * and immutable; build one per RIME server with {@link #builder()} and share it. Close it to stop
 * the polling of pending {@link RimeStressTestJob#whenFinished} futures.
 */
public final class RimeClient implements AutoCloseable {

	/** The model task of projects created without one, as by the seed's {@code create_project}. */
	public static final ModelTask DEFAULT_MODEL_TASK = ModelTask.BINARY_CLASSIFICATION;

	private static final Log logger = LogFactory.getLog(RimeClient.class);

	private final URI address;

	private final @Nullable String defaultProjectId;

	private final Sdk sdk;

	private final List<JobStartListener> jobStartListeners;

	RimeClient(URI address, @Nullable String defaultProjectId, Sdk sdk, List<JobStartListener> jobStartListeners) {
		this.address = address;
		this.defaultProjectId = defaultProjectId;
		this.sdk = sdk;
		this.jobStartListeners = jobStartListeners;
	}

	/**
	 * Start building a client.
	 * @return a new builder
	 */
	public static RimeClientBuilder builder() {
		return new RimeClientBuilder();
	}

	/**
	 * Create a project to file stress test runs under, as the seed SDK's {@code create_project} did; its
	 * model task is {@link #DEFAULT_MODEL_TASK}, since RIME 2.x needs one.
	 * @param name the project name, unique in the workspace
	 * @param description a short description; RIME requires one
	 * @return the created project
	 */
	public RimeProject createProject(String name, String description) {
		return createProject(name, description, DEFAULT_MODEL_TASK);
	}

	/**
	 * Create a project to file stress test runs under.
	 * @param name the project name, unique in the workspace
	 * @param description a short description; RIME requires one
	 * @param modelTask what the project's model does
	 * @return the created project
	 */
	public RimeProject createProject(String name, String description, ModelTask modelTask) {
		Checks.text(name, "name");
		Checks.text(description, "description");
		if (modelTask == null || modelTask == ModelTask.UNSPECIFIED) {
			throw new IllegalArgumentException("modelTask is " + modelTask + "; expected the model's task, such as"
					+ " BINARY_CLASSIFICATION (RIME 2.x refuses a project without one)");
		}
		return this.sdk.createProject(name, description, modelTask);
	}

	/**
	 * Delete a project with its registered datasets and models. Deleting is idempotent: a project that is
	 * already gone (perhaps deleted by an earlier attempt whose answer was lost) answers {@code false}.
	 * @param projectId the project id
	 * @return {@code true} if this call deleted it, {@code false} if RIME did not know it
	 */
	public boolean deleteProject(String projectId) {
		return this.sdk.deleteProject(Checks.id(projectId, "projectId"));
	}

	/**
	 * Register a dataset in a project and wait, at most the builder's {@code validationTimeout}, until RIME
	 * validated it; stress tests then use its id ({@link TestRunConfig.Builder#evaluationDatasetId}).
	 * @param projectId the project
	 * @param name the name, unique in the project
	 * @param dataInfo where the data is, such as {@code DataInfo.file("s3://bucket/ref.csv").withLabelCol("y")}
	 * @return the validated dataset
	 * @throws RimeException with RIME's validation message if validation failed or took too long
	 */
	public RimeDataset registerDataset(String projectId, String name, DataInfo dataInfo) {
		Checks.id(projectId, "projectId");
		Checks.text(name, "name");
		Checks.notNull(dataInfo, "dataInfo", "a DataInfo such as DataInfo.file(\"s3://bucket/ref.csv\")");
		return this.sdk.registerDataset(projectId, name, dataInfo);
	}

	/**
	 * Register a model in a project and wait, at most the builder's {@code validationTimeout}, until RIME
	 * validated it; stress tests then use its id ({@link TestRunConfig.Builder#modelId}).
	 * @param projectId the project
	 * @param name the name, unique in the project
	 * @param modelInfo where the model is, such as {@code ModelInfo.path("s3://bucket/model.py")}
	 * @return the validated model
	 * @throws RimeException with RIME's validation message if validation failed or took too long
	 */
	public RimeModel registerModel(String projectId, String name, ModelInfo modelInfo) {
		Checks.id(projectId, "projectId");
		Checks.text(name, "name");
		Checks.notNull(modelInfo, "modelInfo", "a ModelInfo such as ModelInfo.path(\"s3://bucket/model.py\")");
		return this.sdk.registerModel(projectId, name, modelInfo);
	}

	/**
	 * Read a registered dataset by id.
	 * @param datasetId the dataset id
	 * @return the dataset
	 * @throws RimeApiException with status 404 if RIME does not know it
	 */
	public RimeDataset getDataset(String datasetId) {
		return this.sdk.getDataset(Checks.id(datasetId, "datasetId"), null);
	}

	/**
	 * Read a registered dataset by name.
	 * @param name the dataset name
	 * @return the dataset
	 * @throws RimeApiException with status 404 if RIME does not know it
	 */
	public RimeDataset getDatasetByName(String name) {
		return this.sdk.getDataset(null, Checks.text(name, "name"));
	}

	/**
	 * List the datasets registered in a project, across all pages.
	 * @param projectId the project
	 * @return the datasets, in RIME's order
	 */
	public List<RimeDataset> listDatasets(String projectId) {
		return this.sdk.listDatasets(Checks.id(projectId, "projectId"));
	}

	/**
	 * Delete a registered dataset; a stress test using it keeps running. Idempotent, as
	 * {@link #deleteProject(String)} is.
	 * @param datasetId the dataset id
	 * @return {@code true} if this call deleted it, {@code false} if RIME did not know it
	 */
	public boolean deleteDataset(String datasetId) {
		return this.sdk.deleteDataset(Checks.id(datasetId, "datasetId"));
	}

	/**
	 * Read a registered model by id.
	 * @param modelId the model id
	 * @return the model
	 * @throws RimeApiException with status 404 if RIME does not know it
	 */
	public RimeModel getModel(String modelId) {
		return this.sdk.getModel(Checks.id(modelId, "modelId"), null);
	}

	/**
	 * Read a registered model by name.
	 * @param name the model name
	 * @return the model
	 * @throws RimeApiException with status 404 if RIME does not know it
	 */
	public RimeModel getModelByName(String name) {
		return this.sdk.getModel(null, Checks.text(name, "name"));
	}

	/**
	 * List the models registered in a project, across all pages.
	 * @param projectId the project
	 * @return the models, in RIME's order
	 */
	public List<RimeModel> listModels(String projectId) {
		return this.sdk.listModels(Checks.id(projectId, "projectId"));
	}

	/**
	 * Delete a registered model. Idempotent, as {@link #deleteProject(String)} is.
	 * @param modelId the model id
	 * @return {@code true} if this call deleted it, {@code false} if RIME did not know it
	 */
	public boolean deleteModel(String modelId) {
		return this.sdk.deleteModel(Checks.id(modelId, "modelId"));
	}

	/**
	 * Read a project.
	 * @param projectId the project id
	 * @return the project
	 */
	public RimeProject getProject(String projectId) {
		return this.sdk.getProject(Checks.id(projectId, "projectId"));
	}

	/**
	 * Start a stress test from a typed configuration on registered datasets and a registered model: one
	 * request to RIME.
	 * @param config the configuration
	 * @param projectId the project, or {@code null} for the default project
	 * @return the new job
	 */
	public RimeStressTestJob startStressTest(TestRunConfig config, @Nullable String projectId) {
		Checks.notNull(config, "config", "a TestRunConfig built with TestRunConfig.builder()");
		return started(this.sdk.startStressTest(config, () -> projectOrDefault(projectId)));
	}

	/**
	 * Start a stress test in the default project on the cluster's default image.
	 * @param testRunConfig the configuration, see {@link #startStressTest(Map, String, CustomImage)}
	 * @return the new job
	 */
	public RimeStressTestJob startStressTest(Map<String, ?> testRunConfig) {
		return startStressTest(testRunConfig, null, null);
	}

	/**
	 * Start a stress test on the cluster's default image.
	 * @param testRunConfig the configuration, see {@link #startStressTest(Map, String, CustomImage)}
	 * @param projectId the project, or {@code null} for the default project
	 * @return the new job
	 */
	public RimeStressTestJob startStressTest(Map<String, ?> testRunConfig, @Nullable String projectId) {
		return startStressTest(testRunConfig, projectId, null);
	}

	/**
	 * Start a stress test. The configuration takes one of three forms (or use {@link TestRunConfig}):
	 * <ul>
	 * <li>the seed SDK's: {@code run_name}, {@code data_info} ({@code label_col}, {@code ref_path},
	 * {@code eval_path}) and {@code model_info} ({@code path}); the datasets and the model are then
	 * registered in the project and validated before the test starts, so this call can take as long
	 * as validation does;</li>
	 * <li>{@code rime_sdk} 2.x's snake_case form on registered ids: {@code run_name}, {@code model_id},
	 * {@code data_info} ({@code ref_dataset_id}, {@code eval_dataset_id}), {@code run_time_info},
	 * {@code categories}, {@code profiling_config}, {@code test_suite_config}, mapped key by key to v1
	 * (an unknown key is an error naming it and the accepted ones);</li>
	 * <li>RIME v1's {@code testRunConfig} ({@code runName}, {@code modelId}, {@code dataInfo} and any
	 * other field), sent unchanged.</li>
	 * </ul>
	 * @param testRunConfig the configuration: Strings, Numbers, Booleans, Maps and Lists only
	 * @param projectId the project, or {@code null} for the default project
	 * @param customImage the image to run on, or {@code null} for the cluster's default
	 * @return the new job
	 * @throws IllegalArgumentException if the configuration is malformed or no project is known
	 */
	public RimeStressTestJob startStressTest(Map<String, ?> testRunConfig, @Nullable String projectId,
			@Nullable CustomImage customImage) {
		return started(this.sdk.startStressTest(testRunConfig, customImage, () -> projectOrDefault(projectId)));
	}

	private RimeStressTestJob started(Sdk.Started job) {
		RimeStressTestJob started = handle(job.jobId());
		for (JobStartListener listener : this.jobStartListeners) {
			try {
				listener.jobStarted(started, job.projectId());
			}
			catch (RuntimeException ex) {
				logger.warn("A job start listener failed for job '" + started.jobId() + "'; the job was started", ex);
			}
		}
		return started;
	}

	/**
	 * List the stress test jobs of all projects, in no particular order. RIME keeps jobs for a
	 * limited time (two days by default).
	 * @return the jobs
	 */
	public List<RimeStressTestJob> listStressTestJobs() {
		return listStressTestJobs(null, null);
	}

	/**
	 * List stress test jobs, in no particular order.
	 * @param statusFilters the statuses to select (any of them); {@code null} or empty for all
	 * @param projectId the project, or {@code null} for all projects
	 * @return the jobs
	 */
	public List<RimeStressTestJob> listStressTestJobs(@Nullable Collection<JobStatus> statusFilters,
			@Nullable String projectId) {
		Collection<JobStatus> statuses = statusFilters(statusFilters);
		if (projectId != null) {
			Checks.id(projectId, "projectId");
		}
		return this.sdk.listJobIds(statuses, projectId).stream().map(this::handle).toList();
	}

	/**
	 * List the stress test jobs of one project with what the list says of each, progress included:
	 * one paged list call (RIME's FULL view), no call per job.
	 * @param statusFilters the statuses to select (any of them); {@code null} or empty for all
	 * @param projectId the project
	 * @return the jobs' metadata, in no particular order
	 */
	public List<JobMetadata> listStressTestJobStatuses(@Nullable Collection<JobStatus> statusFilters,
			String projectId) {
		Collection<JobStatus> statuses = statusFilters(statusFilters);
		return this.sdk.listJobStatuses(statuses, Checks.id(projectId, "projectId"));
	}

	/**
	 * List the projects the API key can see, across all pages.
	 * @return the projects, in the server's order
	 */
	public List<RimeProject> listProjects() {
		return this.sdk.listProjects();
	}

	/**
	 * Return a handle to an existing job, checking that RIME knows it.
	 * @param jobId the job id
	 * @return the job
	 * @throws RimeApiException with status 404 if RIME does not know the job
	 */
	public RimeStressTestJob getStressTestJob(String jobId) {
		this.sdk.status(Checks.id(jobId, "jobId"));
		return handle(jobId);
	}

	/**
	 * Return a handle to a job by id without asking RIME; its first call tells whether RIME knows
	 * the job. {@link #getStressTestJob(String)} checks at once.
	 * @param jobId the job id
	 * @return the job
	 */
	public RimeStressTestJob job(String jobId) {
		return handle(Checks.id(jobId, "jobId"));
	}

	/**
	 * Read what the server says about itself; one cheap, authenticated call.
	 * @return the server's version, plan and license dates
	 */
	public RimeInfo getRimeInfo() {
		return this.sdk.rimeInfo();
	}

	/**
	 * Close the client: every later call, also on jobs it handed out, throws
	 * {@link IllegalStateException} before sending anything, and pending waits and
	 * {@code whenFinished} futures are cancelled. Calls already under way finish.
	 */
	@Override
	public void close() {
		this.sdk.close();
	}

	/**
	 * Return the RIME address this client talks to.
	 * @return the address, as configured, without trailing slashes
	 */
	public URI address() {
		return this.address;
	}

	@Override
	public String toString() {
		return "RimeClient[address=" + this.address + ", defaultProjectId=" + this.defaultProjectId + "]";
	}

	private static Collection<JobStatus> statusFilters(@Nullable Collection<JobStatus> statusFilters) {
		Collection<JobStatus> statuses = (statusFilters != null) ? statusFilters : List.of();
		int index = 0;
		for (JobStatus status : statuses) {
			if (status == null) {
				throw new IllegalArgumentException("statusFilters[" + index + "] is null; expected a JobStatus");
			}
			index++;
		}
		return statuses;
	}

	private String projectOrDefault(@Nullable String projectId) {
		if (projectId != null) {
			return Checks.id(projectId, "projectId");
		}
		if (this.defaultProjectId == null) {
			throw new IllegalArgumentException("projectId is null and no default project is configured; pass a"
					+ " projectId or set one with RimeClient.builder().defaultProjectId(...)");
		}
		return this.defaultProjectId;
	}

	private RimeStressTestJob handle(String jobId) {
		return new RimeStressTestJob(Checks.id(jobId, "jobId"), this.sdk);
	}

}
