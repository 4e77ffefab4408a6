package io.rime.client.internal;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.rime.client.RimeException;

/**
 * The REST v1 endpoints the SDK uses, one method each, over a {@link Transport}.
 */
final class RimeApi {

	/** Page size for jobs and projects: a handful of calls even for busy workspaces. */
	static final String LIST_PAGE_SIZE = "100";

	/** Page size for test cases: large pages, but still flat memory (one page at a time). */
	static final String RESULTS_PAGE_SIZE = "1000";

	private final Transport transport;

	private final JsonMapper jsonMapper;

	/**
	 * Create the API.
	 * @param transport sends the calls
	 * @param jsonMapper reads and writes bodies
	 */
	public RimeApi(Transport transport, JsonMapper jsonMapper) {
		this.transport = transport;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the mapper bodies are written with.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper;
	}

	/**
	 * CreateProject.
	 * @param name the project name
	 * @param description the description
	 * @param modelTask the REST v1 model task
	 * @return the created project
	 */
	public Wire.@Nullable Project createProject(String name, String description, String modelTask) {
		ObjectNode body = this.jsonMapper.createObjectNode()
			.put("name", name)
			.put("description", description)
			.put("modelTask", modelTask);
		return post("create_project", body, Wire.CreateProjectResponse.class, "/v1/projects").project();
	}

	/**
	 * DeleteProject.
	 * @param projectId the project id
	 */
	public void deleteProject(String projectId) {
		delete(HttpCall.delete("delete_project", "/v1/projects/{projectId}", projectId));
	}

	/**
	 * GetDataset, by id or by name.
	 * @param datasetId the id, or {@code null}
	 * @param name the name, or {@code null}
	 * @return the response
	 */
	public Wire.DatasetResponse getDataset(@Nullable String datasetId, @Nullable String name) {
		return getRegistered(Registry.DATASET, datasetId, name, Wire.DatasetResponse.class);
	}

	/**
	 * ListDatasets of a project, one page.
	 * @param projectId the project id
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @return the page
	 */
	public Wire.ListDatasetsResponse listDatasets(String projectId, @Nullable String pageToken) {
		return listRegistered(Registry.DATASET, projectId, pageToken, Wire.ListDatasetsResponse.class);
	}

	/**
	 * DeleteDataset.
	 * @param datasetId the dataset id
	 */
	public void deleteDataset(String datasetId) {
		deleteRegistered(Registry.DATASET, datasetId);
	}

	/**
	 * GetModel, by id or by name.
	 * @param modelId the id, or {@code null}
	 * @param name the name, or {@code null}
	 * @return the response
	 */
	public Wire.ModelResponse getModel(@Nullable String modelId, @Nullable String name) {
		return getRegistered(Registry.MODEL, modelId, name, Wire.ModelResponse.class);
	}

	/**
	 * ListModels of a project, one page.
	 * @param projectId the project id
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @return the page
	 */
	public Wire.ListModelsResponse listModels(String projectId, @Nullable String pageToken) {
		return listRegistered(Registry.MODEL, projectId, pageToken, Wire.ListModelsResponse.class);
	}

	/**
	 * DeleteModel.
	 * @param modelId the model id
	 */
	public void deleteModel(String modelId) {
		deleteRegistered(Registry.MODEL, modelId);
	}

	private <T> T getRegistered(Registry registry, @Nullable String id, @Nullable String name, Class<T> type) {
		HttpCall call = HttpCall.get("get_" + registry.kind, "/v1/registry/" + registry.kind)
			.query(registry.idQuery, id)
			.query(registry.kind + "Name", name);
		return get(call, type);
	}

	private <T> T listRegistered(Registry registry, String projectId, @Nullable String pageToken, Class<T> type) {
		HttpCall call = HttpCall
			.get("list_" + registry.kind + "s", "/v1/registry/{projectId}/" + registry.kind, projectId)
			.query("pageSize", LIST_PAGE_SIZE)
			.query("pageToken", pageToken);
		return get(call, type);
	}

	private void deleteRegistered(Registry registry, String id) {
		delete(HttpCall.delete("delete_" + registry.kind,
				"/v1/registry/" + registry.kind + "/{" + registry.idVariable + "}", id));
	}

