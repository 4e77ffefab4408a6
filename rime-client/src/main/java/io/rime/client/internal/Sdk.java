package io.rime.client.internal;

import java.io.PrintStream;
import java.net.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.rime.client.CustomImage;
import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeException;
import io.rime.client.RimeInfo;
import io.rime.client.ModelTask;
import io.rime.client.RimeProject;
import io.rime.client.TestRunConfig;
import io.rime.client.observation.RimeClientObservationConvention;
import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;
import io.rime.client.results.RimeTestRun;

/**
 * The one place that composes the SDK's internals, and the only door to them: {@code RimeClient}
 * and {@code RimeStressTestJob} check their arguments and delegate here, so that everything else
 * in this package stays package-private. Each operation is observed.
 */
public final class Sdk implements AutoCloseable {

	private final RimeApi api;

	private final Observations observations;

	private final JobService jobs;

	private final ResultsDownloader results;

	private final ResultsReader resultsReader;

	private final RegistryService registry;

	private final StressTestStarter starter;

	private final JobLister lister;

	private final Poller poller;

	/**
	 * Compose the internals: one JSON mapper, one transport, one poller, shared by all calls.
	 * @param restClient the client to send with
	 * @param baseUri the RIME address, without a trailing slash
	 * @param apiKey the API key, or {@code null} to send none
	 * @param retryPolicy how often and how long to retry
	 * @param maxRetryAfter the longest {@code Retry-After} to honour
	 * @param idempotencyKeysHonoured whether a repeated POST is harmless
	 * @param retryListener hears of every retry
	 * @param observationRegistry where operations are observed
	 * @param observationConvention a convention replacing the default, or {@code null}
	 * @param verboseOutput where verbose texts go
	 * @param clock the clock for printed times and {@code Retry-After} dates
	 * @param validationTimeout how long a seed-form start waits for validation
	 * @param listingTimeout how long one listing may take, or {@code null} for ten call timeouts
	 */
	public Sdk(RestClient restClient, URI baseUri, @Nullable String apiKey, RetryPolicy retryPolicy,
			Duration maxRetryAfter, boolean idempotencyKeysHonoured, RetryListener retryListener,
			ObservationRegistry observationRegistry, @Nullable RimeClientObservationConvention observationConvention,
			PrintStream verboseOutput, Clock clock, Duration validationTimeout, @Nullable Duration listingTimeout,
			@Nullable ThreadFactory threadFactory) {
		// Servers add fields; Jackson 3 ignores unknown ones by default, said here so it stays so.
		// A duplicate key is malformed: a proxy that keeps the first and the SDK the last would
		// disagree about what RIME said (its own protojson rejects duplicates too).
		JsonMapper jsonMapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		if (apiKey != null) {
			JdkHttpLogMasking.install();
		}
		ErrorMapper errorMapper = new ErrorMapper(jsonMapper, apiKey);
		Transport transport = new Transport(restClient, baseUri, apiKey, retryPolicy, maxRetryAfter,
				new RetryRules(idempotencyKeysHonoured), retryListener, errorMapper, clock);
		this.api = new RimeApi(transport, jsonMapper);
		this.observations = new Observations(observationRegistry, observationConvention);
		this.poller = new Poller(threadFactory);
		PagedReads pagedReads = new PagedReads(
				(listingTimeout != null) ? listingTimeout : PagedReads.defaultTimeout(retryPolicy.getTimeout()));
		this.jobs = new JobService(this.api, this.observations, this.poller, verboseOutput, clock, errorMapper);
		Registrar registrar = new Registrar(this.api, this.observations, this.poller, validationTimeout);
		this.resultsReader = new ResultsReader(this.api, this.observations, pagedReads);
		this.results = new ResultsDownloader(this.resultsReader, this.observations);
		this.registry = new RegistryService(this.api, registrar, pagedReads);
		this.starter = new StressTestStarter(this.api, registrar);
		this.lister = new JobLister(this.api, pagedReads);
	}

