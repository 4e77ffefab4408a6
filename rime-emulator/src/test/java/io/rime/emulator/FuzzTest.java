package io.rime.emulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sends a seeded, bounded stream of random requests (methods, odd paths, odd queries, broken and
 * hostile bodies, with and without the API key) to a running emulator: every answer must be a
 * 2xx JSON or a well-formed {@code {code, message, details}} error, never a 5xx, never a hang,
 * and the emulator must still work afterwards.
 */
class FuzzTest {

	private static final long SEED = 20261127L;

	private static final int REQUESTS = 3_000;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

	/** Reads what the emulator echoes back, which may nest as deep as the emulator accepts. */
	private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(5_000).build())
		.build()).build();

	private static final String[] METHODS = { "GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE",
			"get", "FROB", "PROPFIND" };

	/** The real routes with their methods, and a few near misses. */
	private static final String[] ROUTES = { "POST /v1/projects", "GET /v1/projects", "GET /v1/projects/{projectId}",
			"POST /v1/registry/{projectId}/dataset", "POST /v1/registry/{projectId}/model",
			"POST /v1/stress-tests/{projectId}", "POST /v1/stress-tests", "GET /v1/jobs/{jobId}",
			"POST /v1/jobs/cancel/{jobId}", "GET /v1/jobs/{jobId}/test-run-id", "GET /v1/jobs/{jobId}/project-id",
			"GET /v1/jobs/project/{projectId}", "GET /v1/batch-results", "GET /v1/test-cases", "GET /v1/rime-info",
			"GET /archived-logs/{jobId}", "GET /", "GET /v1", "GET /v2/projects", "GET /v1-beta/jobs/generative" };

	private static final String[] QUERY_NAMES = { "pageSize", "pageToken", "view", "testRunId",
			"listTestCasesQuery.testRunId", "listTestCasesQuery.testTypes", "listTestCasesQuery.urlSafeFeatureIds",
			"firstPageQuery.selectedStatuses", "firstPageQuery.selectedTypes", "expires", "signature", "showDisplay" };

	private static final String[] FIELD_NAMES = { "name", "description", "modelTask", "workspaceId", "tags",
			"isPublished", "useCase", "runTimeInfo", "profilingConfig", "projectId", "agentId", "testRunConfig",
			"runName", "modelId", "dataInfo", "evalDatasetId", "refDatasetId", "customImage", "randomSeed",
			"resourceRequest", "ramRequestMegabytes", "categories", "connectionInfo", "dataFile", "path", "dataParams",
			"labelCol", "nrows", "modelInfo", "modelPath", "huggingFace", "modelUri", "uuid", "experimentalFields" };

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(REQUEST_TIMEOUT)
		.build();

	private RimeEmulator emulator;

	private Random random;

	private String projectId;

	private String modelId;

	private String datasetId;

	private String jobId;

	private String testRunId;

	private final List<String> realTokens = new ArrayList<>();

	@BeforeEach
	void startEmulatorWithOneFinishedStressTest() {
		this.emulator = RimeEmulator.builder()
			.pendingDuration(Duration.ofMillis(50))
			.runningDuration(Duration.ofMillis(100))
			.validationDuration(Duration.ofMillis(10))
			.build()
			.start();
		this.projectId = this.emulator.defaultProjectId();
		this.modelId = send("POST", "/v1/registry/" + this.projectId + "/model",
				bytes("{\"name\": \"m\", \"modelInfo\": {\"modelPath\": {\"path\": \"s3://b/m.py\"}}}"), true)
			.json()
			.path("modelId")
			.path("uuid")
			.asString();
		this.datasetId = send("POST", "/v1/registry/" + this.projectId + "/dataset",
				bytes("{\"name\": \"d\", \"dataInfo\": {\"connectionInfo\":"
						+ " {\"dataFile\": {\"path\": \"s3://b/d.csv\"}}}}"),
				true)
			.json()
			.path("datasetId")
			.asString();
		this.jobId = send("POST", "/v1/stress-tests/" + this.projectId, bytes(validStressTest()), true).json()
			.path("job")
			.path("jobId")
			.asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> send("GET", "/v1/jobs/" + this.jobId, null, true).json().path("job").path("status").asString(),
					"JOB_STATUS_SUCCEEDED"::equals);
		this.testRunId = send("GET", "/v1/jobs/" + this.jobId + "/test-run-id", null, true).json()
			.path("testRunId")
			.asString();
		assertThat(this.testRunId).isNotEmpty();
		this.realTokens.add(send("GET", "/v1/test-cases?pageSize=2&listTestCasesQuery.testRunId=" + this.testRunId,
				null, true).json().path("nextPageToken").asString());
		this.realTokens.add(send("GET", "/v1/batch-results?pageSize=2&testRunId=" + this.testRunId, null, true).json()
			.path("nextPageToken")
			.asString());
		this.random = new Random(SEED);
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void randomRequestsGetWellFormedAnswersAndLeaveTheEmulatorWorking() {
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		long started = System.nanoTime();
		int unsendable = 0;
		for (int i = 0; i < REQUESTS; i++) {
			String[] route = pick(ROUTES).split(" ");
			String method = (this.random.nextInt(10) < 7) ? route[0] : pick(METHODS);
			String pathAndQuery = randomPath(route[1]) + randomQuery();
			byte[] body = randomBody(route[1]);
			int auth = this.random.nextInt(10);
			URI uri;
			try {
				uri = URI.create(this.emulator.baseUrl() + pathAndQuery);
			}
			catch (IllegalArgumentException ex) {
				unsendable++;
				continue;
			}
			Answer answer = send(method, uri, body, auth < 8, (auth == 9) ? "wrong-key" : null,
					this.random.nextInt(20) == 0 ? "idem-" + this.random.nextInt(5) : null);
			statuses.merge(answer.status(), 1, Integer::sum);
			String problem = problem(method, uri, auth < 8, answer);
			if (problem != null && failures.size() < 20) {
				failures.add("#" + i + " " + method + " " + shorten(uri.getRawPath() + "?" + uri.getRawQuery())
						+ " body=" + shorten(new String((body != null) ? body : new byte[0], StandardCharsets.UTF_8))
						+ " -> " + problem);
			}
		}
		long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		System.out.printf("Fuzz: %d requests (seed %d, %d unsendable URIs skipped) in %d ms; statuses %s%n",
				REQUESTS - unsendable, SEED, unsendable, millis, statuses);
		assertThat(failures).as("malformed or failed answers").isEmpty();
		assertThat(statuses.keySet()).as("the fuzz reached both successes and errors").contains(200, 400, 401, 404);

		String name = "after-fuzz-" + UUID.randomUUID();
		Answer created = send("POST", "/v1/projects",
				bytes("{\"name\": \"" + name + "\", \"description\": \"still works\"}"), true);
		assertThat(created.status()).as(created.text()).isEqualTo(200);
		String newProjectId = created.json().path("project").path("id").path("uuid").asString();
		Answer fetched = send("GET", "/v1/projects/" + newProjectId, null, true);
		assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
		assertThat(fetched.json().path("project").path("project").path("name").asString()).isEqualTo(name);
		assertThat(allProjectIds()).contains(this.emulator.defaultProjectId(), newProjectId);
		Answer job = send("GET", "/v1/jobs/" + this.jobId + "/test-run-id", null, true);
		assertThat(job.json().path("testRunId").asString()).isEqualTo(this.testRunId);
	}

	/**
	 * Page tokens are opaque, but a client can send any text: a token that decodes to an offset
	 * the emulator never issued must be a 400 like any other bad token, not an internal error.
	 */
	@Test
	void forgedPageTokensAreRejectedAsInvalidArguments() {
		List<String> failures = new ArrayList<>();
		for (String offset : List.of("-1", "-7", "2147483648", "99999999999", "1.5", "\"x\"")) {
			for (String path : List.of("/v1/batch-results?pageToken=" + forged("batches", offset),
					"/v1/test-cases?pageSize=3&pageToken=" + forged("cases", offset))) {
				Answer answer = send("GET", path, null, true);
				boolean invalidArgument = answer.status() == 400 && answer.json().path("code").asInt() == 3
						&& answer.json().path("message").asString().contains("pageToken");
				if (!invalidArgument) {
					failures.add("o=" + offset + " " + path.substring(0, path.indexOf('?')) + " -> " + answer.status()
							+ " " + answer.text());
				}
			}
		}
		assertThat(failures).as("forged page tokens not answered 400 INVALID_ARGUMENT naming pageToken").isEmpty();
	}

	/**
	 * The API key guards every {@code /v1} endpoint, however the path is spelled: a percent-encoded
	 * letter of {@code v1} still reaches the same endpoint, so it must still need the key.
	 */
	@Test
	void encodedPathsStillNeedTheApiKey() {
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/%761/projects", "/%76%31/projects", "/v%31/rime-info",
				"/%76%31/projects/" + this.projectId, "/%761/jobs/" + this.jobId)) {
			Answer answer = send("GET", path, null, false);
			if (answer.status() != 401) {
				failures.add(path + " without a key -> " + shorten(answer.text()));
			}
		}
		assertThat(failures).as("requests without the API key that were not 401").isEmpty();
	}

	private @Nullable String problem(String method, URI uri, boolean withKey, Answer answer) {
		if (answer.failure() != null) {
			return answer.failure();
		}
		int status = answer.status();
		if (status >= 500) {
			return "server error " + answer.text();
		}
		if (!withKey && status >= 200 && status < 300 && !uri.getRawPath().startsWith("/archived-logs/")) {
			return "answered " + status + " without the API key";
		}
		if (method.equals("HEAD")) {
			return null;
		}
		if (uri.getRawPath().startsWith("/archived-logs/") && status == 403) {
			return answer.contentType().startsWith("text/plain") ? null : "archived-log denial is not text";
		}
		if (!answer.contentType().startsWith("application/json")) {
			return "content type '" + answer.contentType() + "' for " + answer.text();
		}
		JsonNode json = answer.json();
		if (json == null || !json.isObject()) {
			return "body is not a JSON object: " + shorten(answer.text());
		}
		if (status >= 200 && status < 300) {
			return null;
		}
		boolean wellFormed = json.size() == 3 && json.path("code").isInt() && json.path("code").asInt() > 0
				&& json.path("message").isString() && !json.path("message").asString().isBlank()
				&& json.path("details").isArray();
		return wellFormed ? null : "error body is not {code, message, details}: " + shorten(answer.text());
	}

	private String randomPath(String template) {
		StringBuilder path = new StringBuilder();
		for (String segment : template.substring(1).split("/", -1)) {
			if (segment.isEmpty() && template.length() == 1) {
				break;
			}
			path.append('/');
			if (segment.startsWith("{")) {
				path.append(variable(segment));
			}
			else if (this.random.nextInt(60) == 0) {
				path.append(oddSegment());
			}
			else {
				path.append(segment);
			}
		}
		int extra = this.random.nextInt(20);
		if (extra == 0) {
			path.append('/').append(oddSegment());
		}
		else if (extra == 1) {
			path.append('/');
		}
		else if (extra == 2) {
			path.insert(0, "/..");
		}
		return (path.length() == 0) ? "/" : path.toString();
	}

	private String variable(String template) {
		int choice = this.random.nextInt(10);
		if (choice < 7) {
			return switch (template) {
				case "{projectId}" -> this.projectId;
				case "{jobId}" -> this.random.nextBoolean() ? this.jobId : this.testRunId;
				default -> "x";
			};
		}
		return (choice < 8) ? UUID.randomUUID().toString() : oddSegment();
	}

	private String oddSegment() {
		return switch (this.random.nextInt(16)) {
			case 0 -> "..";
			case 1 -> ".";
			case 2 -> "%2F";
			case 3 -> "%00";
			case 4 -> "a%2F..%2F..%2Fetc%2Fpasswd";
			case 5 -> "x".repeat(1 + this.random.nextInt(8_000));
			case 6 -> URLEncoder.encode("ünïcødé-😀-日本", StandardCharsets.UTF_8);
			case 7 -> "%C3%28%FF%FE";
			case 8 -> "%20%09";
			case 9 -> "a+b;c=d";
			case 10 -> "%7B%22uuid%22%3A%22x%22%7D";
			case 11 -> "-1";
			case 12 -> "99999999999999999999999999";
			case 13 -> "~!$&'()*,;=:@";
			case 14 -> "%25";
			default -> Long.toHexString(this.random.nextLong());
		};
	}

	private String randomQuery() {
		int count = this.random.nextInt(4);
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < count; i++) {
			query.append((i == 0) ? '?' : '&');
			query.append(pick(QUERY_NAMES)).append('=').append(queryValue());
		}
		if (this.random.nextInt(30) == 0) {
			query.append((count == 0) ? "?" : "&").append(pick(new String[] { "&&", "=", "a", "=x", "%25zz=1" }));
		}
		return query.toString();
	}

	private String queryValue() {
		return switch (this.random.nextInt(14)) {
			case 0 -> "-1";
			case 1 -> "0";
			case 2 -> "99999999999999999999999";
			case 3 -> "abc";
			case 4 -> "JOB_VIEW_FULL";
			case 5 -> "JOB_STATUS_SUCCEEDED";
			case 6 -> "JOB_STATUS_NOPE";
			case 7 -> this.testRunId;
			case 8 -> pick(this.realTokens.toArray(new String[0]));
			case 9 -> Base64.getUrlEncoder().encodeToString(randomJson(3).getBytes(StandardCharsets.UTF_8));
			case 10 -> URLEncoder.encode("ünï 😀 \u0000", StandardCharsets.UTF_8);
			case 11 -> "%25%32";
			case 12 -> "x".repeat(this.random.nextInt(3_000));
			default -> Integer.toString(this.random.nextInt(200));
		};
	}

	private byte @Nullable [] randomBody(String template) {
		return switch (this.random.nextInt(12)) {
			case 0 -> null;
			case 1 -> bytes(randomJson(4));
			case 2 -> truncated(validBody(template));
			case 3 -> bytes(wrongTypes(validBody(template)));
			case 4 -> bytes(hugeNumbers());
			case 5 -> bytes(deeplyNested(900 + this.random.nextInt(200)));
			case 6 -> bytes("{\"name\": \"deep-" + this.random.nextInt(1_000_000)
					+ "\", \"description\": \"d\", \"runTimeInfo\": "
					+ deeplyNested(50 + this.random.nextInt(400)) + "}");
			case 7 -> garbage();
			case 8, 9 -> bytes(validBody(template));
			case 10 -> bytes(wrongTypes(validStressTest()));
			default -> bytes(pick(new String[] { "", "null", "[]", "\"text\"", "42", "{}", "{\"name\": null}",
					"{\"a\":1,\"a\":2}", "\uFEFF{}", "{\"name\": \"\\ud800\"}" }));
		};
	}

	private String validBody(String template) {
		int kind;
		if (template.equals("/v1/projects")) {
			kind = 0;
		}
		else if (template.endsWith("/dataset")) {
			kind = 1;
		}
		else if (template.endsWith("/model")) {
			kind = 2;
		}
		else {
			kind = template.startsWith("/v1/stress-tests") ? 3 : this.random.nextInt(4);
		}
		return switch (kind) {
			case 0 -> "{\"name\": \"p-" + this.random.nextInt(1_000_000) + "\", \"description\": \"fuzz\","
					+ " \"modelTask\": \"MODEL_TASK_REGRESSION\", \"tags\": [\"a\"]}";
			case 1 -> "{\"name\": \"d-" + this.random.nextInt(1_000_000)
					+ "\", \"dataInfo\": {\"connectionInfo\": {\"dataFile\": {\"path\": \"s3://b/d.csv\"}},"
					+ " \"dataParams\": {\"labelCol\": \"Age\", \"nrows\": \"10\"}}}";
			case 2 -> "{\"name\": \"m-" + this.random.nextInt(1_000_000)
					+ "\", \"modelInfo\": {\"huggingFace\": {\"modelUri\": \"hf://x\"}}}";
			default -> validStressTest();
		};
	}

	private String validStressTest() {
		return "{\"testRunConfig\": {\"runName\": \"r\", \"modelId\": {\"uuid\": \"" + this.modelId
				+ "\"}, \"dataInfo\": {\"evalDatasetId\": \"" + this.datasetId + "\"},"
				+ " \"runTimeInfo\": {\"randomSeed\": \"7\", \"resourceRequest\": {\"ramRequestMegabytes\": \"100\"},"
				+ " \"customImage\": {\"customImage\": {\"name\": \"img\", \"pullSecret\": {\"name\": \"s\"}}}},"
				+ " \"categories\": [\"TEST_CATEGORY_TYPE_DRIFT\"]}}";
	}

	/** Replaces the value of one real field name with a value of a random other type. */
	private String wrongTypes(String body) {
		String field = pick(FIELD_NAMES);
		String marker = "\"" + field + "\": ";
		int at = body.indexOf(marker);
		String replacement = pick(new String[] { "5", "-1", "true", "null", "[]", "[1, \"a\"]", "{}", "\"\"", "\"x\"",
				"1e400", "18446744073709551616", "{\"uuid\": 5}", "{\"uuid\": \"\"}", "\"MODEL_TASK_NOPE\"" });
		if (at < 0) {
			return "{" + marker + replacement + "}";
		}
		int start = at + marker.length();
		int end = endOfValue(body, start);
		return body.substring(0, start) + replacement + body.substring(end);
	}

	private static int endOfValue(String text, int start) {
		int depth = 0;
		boolean quoted = false;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					quoted = false;
					if (depth == 0) {
						return i + 1;
					}
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (depth == 0) {
					return i;
				}
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			else if (c == ',' && depth == 0) {
				return i;
			}
		}
		return text.length();
	}

	private String hugeNumbers() {
		String digits = "9".repeat(1 + this.random.nextInt(2_000));
		return pick(new String[] { "{\"name\": " + digits + ", \"description\": \"d\"}",
				"{\"pageSize\": \"" + digits + "\", \"nrows\": 1e99999}",
				"{\"testRunConfig\": {\"runName\": \"r\", \"runTimeInfo\": {\"randomSeed\": " + digits + "}}}",
				"{\"testRunConfig\": {\"runName\": \"r\", \"modelId\": {\"uuid\": \"" + this.modelId
						+ "\"}, \"dataInfo\": {\"evalDatasetId\": \"" + this.datasetId
						+ "\"}, \"runTimeInfo\": {\"randomSeed\": -" + digits + ", \"resourceRequest\":"
						+ " {\"cpuRequestMillicores\": 1.5e308}}}}",
				"[" + digits + "." + digits + "e-" + digits + "]" });
	}

	private String deeplyNested(int depth) {
		boolean arrays = this.random.nextBoolean();
		StringBuilder json = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			json.append(arrays ? "[" : "{\"a\":");
		}
		json.append("1");
		for (int i = 0; i < depth; i++) {
			json.append(arrays ? "]" : "}");
		}
		return json.toString();
	}

	private String randomJson(int depth) {
		int kind = this.random.nextInt((depth <= 0) ? 5 : 7);
		return switch (kind) {
			case 0 -> "null";
			case 1 -> Boolean.toString(this.random.nextBoolean());
			case 2 -> (this.random.nextBoolean()) ? Long.toString(this.random.nextLong())
					: Double.toString(this.random.nextGaussian() * 1e6);
			case 3 -> "\"" + pick(FIELD_NAMES) + "\"";
			case 4 -> "\"\\u00e9\\n\\t" + "\\\"".repeat(this.random.nextInt(3)) + "\"";
			case 5 -> {
				StringBuilder array = new StringBuilder("[");
				int size = this.random.nextInt(4);
				for (int i = 0; i < size; i++) {
					array.append((i > 0) ? "," : "").append(randomJson(depth - 1));
				}
				yield array.append(']').toString();
			}
			default -> {
				StringBuilder object = new StringBuilder("{");
				int size = this.random.nextInt(5);
				for (int i = 0; i < size; i++) {
					object.append((i > 0) ? "," : "")
						.append('"')
						.append(pick(FIELD_NAMES))
						.append("\":")
						.append(randomJson(depth - 1));
				}
				yield object.append('}').toString();
			}
		};
	}

	private byte[] truncated(String json) {
		byte[] all = bytes(json);
		return Arrays.copyOf(all, this.random.nextInt(all.length));
	}

	private byte[] garbage() {
		byte[] bytes = new byte[this.random.nextInt(4_096)];
		this.random.nextBytes(bytes);
		if (bytes.length > 0 && this.random.nextBoolean()) {
			bytes[0] = '{';
		}
		return bytes;
	}

	private String forged(String kind, String offset) {
		String state = "{\"r\":\"" + this.testRunId + "\",\"o\":" + offset + ",\"k\":\"" + kind + "\"}";
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(state));
	}

	private List<String> allProjectIds() {
		List<String> ids = new ArrayList<>();
		String query = "?pageSize=50";
		for (int page = 0; page < 1_000; page++) {
			Answer answer = send("GET", "/v1/projects" + query, null, true);
			assertThat(answer.status()).as(answer.text()).isEqualTo(200);
			answer.json()
				.path("projects")
				.forEach((project) -> ids.add(project.path("project").path("id").path("uuid").asString()));
			if (!answer.json().path("hasMore").asBoolean(false)) {
				return ids;
			}
			query = "?pageSize=50&pageToken="
					+ URLEncoder.encode(answer.json().path("nextPageToken").asString(), StandardCharsets.UTF_8);
		}
		throw new AssertionError("the project list does not end");
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\s+", " ");
		return (oneLine.length() > 160) ? oneLine.substring(0, 160) + "…(" + oneLine.length() + " chars)" : oneLine;
	}

	private Answer send(String method, String pathAndQuery, byte @Nullable [] body, boolean withKey) {
		Answer answer = send(method, URI.create(this.emulator.baseUrl() + pathAndQuery), body, withKey, null, null);
		assertThat(answer.failure()).as(method + " " + pathAndQuery).isNull();
		return answer;
	}

	private Answer send(String method, URI uri, byte @Nullable [] body, boolean withKey, @Nullable String wrongKey,
			@Nullable String idempotencyKey) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(REQUEST_TIMEOUT)
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofByteArray(body)
					: HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (withKey) {
			request.header("rime-api-key", this.emulator.apiKey());
		}
		else if (wrongKey != null) {
			request.header("rime-api-key", wrongKey);
		}
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		try {
			HttpResponse<byte[]> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), null);
		}
		catch (HttpTimeoutException ex) {
			return new Answer(0, "", new byte[0], "no answer within " + REQUEST_TIMEOUT.toSeconds() + " s (hang)");
		}
		catch (IOException ex) {
			return new Answer(0, "", new byte[0], "connection failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Answer(int status, String contentType, byte[] body, @Nullable String failure) {

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

}
