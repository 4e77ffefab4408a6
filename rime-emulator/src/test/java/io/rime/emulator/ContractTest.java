package io.rime.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checks every response the emulator sends against a machine-readable contract,
 * {@code contract/rest-v1.json}, derived by hand from {@code rime-rest-v1.md}: every field of every
 * response must be known to the contract with its wire type (int64 values as JSON strings, ids as
 * {@code {uuid}} objects, RFC 3339 timestamps, enum values from the allowed set).
 */
class ContractTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Contract CONTRACT = Contract.load("/contract/rest-v1.json");

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static RimeEmulator emulator;

	private final Set<String> coveredEndpoints = ConcurrentHashMap.newKeySet();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	@TempDir
	Path tempDir;

	@BeforeAll
	static void startEmulator() {
		emulator = RimeEmulator.builder()
			.pendingDuration(Duration.ofMillis(250))
			.runningDuration(Duration.ofMillis(1500))
			.validationDuration(Duration.ofMillis(50))
			.cancelDuration(Duration.ofMillis(100))
			.build()
			.start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void contractFileIsConsistent() {
		assertThat(CONTRACT.unresolvedTypes()).as("types referenced in rest-v1.json but not defined").isEmpty();
		assertThat(CONTRACT.endpoints()).hasSize(14);
		assertThat(CONTRACT.extensions()).as("the emulator's documented extensions")
			.containsExactly("StressTest.customImage");
	}

	@Test
	void contractAcceptsTheDocExamplesAndRejectsWhatTheDocForbids() {
		Contract contract = Contract.load("/contract/rest-v1.json");
		Map<String, String> docExamples = Map.of("GetJobResponse", """
				{"job": {"jobId": "d2f4c6a8-job", "jobType": "JOB_TYPE_MODEL_STRESS_TEST", "status": "JOB_STATUS_RUNNING",
				  "creationTime": "2024-05-01T12:00:01Z", "startTime": "2024-05-01T12:00:40Z", "runningTimeSecs": 95.2,
				  "jobProgressStr": "3/10 test batches complete", "cancellationRequested": false, "agentId": {"uuid": "agent-01"},
				  "jobData": {"stress": {"projectId": {"uuid": "5f0e7a1c-0000-4000-8000-0000000000aa"}, "testRunId": "tr-77",
				    "progress": {"testRun": {"testRunId": "tr-77", "status": "TEST_TASK_STATUS_RUNNING",
				      "testBatches": [{"type": "unseen_categorical", "status": "TEST_TASK_STATUS_COMPLETED"}]}}}},
				  "archivedJobLogs": {"url": {"url": "https://x"}, "expirationTime": "2024-05-08T12:03:00Z"}}}
				""", "ListBatchResultsResponse", """
				{"testBatches": [{"testRunId": "tr-77", "testType": "unseen_categorical", "testName": "Unseen Categorical",
				  "testCategory": "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS", "severity": "SEVERITY_WARNING",
				  "summaryCounts": {"total": "3", "pass": "2", "warning": "1", "fail": "0", "skip": "0"}, "failingFeatures": ["country"]}],
				 "nextPageToken": "", "hasMore": false}
				""", "ListTestCasesResponse", """
				{"testCases": [
				  {"testRunId": "tr-77", "testBatchType": "unseen_categorical", "testCaseId": "tc-1", "features": ["country"],
				   "urlSafeFeatureId": "Y291bnRyeQ==", "status": "TEST_CASE_STATUS_WARNING", "severity": "SEVERITY_WARNING",
				   "importanceScore": 0.12, "testCategory": "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS"},
				  {"testRunId": "tr-77", "testBatchType": "unseen_categorical", "testCaseId": "tc-2", "features": ["device"],
				   "severity": "SEVERITY_PASS"}],
				 "nextPageToken": "", "hasMore": false}
				""", "GetRIMEInfoResponse", """
				{"clusterInfoVersion": "2.10.16", "customerName": "Example Corp", "expirationTime": "2025-01-01T00:00:00Z",
				 "gracePeriodEndTime": "2025-01-15T00:00:00Z", "riPlan": "RI_PLAN_DEFAULT", "buildVersion": "2.10.16-20240501T000000"}
				""", "GetProjectResponse", """
				{"project": {"project": {"id": {"uuid": "5f0e7a1c-0000-4000-8000-0000000000aa"}, "name": "fraud-model",
				  "modelTask": "MODEL_TASK_BINARY_CLASSIFICATION"}, "ownerDetails": {"name": "Ada", "email": "ada@example.com"},
				  "lastUpdatedTime": "2024-05-02T08:30:00Z"}}
				""", "RegisterDatasetResponse", """
				{"datasetId": "ref-2024-05", "registryValidationJobId": {"uuid": "job-val-1"}}
				""", "RpcStatus", """
				{"code": 5, "message": "project not found",
				 "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "NOT_FOUND"}]}
				""");
		docExamples.forEach((message, example) -> assertThat(contract.check(JSON.readTree(example), message, message))
			.as("doc example of " + message)
			.isEmpty());
		Map<String, String> forbidden = Map.of(
				"{\"job\": {\"runningTimeSecs\": 1, \"creationTime\": \"2024-05-01 12:00:01\"}}", "timestamp",
				"{\"job\": {\"jobId\": {\"uuid\": \"a\"}}}", "jobId",
				"{\"job\": {\"jobData\": {\"stress\": {\"projectId\": \"5f0e\"}}}}", "ID object",
				"{\"job\": {\"status\": \"RUNNING\"}}", "JobStatus",
				"{\"job\": {\"status\": null}}", "null",
				"{\"job\": {\"jobKind\": \"JOB_TYPE_MODEL_STRESS_TEST\"}}", "unknown");
		forbidden.forEach((json, expected) -> assertThat(contract.check(JSON.readTree(json), "GetJobResponse", "$"))
			.as(json)
			.singleElement()
			.asString()
			.contains(expected));
		assertThat(contract.check(JSON.readTree("{\"summaryCounts\": {\"total\": 3}}"), "TestBatchResult", "$"))
			.singleElement()
			.asString()
			.contains("int64");
	}

	@Test
	void everyResponseOfEveryEndpointMatchesTheContract() throws IOException, InterruptedException {
		JsonNode info = ok("GET", "/v1/rime-info", "/v1/rime-info", null);
		assertThat(info.path("riPlan").asString()).isNotEmpty();

		String projectName = "contract-" + UUID.randomUUID();
		JsonNode created = ok("POST", "/v1/projects", "/v1/projects", """
				{"name": "%s", "description": "contract checks", "modelTask": "MODEL_TASK_MULTICLASS_CLASSIFICATION",
				 "workspaceId": {"uuid": "9b1c2d3e-0000-4000-8000-000000000001"}, "tags": ["ci", "contract"],
				 "isPublished": true, "useCase": "fraud", "ethicalConsideration": "none",
				 "runTimeInfo": {"customImage": {"managedImageName": "my-image"},
				   "resourceRequest": {"ramRequestMegabytes": "4096", "cpuRequestMillicores": "2000"},
				   "explicitErrors": true, "randomSeed": "42"},
				 "profilingConfig": {}}
				""".formatted(projectName));
		String projectId = created.path("project").path("id").path("uuid").asString();
		assertThat(projectId).isNotEmpty();
		ok("GET", "/v1/projects/{projectId}", "/v1/projects/" + projectId, null);
		listAllPages("/v1/projects", "/v1/projects?pageSize=1", "projects");

		Path csv = Files.writeString(this.tempDir.resolve("eval.csv"), "age,income,country,label\n30,1000,FR,1\n");
		JsonNode evalDataset = ok("POST", "/v1/registry/{projectId}/dataset", "/v1/registry/" + projectId + "/dataset",
				"""
						{"name": "eval", "dataInfo": {"connectionInfo": {"dataFile": {"path": "%s"}},
						 "dataParams": {"labelCol": "label", "nrows": "100"}}}
						""".formatted(json(csv.toUri().toString())));
		JsonNode refDataset = ok("POST", "/v1/registry/{projectId}/dataset", "/v1/registry/" + projectId + "/dataset",
				"""
						{"name": "ref", "dataInfo": {"connectionInfo": {"dataFile": {"path": "s3://bucket/ref.csv"}},
						 "dataParams": {"labelCol": "Survived"}}}
						""");
		JsonNode badDataset = ok("POST", "/v1/registry/{projectId}/dataset", "/v1/registry/" + projectId + "/dataset",
				"""
						{"name": "no-label", "dataInfo": {"connectionInfo": {"dataFile": {"path": "%s"}},
						 "dataParams": {"labelCol": "missing"}}}
						""".formatted(json(csv.toString())));
		JsonNode model = ok("POST", "/v1/registry/{projectId}/model", "/v1/registry/" + projectId + "/model", """
				{"name": "model", "modelInfo": {"modelPath": {"path": "s3://bucket/model/model.py"}}}
				""");
		for (JsonNode registration : List.of(evalDataset, refDataset, badDataset, model)) {
			String validationJobId = registration.path("registryValidationJobId").path("uuid").asString();
			awaitJob(validationJobId, "JOB_VIEW_BASIC", terminal());
		}
		String modelId = model.path("modelId").path("uuid").asString();
		String evalDatasetId = evalDataset.path("datasetId").asString();
		String refDatasetId = refDataset.path("datasetId").asString();

		String jobId = startStressTest(projectId, modelId, refDatasetId, evalDatasetId,
				"registry.example.com/ri/stress:1.2.3");
		awaitJob(jobId, "JOB_VIEW_FULL", status("JOB_STATUS_SUCCEEDED"));
		JsonNode testRunId = ok("GET", "/v1/jobs/{jobId}/test-run-id", "/v1/jobs/" + jobId + "/test-run-id", null);
		JsonNode jobProject = ok("GET", "/v1/jobs/{jobId}/project-id", "/v1/jobs/" + jobId + "/project-id", null);
		assertThat(jobProject.path("projectId").path("uuid").asString()).isEqualTo(projectId);
		String runId = testRunId.path("testRunId").asString();
		listAllPages("/v1/batch-results", "/v1/batch-results?testRunId=" + runId + "&pageSize=3", "testBatches");
		listAllPages("/v1/test-cases", "/v1/test-cases?listTestCasesQuery.testRunId=" + runId + "&pageSize=7",
				"testCases");

		String failedJobId = startStressTest(projectId, modelId, null, evalDatasetId,
				"registry.example.com/ri/does-not-exist:1.0");
		JsonNode failed = awaitJob(failedJobId, "JOB_VIEW_FULL", status("JOB_STATUS_FAILED"));
		assertThat(failed.path("job").path("errorMsg").asString()).contains("does-not-exist");
		String logsUrl = failed.path("job").path("archivedJobLogs").path("url").path("url").asString();
		assertThat(logsUrl).startsWith(emulator.baseUrl().toString());
		HttpResponse<String> logs = HTTP.send(HttpRequest.newBuilder(URI.create(logsUrl)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(logs.statusCode()).as("archived logs need no API key").isEqualTo(200);
		assertThat(logs.body()).contains("does-not-exist");

		String cancelledJobId = startStressTest(projectId, modelId, refDatasetId, evalDatasetId, null);
		JsonNode cancel = ok("POST", "/v1/jobs/cancel/{jobId}", "/v1/jobs/cancel/" + cancelledJobId, null);
		assertThat(cancel.size()).as("CancelJobResponse is {}").isZero();
		JsonNode cancelled = awaitJob(cancelledJobId, "JOB_VIEW_FULL", status("JOB_STATUS_CANCELLED"));
		assertThat(cancelled.path("job").path("cancellationRequested").booleanValue()).isTrue();

		List<JsonNode> jobs = listAllPages("/v1/jobs/project/{projectId}",
				"/v1/jobs/project/" + projectId + "?firstPageQuery.selectedStatuses=JOB_STATUS_SUCCEEDED"
						+ "&firstPageQuery.selectedStatuses=JOB_STATUS_FAILED"
						+ "&firstPageQuery.selectedStatuses=JOB_STATUS_CANCELLED"
						+ "&firstPageQuery.selectedTypes=JOB_TYPE_MODEL_STRESS_TEST&pageSize=1&view=JOB_VIEW_FULL",
				"jobs");
		assertThat(jobs).extracting((job) -> job.path("jobId").asString())
			.containsExactly(jobId, failedJobId, cancelledJobId);
		listAllPages("/v1/jobs/project/{projectId}", "/v1/jobs/project/" + projectId + "?view=JOB_VIEW_BASIC",
				"jobs");

		assertThat(this.problems).as("contract violations").isEmpty();
		assertThat(this.coveredEndpoints).as("endpoints exercised")
			.containsExactlyInAnyOrderElementsOf(CONTRACT.endpoints().keySet());
		assertThat(CONTRACT.seenFields()).as("fields seen on the wire")
			.contains("Project.runTimeInfo", "ResourceRequest.ramRequestMegabytes", "RunTimeInfo.randomSeed",
					"ProjectWithDetails.ownerDetails", "ListProjectsResponse.nextPageToken",
					"RegisterDatasetResponse.datasetId", "RegisterModelResponse.modelId", "JobMetadata.jobType",
					"JobMetadata.startTime", "JobMetadata.completionTime", "JobMetadata.runningTimeSecs",
					"JobMetadata.jobProgressStr", "JobMetadata.errorMsg", "JobMetadata.archivedJobLogs",
					"ArchivedJobLogs.expirationTime", "SafeURL.url", "StressTest.projectId", "StressTest.testRunId",
					"StressTest.customImage", "CustomImage.pullSecret", "StressTest.progress", "TestRunProgress.testBatches",
					"TestBatchProgress.status", "TestBatchResult.durationInMillis", "ResultSummaryCounts.skip",
					"TestBatchResult.failingFeatures", "TestCase.status", "TestCase.urlSafeFeatureId",
					"TestCase.importanceScore", "GetRIMEInfoResponse.gracePeriodEndTime");
		assertThat(CONTRACT.seenEnumValues("JobStatus")).as("job statuses seen")
			.contains("JOB_STATUS_REQUESTED", "JOB_STATUS_SUCCEEDED", "JOB_STATUS_FAILED", "JOB_STATUS_CANCELLED");
		assertThat(CONTRACT.seenEnumValues("TestTaskStatus")).as("test task statuses seen")
			.contains("TEST_TASK_STATUS_COMPLETED", "TEST_TASK_STATUS_FAILED", "TEST_TASK_STATUS_CANCELLED");
	}

	@Test
	void errorBodiesAreRpcStatusesWithTheMappedHttpStatus() {
		String projectId = emulator.defaultProjectId();
		String name = "dup-" + UUID.randomUUID();
		String project = "{\"name\": \"" + name + "\", \"description\": \"d\"}";
		ok("POST", "/v1/projects", "/v1/projects", project);
		assertError(call("POST", "/v1/projects", project, true), 409, 6);
		assertError(call("GET", "/v1/projects/" + UUID.randomUUID(), null, true), 404, 5);
		assertError(call("GET", "/v1/jobs/" + UUID.randomUUID() + "?view=JOB_VIEW_FULL", null, true), 404, 5);
		assertError(call("GET", "/v1/no-such-endpoint", null, true), 404, 5);
		assertError(call("POST", "/v1/projects", "{\"name\": 5, \"description\": \"d\"}", true), 400, 3);
		assertError(call("POST", "/v1/projects", "{\"name\": \"x\", ", true), 400, 3);
		assertError(call("GET", "/v1/jobs/project/" + projectId + "?view=JOB_VIEW_SIDEWAYS", null, true), 400, 3);
		assertError(call("GET", "/v1/rime-info", null, false), 401, 16);
		assertError(call("DELETE", "/v1/projects", null, true), 405, 12);
		JsonNode model = ok("POST", "/v1/registry/{projectId}/model", "/v1/registry/" + projectId + "/model",
				"{\"name\": \"m-" + UUID.randomUUID() + "\", \"modelInfo\": {\"modelPath\": {\"path\": \"s3://b/m\"}}}");
		JsonNode dataset = ok("POST", "/v1/registry/{projectId}/dataset", "/v1/registry/" + projectId + "/dataset",
				"{\"name\": \"d-" + UUID.randomUUID()
						+ "\", \"dataInfo\": {\"connectionInfo\": {\"dataFile\": {\"path\": \"s3://b/d.csv\"}}}}");
		String jobId = startStressTest(projectId, model.path("modelId").path("uuid").asString(), null,
				dataset.path("datasetId").asString(), null);
		assertError(call("GET", "/v1/jobs/" + jobId + "/test-run-id", null, true), 400, 9);
		assertThat(this.problems).as("contract violations").isEmpty();
	}

	/**
	 * A project's {@code runTimeInfo} is a RunTimeInfo message (section 2, schema in section 3), so
	 * the int64 values in it go out as JSON strings (section 0), however the client wrote them: proto3
	 * JSON accepts an int64 as a number on input, as the emulator's own stress-test parser does.
	 */
	@Test
	void runTimeInfoEchoedOnAProjectCarriesInt64ValuesAsStrings() {
		JsonNode created = ok("POST", "/v1/projects", "/v1/projects", """
				{"name": "int64-echo-%s", "description": "d",
				 "runTimeInfo": {"randomSeed": 42, "resourceRequest": {"ramRequestMegabytes": 4096}}}
				""".formatted(UUID.randomUUID()));
		JsonNode runTimeInfo = created.path("project").path("runTimeInfo");
		assertThat(runTimeInfo.path("randomSeed").isString()).as("randomSeed is an int64 string: " + runTimeInfo)
			.isTrue();
		assertThat(this.problems).as("contract violations").isEmpty();
	}

	private String startStressTest(String projectId, String modelId, @Nullable String refDatasetId,
			String evalDatasetId, @Nullable String imageName) {
		String refField = (refDatasetId != null) ? "\"refDatasetId\": \"" + refDatasetId + "\", " : "";
		String image = (imageName != null) ? """
				"runTimeInfo": {"customImage": {"customImage": {"name": "%s", "pullSecret": {"name": "regcred"}}},
				  "resourceRequest": {"ramRequestMegabytes": "4096", "cpuRequestMillicores": "2000"},
				  "explicitErrors": true, "randomSeed": "42"},
				""".formatted(imageName) : "";
		String body = """
				{"projectId": {"uuid": "%s"},
				 "testRunConfig": {"runName": "run-%s", "modelId": {"uuid": "%s"},
				  "dataInfo": {%s"evalDatasetId": "%s"}, %s
				  "categories": ["TEST_CATEGORY_TYPE_DRIFT", "TEST_CATEGORY_TYPE_MODEL_PERFORMANCE"]}}
				""".formatted(projectId, UUID.randomUUID(), modelId, refField, evalDatasetId, image);
		JsonNode started = ok("POST", "/v1/stress-tests/{projectId}", "/v1/stress-tests/" + projectId, body);
		String jobId = started.path("job").path("jobId").asString();
		assertThat(jobId).isNotEmpty();
		return jobId;
	}

	/**
	 * Polls a job, both views, until it matches, checking every answer against the contract.
	 */
	private JsonNode awaitJob(String jobId, String view, Predicate<JsonNode> done) {
		JsonNode[] last = new JsonNode[1];
		await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(40)).until(() -> {
			ok("GET", "/v1/jobs/{jobId}", "/v1/jobs/" + jobId, null);
			last[0] = ok("GET", "/v1/jobs/{jobId}", "/v1/jobs/" + jobId + "?view=" + view, null);
			return done.test(last[0].path("job"));
		});
		return last[0];
	}

	private static Predicate<JsonNode> status(String status) {
		return (job) -> job.path("status").asString().equals(status);
	}

	private static Predicate<JsonNode> terminal() {
		return (job) -> Set.of("JOB_STATUS_SUCCEEDED", "JOB_STATUS_FAILED", "JOB_STATUS_CANCELLED")
			.contains(job.path("status").asString());
	}

	private List<JsonNode> listAllPages(String template, String firstPage, String itemsField) {
		List<JsonNode> items = new ArrayList<>();
		JsonNode page = ok("GET", template, firstPage, null);
		int pages = 1;
		page.path(itemsField).forEach(items::add);
		while (page.path("hasMore").asBoolean(false)) {
			String token = URLEncoder.encode(page.path("nextPageToken").asString(), StandardCharsets.UTF_8);
			String base = firstPage.substring(0, firstPage.indexOf('?'));
			String pageSize = firstPage.replaceAll(".*[?&](pageSize=\\d+).*", "$1");
			page = ok("GET", template, base + "?pageToken=" + token
					+ (pageSize.startsWith("pageSize=") ? "&" + pageSize : ""), null);
			page.path(itemsField).forEach(items::add);
			assertThat(++pages).as("pages of " + firstPage).isLessThan(1000);
		}
		return items;
	}

	/**
	 * Calls an endpoint of the contract, expects 200 and checks the body against the endpoint's
	 * response message.
	 */
	private JsonNode ok(String method, String template, String pathAndQuery, @Nullable String body) {
		String key = method + " " + template;
		String message = CONTRACT.endpoints().get(key);
		assertThat(message).as("contract endpoint " + key).isNotNull();
		Answer answer = call(method, pathAndQuery, body, true);
		assertThat(answer.status()).as(method + " " + pathAndQuery + " answered " + answer.text()).isEqualTo(200);
		assertThat(answer.contentType()).as("content type of " + pathAndQuery).startsWith("application/json");
		JsonNode json = answer.json();
		assertThat(json).as("JSON body of " + method + " " + pathAndQuery).isNotNull();
		this.problems.addAll(CONTRACT.check(json, message, method + " " + pathAndQuery + " $"));
		this.coveredEndpoints.add(key);
		return json;
	}

	private void assertError(Answer answer, int httpStatus, int code) {
		assertThat(answer.status()).as(answer.text()).isEqualTo(httpStatus);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode json = answer.json();
		assertThat(json).as("error body " + answer.text()).isNotNull();
		assertThat(json.path("code").asInt()).as(answer.text()).isEqualTo(code);
		assertThat(json.path("message").asString()).isNotBlank();
		assertThat(json.has("details")).as("details present: " + answer.text()).isTrue();
		assertThat(CONTRACT.httpStatusesOf(code)).as("HTTP status of gRPC code " + code + " (section 7)")
			.contains(httpStatus);
		this.problems.addAll(CONTRACT.check(json, CONTRACT.errorMessage(), "error " + httpStatus + " $"));
	}

	private static Answer call(String method, String pathAndQuery, @Nullable String body, boolean withKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (withKey) {
			request.header("rime-api-key", emulator.apiKey());
		}
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String json(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private record Answer(int status, String contentType, byte[] body) {

		String text() {
			return status() + " " + new String(body(), StandardCharsets.UTF_8);
		}

		@Nullable JsonNode json() {
			try {
				return JSON.readTree(body());
			}
			catch (RuntimeException ex) {
				return null;
			}
		}

	}

	/**
	 * The contract file, and the checker of JSON values against its types.
	 */
	static final class Contract {

		private static final Pattern RFC_3339 = Pattern
			.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

		private static final Pattern INT64 = Pattern.compile("-?\\d{1,20}");

		private static final Set<String> SCALARS = Set.of("string", "int64", "int32", "number", "boolean", "timestamp",
				"object");

		private final Map<String, Set<String>> enums = new LinkedHashMap<>();

		private final Map<String, Message> messages = new LinkedHashMap<>();

		private final Map<String, String> endpoints = new LinkedHashMap<>();

		private final Map<Integer, Set<Integer>> httpStatusesOfCode = new LinkedHashMap<>();

		private final String errorMessage;

		private final Set<String> seenFields = ConcurrentHashMap.newKeySet();

		private final Map<String, Set<String>> seenEnumValues = new ConcurrentHashMap<>();

		private Contract(JsonNode root) {
			root.path("enums").properties().forEach((entry) -> {
				Set<String> values = new LinkedHashSet<>();
				entry.getValue().forEach((value) -> values.add(value.asString()));
				this.enums.put(entry.getKey(), values);
			});
			root.path("messages").properties().forEach((entry) -> {
				Map<String, Field> fields = new LinkedHashMap<>();
				entry.getValue().path("fields").properties().forEach((field) -> {
					JsonNode spec = field.getValue();
					fields.put(field.getKey(), spec.isString() ? new Field(spec.asString(), false)
							: new Field(spec.path("type").asString(), spec.path("extension").asBoolean(false)));
				});
				this.messages.put(entry.getKey(), new Message(fields, entry.getValue().path("open").asBoolean(false)));
			});
			root.path("endpoints").forEach((endpoint) -> this.endpoints.put(
					endpoint.path("method").asString() + " " + endpoint.path("path").asString(),
					endpoint.path("response").asString()));
			JsonNode error = root.path("error");
			this.errorMessage = error.path("body").asString();
			error.path("httpStatusOfCode").properties().forEach((entry) -> {
				Set<Integer> statuses = new HashSet<>();
				entry.getValue().forEach((status) -> statuses.add(status.asInt()));
				this.httpStatusesOfCode.put(Integer.parseInt(entry.getKey()), statuses);
			});
			error.path("routingErrors").properties().forEach((entry) -> {
				if (entry.getKey().matches("\\d+")) {
					this.httpStatusesOfCode.computeIfAbsent(entry.getValue().asInt(), (code) -> new HashSet<>())
						.add(Integer.parseInt(entry.getKey()));
				}
			});
		}

		static Contract load(String resource) {
			try (InputStream in = ContractTest.class.getResourceAsStream(resource)) {
				assertThat(in).as("contract resource " + resource).isNotNull();
				return new Contract(JSON.readTree(in));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		Map<String, String> endpoints() {
			return this.endpoints;
		}

		String errorMessage() {
			return this.errorMessage;
		}

		Set<Integer> httpStatusesOf(int code) {
			return this.httpStatusesOfCode.getOrDefault(code, Set.of());
		}

		Set<String> seenFields() {
			return this.seenFields;
		}

		Set<String> seenEnumValues(String enumName) {
			return this.seenEnumValues.getOrDefault(enumName, Set.of());
		}

		List<String> extensions() {
			List<String> extensions = new ArrayList<>();
			this.messages.forEach((name, message) -> message.fields().forEach((field, spec) -> {
				if (spec.extension()) {
					extensions.add(name + "." + field);
				}
			}));
			return extensions;
		}

		Set<String> unresolvedTypes() {
			Set<String> unresolved = new TreeSet<>();
			List<String> types = new ArrayList<>(this.endpoints.values());
			types.add(this.errorMessage);
			this.messages.values().forEach((message) -> message.fields().values().forEach((f) -> types.add(f.type())));
			for (String type : types) {
				String element = type;
				while (element.startsWith("array:")) {
					element = element.substring("array:".length());
				}
				boolean known = SCALARS.contains(element) || this.messages.containsKey(element)
						|| (element.startsWith("enum:") && this.enums.containsKey(element.substring(5)));
				if (!known) {
					unresolved.add(type);
				}
			}
			return unresolved;
		}

		/**
		 * Checks a JSON value against a contract type.
		 * @param node the value
		 * @param type the type
		 * @param path where the value is, for messages
		 * @return the violations, empty when the value matches
		 */
		List<String> check(JsonNode node, String type, String path) {
			List<String> problems = new ArrayList<>();
			check(node, type, path, problems);
			return problems;
		}

		private void check(JsonNode node, String type, String path, List<String> problems) {
			if (node.isNull()) {
				problems.add(path + ": null where " + type + " belongs (proto3 JSON leaves out unset fields)");
				return;
			}
			if (type.startsWith("array:")) {
				if (!node.isArray()) {
					problems.add(path + ": expected " + type + " but was " + shown(node));
					return;
				}
				for (int i = 0; i < node.size(); i++) {
					check(node.get(i), type.substring("array:".length()), path + "[" + i + "]", problems);
				}
				return;
			}
			if (type.startsWith("enum:")) {
				String enumName = type.substring("enum:".length());
				if (!node.isString() || !this.enums.get(enumName).contains(node.asString())) {
					problems.add(path + ": expected a " + enumName + " value but was " + shown(node));
				}
				else {
					this.seenEnumValues.computeIfAbsent(enumName, (name) -> ConcurrentHashMap.newKeySet())
						.add(node.asString());
				}
				return;
			}
			String problem = switch (type) {
				case "string" -> node.isString() ? null : "a JSON string";
				case "int64" -> (node.isString() && INT64.matcher(node.asString()).matches()) ? null
						: "an int64 as a JSON string of digits";
				case "int32" -> (node.isIntegralNumber() && node.canConvertToInt()) ? null : "an int32 JSON number";
				case "number" -> node.isNumber() ? null : "a JSON number";
				case "boolean" -> node.isBoolean() ? null : "true or false";
				case "timestamp" -> isRfc3339(node) ? null : "an RFC 3339 timestamp";
				case "object" -> node.isObject() ? null : "a JSON object";
				default -> checkMessage(node, type, path, problems);
			};
			if (problem != null) {
				problems.add(path + ": expected " + problem + " (" + type + ") but was " + shown(node));
			}
		}

		private @Nullable String checkMessage(JsonNode node, String type, String path, List<String> problems) {
			Message message = this.messages.get(type);
			if (message == null) {
				return "a type the contract defines";
			}
			if (!node.isObject()) {
				return (type.equals("ID") ? "an ID object {\"uuid\": …}" : "a " + type + " object");
			}
			node.properties().forEach((entry) -> {
				Field field = message.fields().get(entry.getKey());
				if (field == null) {
					if (!message.open()) {
						problems.add(path + "." + entry.getKey() + ": field unknown to " + type + " in the contract");
					}
					return;
				}
				this.seenFields.add(type + "." + entry.getKey());
				check(entry.getValue(), field.type(), path + "." + entry.getKey(), problems);
			});
			return null;
		}

		private static boolean isRfc3339(JsonNode node) {
			if (!node.isString() || !RFC_3339.matcher(node.asString()).matches()) {
				return false;
			}
			try {
				OffsetDateTime.parse(node.asString(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
				return true;
			}
			catch (DateTimeParseException ex) {
				return false;
			}
		}

		private static String shown(JsonNode node) {
			String text = node.toString();
			return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
		}

		private record Field(String type, boolean extension) {
		}

		private record Message(Map<String, Field> fields, boolean open) {
		}

	}

}