	/**
	 * The registry's two kinds of entry, which RIME reads, lists and deletes alike; the names give
	 * the operation and {@code uri} tags each call had when it was written out per kind.
	 */
	private enum Registry {

		DATASET("dataset", "datasetId", "datasetId"), MODEL("model", "modelId.uuid", "modelId");

		private final String kind;

		private final String idQuery;

		private final String idVariable;

		Registry(String kind, String idQuery, String idVariable) {
			this.kind = kind;
			this.idQuery = idQuery;
			this.idVariable = idVariable;
		}

	}

	/**
	 * GetTestRun.
	 * @param operation the SDK operation this is part of
	 * @param testRunId the test run id
	 * @return the response
	 */
	public Wire.TestRunResponse getTestRun(String operation, String testRunId) {
		return get(HttpCall.get(operation, "/v1/test-runs/{testRunId}", testRunId), Wire.TestRunResponse.class);
	}

	/**
	 * GetProject.
	 * @param projectId the project id
	 * @return the response
	 */
	public Wire.GetProjectResponse getProject(String projectId) {
		return get(HttpCall.get("get_project", "/v1/projects/{projectId}", projectId), Wire.GetProjectResponse.class);
	}

	/**
	 * ListProjects, one page.
	 * @param operation the SDK operation this is part of
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @return the page
	 */
	public Wire.ListProjectsResponse listProjects(String operation, @Nullable String pageToken) {
		HttpCall call = HttpCall.get(operation, "/v1/projects").query("pageSize", LIST_PAGE_SIZE)
			.query("pageToken", pageToken);
		return get(call, Wire.ListProjectsResponse.class);
	}

	/**
	 * ListJobsForProject, one page, stress tests only.
	 * @param projectId the project id
	 * @param wireStatuses the statuses to select, empty for all
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @param withProgress whether to ask for the FULL view, which carries each job's progress
	 * @return the page
	 */
	public Wire.ListJobsResponse listJobs(String projectId, List<String> wireStatuses, @Nullable String pageToken,
			boolean withProgress) {
		HttpCall call = HttpCall.get("list_jobs", "/v1/jobs/project/{projectId}", projectId).query("pageSize", LIST_PAGE_SIZE);
		call = (pageToken != null) ? call.query("pageToken", pageToken)
				: call.query("firstPageQuery.selectedStatuses", wireStatuses)
					.query("firstPageQuery.selectedTypes", "JOB_TYPE_MODEL_STRESS_TEST");
		return get(call.query("view", withProgress ? "JOB_VIEW_FULL" : "JOB_VIEW_BASIC"), Wire.ListJobsResponse.class);
	}

	/**
	 * StartStressTest.
	 * @param projectId the project id
	 * @param request the request body
	 * @return the new job
	 */
	public Wire.@Nullable Job startStressTest(String projectId, ObjectNode request) {
		return post("start_stress_test", request, Wire.JobResponse.class, "/v1/stress-tests/{projectId}", projectId).job();
	}

	/**
	 * RegisterDataset.
	 * @param projectId the project id
	 * @param request the request body
	 * @return the response
	 */
	public Wire.RegisterDatasetResponse registerDataset(String projectId, ObjectNode request) {
		return post("register_dataset", request, Wire.RegisterDatasetResponse.class, "/v1/registry/{projectId}/dataset", projectId);
	}

	/**
	 * RegisterModel.
	 * @param projectId the project id
	 * @param request the request body
	 * @return the response
	 */
	public Wire.RegisterModelResponse registerModel(String projectId, ObjectNode request) {
		return post("register_model", request, Wire.RegisterModelResponse.class, "/v1/registry/{projectId}/model", projectId);
	}

	/**
	 * GetJob.
	 * @param operation the SDK operation this is part of
	 * @param jobId the job id
	 * @param fullView whether to ask for progress (costlier for the server)
	 * @return the job, or {@code null} if the response had none
	 */
	public Wire.@Nullable Job getJob(String operation, String jobId, boolean fullView) {
		HttpCall call = HttpCall.get(operation, "/v1/jobs/{jobId}", jobId)
			.query("view", fullView ? "JOB_VIEW_FULL" : "JOB_VIEW_BASIC");
		return get(call, Wire.JobResponse.class).job();
	}

