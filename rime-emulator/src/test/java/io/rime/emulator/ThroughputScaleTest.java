package io.rime.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures the emulator at scale and prints the figures: {@code GET /v1/jobs/{id}} from 16
 * concurrent keep-alive clients (the JDK {@link HttpClient} and {@link HttpURLConnection}), stress
 * test starts from 8 clients, and the start time. Machines are shared and noisy, so it asserts only
 * that every answer is right, never a time.
 */
@Tag("slow")
class ThroughputScaleTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int GET_THREADS = 16;

	private static final int GETS = 40_000;

	private static final int GET_WARM_UP = 4_000;

	private static final int POST_THREADS = 8;

	private static final int POSTS = 2_000;

	private static final int POST_WARM_UP = 80;

	private static final int STARTS = 20;

	static {
		// HttpURLConnection keeps at most 5 idle connections per host by default (read once, when the
		// keep-alive cache is first used); 16 keep-alive clients need 16.
		if (System.getProperty("http.maxConnections") == null) {
			System.setProperty("http.maxConnections", "32");
		}
	}

	@Test
	void measuresThroughputLatencyAndStartTime() throws Exception {
		StartTimes startTimes = measureStartTimes();

		try (RimeEmulator emulator = RimeEmulator.builder().runningDuration(Duration.ofHours(1)).build().start()) {
			String projectId = emulator.defaultProjectId();
			String stressTest = registerAndDescribeStressTest(emulator, projectId);
			String jobId = startStressTest(newHttpClient(), emulator, projectId, stressTest);
			URI jobUri = URI.create(emulator.baseUrl() + "/v1/jobs/" + jobId);
			String key = emulator.apiKey();

			ConcurrentLoad.Figures jdk = ConcurrentLoad.run(GET_THREADS, GETS, GET_WARM_UP, () -> {
				HttpClient client = newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(jobUri).header("rime-api-key", key).build();
				return () -> {
					HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
					return (response.statusCode() == 200 && response.body().length > 0) ? 200 : response.statusCode();
				};
			});
			ConcurrentLoad.Figures urlConnection = ConcurrentLoad.run(GET_THREADS, GETS, GET_WARM_UP, () -> {
				URL url = toUrl(jobUri);
				return () -> {
					HttpURLConnection connection = (HttpURLConnection) url.openConnection();
					connection.setRequestProperty("rime-api-key", key);
					int status = connection.getResponseCode();
					try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
						byte[] body = (in != null) ? in.readAllBytes() : new byte[0];
						return (status == 200 && body.length > 0) ? 200 : status;
					}
				};
			});
			URI startUri = URI.create(emulator.baseUrl() + "/v1/stress-tests/" + projectId);
			ConcurrentLoad.Figures starts = ConcurrentLoad.run(POST_THREADS, POSTS, POST_WARM_UP, () -> {
				HttpClient client = newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(startUri)
					.header("rime-api-key", key)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(stressTest))
					.build();
				return () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
			});

			System.out.println("Scale: GET /v1/jobs/{id}: JDK HttpClient " + jdk + "; HttpURLConnection "
					+ urlConnection);
			System.out.println("Scale: POST /v1/stress-tests/{projectId}: " + starts);
			System.out.println("Scale: emulator start (builder to start() returning): " + startTimes.summary());

			assertThat(jdk.failures()).as("non-200 answers to the JDK HttpClient").isZero();
			assertThat(urlConnection.failures()).as("non-200 answers to HttpURLConnection").isZero();
			assertThat(starts.failures()).as("non-200 answers to stress test starts").isZero();
			assertThat(jobIds(emulator, projectId)).as("stress test jobs in the project, all distinct")
				.hasSize(1 + POST_WARM_UP + POSTS)
				.doesNotHaveDuplicates()
				.contains(jobId);
		}
	}

	private static StartTimes measureStartTimes() {
		long first = timeOneStart();
		long[] later = new long[STARTS];
		for (int i = 0; i < STARTS; i++) {
			later[i] = timeOneStart();
		}
		Arrays.sort(later);
		return new StartTimes(first, later[STARTS / 2], later[STARTS - 1]);
	}

	private static long timeOneStart() {
		long started = System.nanoTime();
		RimeEmulator emulator = RimeEmulator.builder().build().start();
		long elapsed = System.nanoTime() - started;
		try (emulator) {
			assertThat(emulator.port()).isPositive();
		}
		return elapsed;
	}

	private static String registerAndDescribeStressTest(RimeEmulator emulator, String projectId) throws Exception {
		HttpClient client = newHttpClient();
		JsonNode model = post(client, emulator, "/v1/registry/" + projectId + "/model",
				"{\"name\": \"scale-model\", \"modelInfo\": {\"modelPath\": {\"path\": \"s3://bucket/model.py\"}}}");
		JsonNode dataset = post(client, emulator, "/v1/registry/" + projectId + "/dataset",
				"{\"name\": \"scale-eval\", \"dataInfo\": {\"connectionInfo\": {\"dataFile\": {\"path\": \"s3://bucket/eval.csv\"}}}}");
		return "{\"testRunConfig\": {\"runName\": \"scale\", \"modelId\": {\"uuid\": \""
				+ model.path("modelId").path("uuid").asString() + "\"}, \"dataInfo\": {\"evalDatasetId\": \""
				+ dataset.path("datasetId").asString() + "\"}}}";
	}

	private static String startStressTest(HttpClient client, RimeEmulator emulator, String projectId, String body)
			throws Exception {
		return post(client, emulator, "/v1/stress-tests/" + projectId, body).path("job").path("jobId").asString();
	}

	private static JsonNode post(HttpClient client, RimeEmulator emulator, String path, String body) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
			.header("rime-api-key", emulator.apiKey())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static List<String> jobIds(RimeEmulator emulator, String projectId) throws Exception {
		HttpURLConnection connection = (HttpURLConnection) toUrl(
				URI.create(emulator.baseUrl() + "/v1/jobs/project/" + projectId + "?pageSize=10000")).openConnection();
		connection.setRequestProperty("rime-api-key", emulator.apiKey());
		assertThat(connection.getResponseCode()).isEqualTo(200);
		JsonNode page;
		try (InputStream in = connection.getInputStream()) {
			page = JSON.readTree(in);
		}
		assertThat(page.path("hasMore").asBoolean()).as("one page holds all jobs").isFalse();
		List<String> ids = new ArrayList<>();
		page.path("jobs").forEach((job) -> ids.add(job.path("jobId").asString()));
		return ids;
	}

	private static HttpClient newHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	private static URL toUrl(URI uri) {
		try {
			return uri.toURL();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String millis(long nanos) {
		return String.format("%.2f ms", nanos / 1e6);
	}

	private record StartTimes(long firstNanos, long medianNanos, long maxNanos) {

		String summary() {
			return "first " + millis(this.firstNanos) + ", median of " + STARTS + " more " + millis(this.medianNanos)
					+ " (max " + millis(this.maxNanos) + ")";
		}

	}

}
