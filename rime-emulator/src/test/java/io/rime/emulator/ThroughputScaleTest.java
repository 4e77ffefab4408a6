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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

			Load jdk = run(GET_THREADS, GETS, GET_WARM_UP, () -> {
				HttpClient client = newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(jobUri).header("rime-api-key", key).build();
				return () -> {
					HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
					return (response.statusCode() == 200 && response.body().length > 0) ? 200 : response.statusCode();
				};
			});
			Load urlConnection = run(GET_THREADS, GETS, GET_WARM_UP, () -> {
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
			Load starts = run(POST_THREADS, POSTS, POST_WARM_UP, () -> {
				HttpClient client = newHttpClient();
				HttpRequest request = HttpRequest.newBuilder(startUri)
					.header("rime-api-key", key)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(stressTest))
					.build();
				return () -> client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
			});

			System.out.println("Scale: GET /v1/jobs/{id}, " + GET_THREADS + " threads, " + GETS
					+ " requests: JDK HttpClient " + jdk.summary() + "; HttpURLConnection " + urlConnection.summary());
			System.out.println("Scale: POST /v1/stress-tests/{projectId}, " + POST_THREADS + " threads, " + POSTS
					+ " requests: " + starts.summary());
			System.out.println("Scale: emulator start (builder to start() returning): " + startTimes.summary());

			assertThat(jdk.failures()).as("non-200 answers to the JDK HttpClient").isEmpty();
			assertThat(urlConnection.failures()).as("non-200 answers to HttpURLConnection").isEmpty();
			assertThat(starts.failures()).as("non-200 answers to stress test starts").isEmpty();
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

	/**
	 * Runs {@code total} calls spread over {@code threads} threads, each with its own client, after
	 * {@code warmUp} untimed calls; the clock runs from the moment all threads are warm.
	 */
	private static Load run(int threads, int total, int warmUp, Supplier<Call> clients) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		CountDownLatch warm = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		int perThread = total / threads;
		try {
			List<Future<long[]>> results = new ArrayList<>();
			List<String> failures = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				results.add(executor.submit(() -> {
					Call call = clients.get();
					for (int i = 0; i < warmUp / threads; i++) {
						check(call.status(), failures);
					}
					warm.countDown();
					go.await();
					long[] latencies = new long[perThread];
					for (int i = 0; i < perThread; i++) {
						long started = System.nanoTime();
						int status = call.status();
						latencies[i] = System.nanoTime() - started;
						check(status, failures);
					}
					return latencies;
				}));
			}
			assertThat(warm.await(60, TimeUnit.SECONDS)).as("clients warmed up").isTrue();
			long started = System.nanoTime();
			go.countDown();
			long[] all = new long[perThread * threads];
			for (int t = 0; t < threads; t++) {
				System.arraycopy(results.get(t).get(120, TimeUnit.SECONDS), 0, all, t * perThread, perThread);
			}
			long elapsed = System.nanoTime() - started;
			Arrays.sort(all);
			return new Load(all.length, elapsed, all, List.copyOf(failures));
		}
		catch (ExecutionException ex) {
			throw new AssertionError("a client failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void check(int status, List<String> failures) {
		if (status != 200) {
			synchronized (failures) {
				if (failures.size() < 10) {
					failures.add("HTTP " + status);
				}
			}
		}
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

	/**
	 * One client's way to make the measured call.
	 */
	@FunctionalInterface
	private interface Call {

		int status() throws IOException, InterruptedException;

	}

	private record Load(int requests, long elapsedNanos, long[] sortedLatencies, List<String> failures) {

		String summary() {
			double perSecond = this.requests / (this.elapsedNanos / 1e9);
			return String.format("%.0f req/s, p50 %s, p99 %s", perSecond, percentile(0.50), percentile(0.99));
		}

		private String percentile(double p) {
			return millis(this.sortedLatencies[(int) Math.round(p * (this.sortedLatencies.length - 1))]);
		}

	}

	private record StartTimes(long firstNanos, long medianNanos, long maxNanos) {

		String summary() {
			return "first " + millis(this.firstNanos) + ", median of " + STARTS + " more " + millis(this.medianNanos)
					+ " (max " + millis(this.maxNanos) + ")";
		}

	}

}