	/**
	 * The SDK's default request factory; see {@code RimeClientBuilder.defaultRequestFactory}.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @param sslContext the TLS context for https, or {@code null} for the JVM's default
	 * @param proxy the proxy, or {@code null} for the JVM's {@code ProxySelector}
	 * @return a new request factory
	 */
	public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
			@Nullable SSLContext sslContext, @Nullable Proxy proxy) {
		NoRedirectRequestFactory factory = new NoRedirectRequestFactory(connectTimeout, readTimeout, sslContext);
		if (proxy != null) {
			factory.setProxy(proxy);
		}
		return factory;
	}

	/**
	 * Create a project.
	 * @param name the checked name
	 * @param description the checked description
	 * @param modelTask the checked model task
	 * @return the created project
	 */
	public RimeProject createProject(String name, String description, ModelTask modelTask) {
		return this.observations.observe("create_project", null, null, (context) -> {
			RimeProject created = WireMapper.project(this.api.createProject(name, description, modelTask.wireName()),
					"");
			if (created.projectId().isEmpty()) {
				throw new RimeException("RIME answered create_project for '" + name + "' without a project id");
			}
			context.setProjectId(created.projectId());
			return created;
		});
	}

	/**
	 * Delete a project; a 404 means it is gone already.
	 * @param projectId the checked project id
	 * @return whether this call found it
	 */
	public boolean deleteProject(String projectId) {
		return this.observations.observe("delete_project", projectId, null,
				(context) -> RegistryService.deleted(() -> this.api.deleteProject(projectId)));
	}

	/**
	 * Register a dataset and wait for its validation.
	 * @param projectId the checked project id
	 * @param name the checked name
	 * @param dataInfo where the data is
	 * @return the validated dataset
	 */
	public RimeDataset registerDataset(String projectId, String name, DataInfo dataInfo) {
		return this.registry.registerDataset(projectId, name, dataInfo);
	}

	/**
	 * Register a model and wait for its validation.
	 * @param projectId the checked project id
	 * @param name the checked name
	 * @param modelInfo where the model is
	 * @return the validated model
	 */
	public RimeModel registerModel(String projectId, String name, ModelInfo modelInfo) {
		return this.registry.registerModel(projectId, name, modelInfo);
	}

	/**
	 * Read a dataset by id or by name.
	 * @param datasetId the checked id, or {@code null}
	 * @param name the checked name, or {@code null}
	 * @return the dataset
	 */
	public RimeDataset getDataset(@Nullable String datasetId, @Nullable String name) {
		return this.observations.observe("get_dataset", null, null, (context) -> this.registry.getDataset(datasetId, name));
	}

	/**
	 * List a project's datasets.
	 * @param projectId the checked project id
	 * @return the datasets
	 */
	public List<RimeDataset> listDatasets(String projectId) {
		return this.observations.observe("list_datasets", projectId, null,
				(context) -> this.registry.listDatasets(projectId));
	}

	/**
	 * Delete a dataset; a 404 means it is gone already.
	 * @param datasetId the checked dataset id
	 * @return whether this call found it
	 */
	public boolean deleteDataset(String datasetId) {
		return this.observations.observe("delete_dataset", null, null,
				(context) -> RegistryService.deleted(() -> this.api.deleteDataset(datasetId)));
	}

	/**
	 * Read a model by id or by name.
	 * @param modelId the checked id, or {@code null}
	 * @param name the checked name, or {@code null}
	 * @return the model
	 */
	public RimeModel getModel(@Nullable String modelId, @Nullable String name) {
		return this.observations.observe("get_model", null, null, (context) -> this.registry.getModel(modelId, name));
	}

	/**
	 * List a project's models.
	 * @param projectId the checked project id
	 * @return the models
	 */
	public List<RimeModel> listModels(String projectId) {
		return this.observations.observe("list_models", projectId, null, (context) -> this.registry.listModels(projectId));
	}

	/**
	 * Delete a model; a 404 means it is gone already.
	 * @param modelId the checked model id
	 * @return whether this call found it
	 */
	public boolean deleteModel(String modelId) {
		return this.observations.observe("delete_model", null, null,
				(context) -> RegistryService.deleted(() -> this.api.deleteModel(modelId)));
	}

	/**
	 * Read a succeeded job's typed results.
	 * @param jobId the checked job id
	 * @return the test run
	 */
	public RimeTestRun testRun(String jobId) {
		return this.resultsReader.testRun(jobId);
	}

	/**
	 * Read a project.
	 * @param projectId the checked project id
	 * @return the project
	 */
	public RimeProject getProject(String projectId) {
		return this.observations.observe("get_project", projectId, null, (context) -> {
			Wire.ProjectWithDetails details = this.api.getProject(projectId).project();
			return WireMapper.project((details != null) ? details.project() : null, projectId);
		});
	}

	/**
	 * Start a stress test; the configuration is read before the project is asked for, so that a
	 * malformed configuration is reported first.
	 * @param testRunConfig the configuration, in either form {@code RimeClient} documents
	 * @param customImage the image to run on, or {@code null}
	 * @param projectId supplies the checked project id
	 * @return the new job's id and its project
	 */
	public Started startStressTest(Map<String, ?> testRunConfig, @Nullable CustomImage customImage,
			Supplier<String> projectId) {
		return start(TestRunConfigs.read(testRunConfig, customImage), projectId);
	}

	/**
	 * Start a stress test from a typed configuration.
	 * @param config the configuration
	 * @param projectId supplies the checked project id
	 * @return the new job's id and its project
	 */
	public Started startStressTest(TestRunConfig config, Supplier<String> projectId) {
		return start(TestRunConfigs.read(config), projectId);
	}

	private Started start(TestRunConfigs.Plan plan, Supplier<String> projectId) {
		String project = projectId.get();
		return this.observations.observe("start_stress_test", project, null, (context) -> {
			Wire.Job job = this.starter.start(project, plan);
			context.setJobId(job.jobId());
			return new Started(Checks.id(job.jobId(), "jobId"), project);
		});
	}

	/**
	 * A started job.
	 *
	 * @param jobId the job's id
	 * @param projectId the project it runs in
	 */
	public record Started(String jobId, String projectId) {
	}

	/**
	 * List job ids.
	 * @param statuses the statuses to select; empty for all
	 * @param projectId the checked project, or {@code null} for all
	 * @return the ids
	 */
	public List<String> listJobIds(Collection<JobStatus> statuses, @Nullable String projectId) {
		return this.observations.observe("list_jobs", projectId, null,
				(context) -> this.lister.list(statuses, projectId, false).stream().map(Wire.Job::jobId).toList());
	}

	/**
	 * List the jobs of one project with what the list says of each.
	 * @param statuses the statuses to select; empty for all
	 * @param projectId the checked project
	 * @return the jobs' metadata
	 */
	public List<JobMetadata> listJobStatuses(Collection<JobStatus> statuses, String projectId) {
		return this.observations.observe("list_jobs", projectId, null, (context) -> this.lister
			.list(statuses, projectId, true)
			.stream()
			.map((job) -> WireMapper.job(job, job.jobId()))
			.toList());
	}

	/**
	 * List the projects the API key can see.
	 * @return the projects
	 */
	public List<RimeProject> listProjects() {
		return this.observations.observe("list_projects", null, null, (context) -> this.lister.projects());
	}

	/**
	 * Read what the server says about itself.
	 * @return the server's info
	 */
	public RimeInfo rimeInfo() {
		return this.observations.observe("get_rime_info", null, null,
				(context) -> WireMapper.info(this.api.rimeInfo()));
	}

	/**
	 * Read a job's status once.
	 * @param jobId the checked job id
	 * @return the status
	 */
	public JobMetadata status(String jobId) {
		return this.jobs.status(jobId);
	}

	/**
	 * Read a job's status the seed's way, optionally printing and waiting.
	 * @param jobId the checked job id
	 * @param verbose whether to print the status
	 * @param waitUntilFinish whether to wait until the job ends
	 * @param pollRate the checked poll rate
	 * @return the last status read
	 */
	public JobMetadata status(String jobId, boolean verbose, boolean waitUntilFinish, Duration pollRate) {
		return this.jobs.status(jobId, verbose, waitUntilFinish, pollRate);
	}

	/**
	 * Wait, bounded, until a job ends.
	 * @param jobId the checked job id
	 * @param pollRate the checked poll rate
	 * @param timeout the checked timeout
	 * @return the final status
	 */
	public JobMetadata waitUntilFinish(String jobId, Duration pollRate, Duration timeout) {
		return this.jobs.waitUntilFinish(jobId, pollRate, timeout);
	}

	/**
	 * Wait asynchronously until a job ends.
	 * @param jobId the checked job id
	 * @param pollRate the checked poll rate
	 * @return a future of the final status
	 */
	public CompletableFuture<JobMetadata> whenFinished(String jobId, Duration pollRate) {
		return this.jobs.whenFinished(jobId, pollRate, false);
	}

	/**
	 * Cancel a job.
	 * @param jobId the checked job id
	 */
	public void cancel(String jobId) {
		this.jobs.cancel(jobId);
	}

	/**
	 * Write a succeeded job's results as CSV.
	 * @param jobId the checked job id
	 * @param file the checked target file
	 * @param version the RIME version whose CSV format to write, or {@code null} for the latest
	 */
	public void downloadResults(String jobId, Path file, @Nullable String version) {
		this.results.download(jobId, file, CsvFormat.forVersion(version));
	}

	/**
	 * Stop the shared poller, cancelling pending waits, and refuse every later call.
	 */
	@Override
	public void close() {
		// Waits first, so that a read still under way cannot fail a wait that is being cancelled.
		this.poller.close();
		this.api.close();
	}

}
