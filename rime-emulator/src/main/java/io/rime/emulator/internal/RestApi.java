package io.rime.emulator.internal;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST v1 API of the emulator: its state and its routes, without HTTP.
 */
public final class RestApi {

	private static final System.Logger logger = System.getLogger(RestApi.class.getName());

	private static final String VERSION = "2.10.16";

	private static final Duration GRACE_PERIOD = Duration.ofDays(14);

	private final EmulatorSettings settings;

	private final Projects projects;

	private final Router router = new Router();

	private final ArchivedLogs archivedLogs;

	private final IdempotencyCache idempotency;

	private final SeedingApi seeding;

	private final DataCheckPlanner dataChecks;

	/**
	 * Creates the API's state: empty but for the default project.
	 * @param settings the settings
	 * @param baseUrl the emulator's base URL, once it serves
	 * @param defaultProjectId the id of the default project, or {@code null} for a random one
	 */
	public RestApi(EmulatorSettings settings, Supplier<URI> baseUrl, @Nullable String defaultProjectId) {
		this.settings = settings;
		this.projects = new Projects(settings, defaultProjectId);
		this.archivedLogs = new ArchivedLogs(settings, baseUrl);
		Jobs jobs = new Jobs(settings, this.projects, new JobJson(this.archivedLogs));
		this.archivedLogs.setJobs(jobs);
		Registry registry = new Registry(settings, this.projects, jobs);
		RegistryReads registryReads = new RegistryReads(settings, this.projects, registry);
		Results results = new Results(jobs);
		TestRunDetails testRunDetails = new TestRunDetails(settings, results);
		this.dataChecks = new DataCheckPlanner(settings);
		StressTests stressTests = new StressTests(settings, this.projects, registry, jobs, results, this.dataChecks);
		this.idempotency = new IdempotencyCache(settings);
		this.seeding = new SeedingApi(settings, this.projects, registry, jobs, results);
		this.router.add("POST", "/v1/projects", this.projects::create)
			.add("GET", "/v1/projects", this.projects::list)
			.add("GET", "/v1/projects/{projectId}", this.projects::get)
			.add("DELETE", "/v1/projects/{projectId}", (request) -> {
				registry.removeProject(this.projects.delete(request.pathVariable("projectId")).id());
				return ApiResponse.ok(Json.object());
			})
			.add("POST", "/v1/registry/{projectId}/dataset", registry::registerDataset)
			.add("POST", "/v1/registry/{projectId}/model", registry::registerModel)
			.add("GET", "/v1/registry/{projectId}/dataset", registryReads::listDatasets)
			.add("GET", "/v1/registry/{projectId}/model", registryReads::listModels)
			.add("GET", "/v1/registry/dataset", registryReads::getDataset)
			.add("GET", "/v1/registry/model", registryReads::getModel)
			.add("DELETE", "/v1/registry/dataset/{datasetId}", registryReads::deleteDataset)
			.add("DELETE", "/v1/registry/model/{modelId}", registryReads::deleteModel)
			.add("POST", "/v1/stress-tests/{projectId}", stressTests::start)
			.add("GET", "/v1/jobs/{jobId}", jobs::get)
			.add("POST", "/v1/jobs/cancel/{jobId}", jobs::cancel)
			.add("GET", "/v1/jobs/{jobId}/test-run-id", jobs::testRunId)
			.add("GET", "/v1/jobs/{jobId}/project-id", jobs::projectId)
			.add("GET", "/v1/jobs/project/{projectId}", jobs::listForProject)
			.add("GET", "/v1/batch-results", results::listBatchResults)
			.add("GET", "/v1/test-cases", results::listTestCases)
			.add("GET", "/v1/test-runs/{testRunId}", testRunDetails::get)
			.add("GET", "/v1/rime-info", this::rimeInfo);
	}

	/**
	 * Stops the background threads of the data checks; checks still running are abandoned.
	 */
	public void close() {
		this.dataChecks.close();
	}

	public String defaultProjectId() {
		return this.projects.defaultProjectId();
	}

	/**
	 * Returns the way to put state in place without HTTP, for tests.
	 * @return the seeding operations
	 */
	public SeedingApi seeding() {
		return this.seeding;
	}

	/**
	 * Answers one request; never throws.
	 * @param method the HTTP method
	 * @param rawPath the raw path
	 * @param rawQuery the raw query, or {@code null}
	 * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
	 * @param body the request body
	 * @return the answer
	 */
	public ApiResponse handle(String method, String rawPath, @Nullable String rawQuery,
			@Nullable String idempotencyKey, byte[] body) {
		try {
			List<String> segments = segments(rawPath);
			Map<String, List<String>> query = ApiRequest.parseQuery(rawQuery);
			if (segments.size() == 2 && ("/" + segments.get(0) + "/").equals(ArchivedLogs.PATH)
					&& method.equals("GET")) {
				return this.archivedLogs.serve(segments.get(1), new ApiRequest(method, Map.of(), query, body));
			}
			Map<String, String> variables = new HashMap<>();
			Function<ApiRequest, ApiResponse> handler = this.router.route(method, segments, variables);
			ApiRequest request = new ApiRequest(method, variables, query, body);
			if (idempotencyKey != null && method.equals("POST")) {
				return this.idempotency.answer(rawPath + "\n" + idempotencyKey, () -> handler.apply(request));
			}
			return handler.apply(request);
		}
		catch (ApiError error) {
			return ApiResponse.error(error);
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Unexpected failure answering " + method + " " + rawPath, ex);
			return ApiResponse.error(GrpcCode.INTERNAL, 500, "internal emulator error: " + ex.getClass().getName(),
					null);
		}
	}

	private ApiResponse rimeInfo(ApiRequest request) {
		ObjectNode info = Json.object();
		info.put("clusterInfoVersion", VERSION);
		info.put("customerName", "RIME Emulator");
		info.put("expirationTime", Json.timestamp(this.settings.licenseExpiration()));
		info.put("gracePeriodEndTime", Json.timestamp(this.settings.licenseExpiration().plus(GRACE_PERIOD)));
		info.put("riPlan", "RI_PLAN_LOCAL_TRIAL");
		info.put("buildVersion", VERSION + "-emulator");
		return ApiResponse.ok(info);
	}

	private static List<String> segments(String rawPath) {
		List<String> segments = new ArrayList<>();
		for (String raw : rawPath.split("/")) {
			if (!raw.isEmpty()) {
				segments.add(ApiRequest.decode(raw, false));
			}
		}
		return segments;
	}

}