	/**
	 * CancelJob.
	 * @param jobId the job id
	 */
	public void cancelJob(String jobId) {
		this.transport.execute(HttpCall.post("cancel_job", null, "/v1/jobs/cancel/{jobId}", jobId), (body) -> {
			body.transferTo(OutputStream.nullOutputStream());
			return Boolean.TRUE;
		});
	}

	/**
	 * GetTestRunID.
	 * @param operation the SDK operation this is part of
	 * @param jobId the job id of a completed stress test
	 * @return the response
	 */
	public Wire.TestRunIdResponse testRunId(String operation, String jobId) {
		return get(HttpCall.get(operation, "/v1/jobs/{jobId}/test-run-id", jobId), Wire.TestRunIdResponse.class);
	}

	/**
	 * ListBatchResults, one page.
	 * @param operation the SDK operation this is part of
	 * @param testRunId the test run
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @return the page
	 */
	public Wire.ListBatchResultsResponse listBatchResults(String operation, String testRunId,
			@Nullable String pageToken) {
		HttpCall call = HttpCall.get(operation, "/v1/batch-results").query("pageSize", LIST_PAGE_SIZE);
		call = (pageToken != null) ? call.query("pageToken", pageToken) : call.query("testRunId", testRunId);
		return get(call, Wire.ListBatchResultsResponse.class);
	}

	/**
	 * ListTestCases, one page.
	 * @param operation the SDK operation this is part of
	 * @param testRunId the test run
	 * @param testTypes the test types to select, empty for all
	 * @param urlSafeFeatureIds the features to select (base64url of the name), empty for all
	 * @param pageToken the token of the page, or {@code null} for the first
	 * @return the page
	 */
	public Wire.ListTestCasesResponse listTestCases(String operation, String testRunId, List<String> testTypes,
			List<String> urlSafeFeatureIds, @Nullable String pageToken) {
		HttpCall call = HttpCall.get(operation, "/v1/test-cases").query("pageSize", RESULTS_PAGE_SIZE);
		call = (pageToken != null) ? call.query("pageToken", pageToken)
				: call.query("listTestCasesQuery.testRunId", testRunId)
					.query("listTestCasesQuery.testTypes", testTypes)
					.query("listTestCasesQuery.urlSafeFeatureIds", urlSafeFeatureIds);
		return get(call, Wire.ListTestCasesResponse.class);
	}

	/**
	 * GetRIMEInfo.
	 * @return the response
	 */
	public Wire.RimeInfoResponse rimeInfo() {
		return get(HttpCall.get("get_rime_info", "/v1/rime-info"), Wire.RimeInfoResponse.class);
	}

	/**
	 * Fetch archived job logs from their URL, which is not part of the API: no API key.
	 * @param url the logs URL
	 * @return the logs
	 */
	public String archivedLogs(URI url) {
		return this.transport.fetchWithoutApiKey(url, "get_job_logs");
	}

	/**
	 * Refuse every call from now on, before anything is sent.
	 */
	public void close() {
		this.transport.close();
	}

	private void delete(HttpCall call) {
		this.transport.execute(call, (body) -> {
			body.transferTo(OutputStream.nullOutputStream());
			return Boolean.TRUE;
		});
	}

	private <T> T get(HttpCall call, Class<T> type) {
		return this.transport.execute(call, (body) -> read(call, body, type));
	}

	private <T> T post(String operation, ObjectNode body, Class<T> type, String template, String... variables) {
		HttpCall call = HttpCall.post(operation, this.jsonMapper.writeValueAsBytes(body), template, variables);
		return this.transport.execute(call, (stream) -> read(call, stream, type));
	}

	private <T> T read(HttpCall call, InputStream body, Class<T> type) {
		T value = this.jsonMapper.readValue(body, type);
		if (value == null) {
			throw new RimeException("RIME sent an empty response to " + call.operation() + " (" + call.method() + " "
					+ call.path() + ")");
		}
		return value;
	}

}
