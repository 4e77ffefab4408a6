package io.rime.benchmarks;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.rime.client.RimeClient;
import io.rime.emulator.ConcurrentLoad;
import io.rime.emulator.RimeEmulator;

/**
 * P5: the emulator's {@code GET /v1/jobs/{id}} throughput from 16 concurrent keep-alive clients
 * and its {@code POST /v1/stress-tests/{projectId}} throughput from 8, both over
 * {@code HttpURLConnection}. Writes {@code p5-emulator.json}.
 */
public final class EmulatorThroughputBenchmark {

	private static final int GET_THREADS = 16;

	private static final int POST_THREADS = 8;

	static {
		// HttpURLConnection keeps 5 idle connections per host by default; 16 keep-alive clients need 16.
		System.setProperty("http.maxConnections", "32");
	}

	private EmulatorThroughputBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the number of timed GETs (default 40,000) and POSTs (default 4,000)
	 * @throws Exception if the run fails
	 */
	public static void main(String[] args) throws Exception {
		int gets = (args.length > 0) ? Integer.parseInt(args[0]) : 40_000;
		int posts = (args.length > 1) ? Integer.parseInt(args[1]) : 4_000;
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(BenchSupport.API_KEY)
			.validationDuration(Duration.ofMillis(1))
			.runningDuration(Duration.ofHours(1))
			.build()
			.start(); RimeClient client = BenchSupport.client(emulator)) {
			String projectId = emulator.defaultProjectId();
			byte[] config = BenchSupport.JSON.writeValueAsBytes(
					Map.of("testRunConfig", emulator.seed().testRunConfig(projectId)));
			URL startUrl = emulator.baseUrl().resolve("/v1/stress-tests/" + projectId).toURL();
			String jobId = client.startStressTest(emulator.seed().testRunConfig(projectId), projectId)
				.jobId();
			URL jobUrl = emulator.baseUrl().resolve("/v1/jobs/" + jobId + "?view=JOB_VIEW_FULL").toURL();

			ConcurrentLoad.Figures get = ConcurrentLoad.run(GET_THREADS, gets, gets / 10, () -> () -> get(jobUrl));
			System.out.println("P5 GET /v1/jobs/{id}: " + get);
			ConcurrentLoad.Figures post = ConcurrentLoad.run(POST_THREADS, posts, posts / 20,
					() -> () -> post(startUrl, config));
			System.out.println("P5 POST /v1/stress-tests/{projectId}: " + post);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("getJob", get);
			result.put("startStressTest", post);
			result.put("getGoalPerSecond", 5000);
			BenchSupport.writeResult("p5-emulator", result);
		}
	}

	private static int get(URL url) throws Exception {
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		connection.setRequestProperty("rime-api-key", BenchSupport.API_KEY);
		return drain(connection);
	}

	private static int post(URL url, byte[] body) throws Exception {
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		connection.setRequestMethod("POST");
		connection.setDoOutput(true);
		connection.setFixedLengthStreamingMode(body.length);
		connection.setRequestProperty("rime-api-key", BenchSupport.API_KEY);
		connection.setRequestProperty("Content-Type", "application/json");
		try (OutputStream out = connection.getOutputStream()) {
			out.write(body);
		}
		return drain(connection);
	}

	// Reading the body to its end returns the connection to the keep-alive cache.
	private static int drain(HttpURLConnection connection) throws Exception {
		int status = connection.getResponseCode();
		try (InputStream in = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
			if (in != null) {
				in.transferTo(OutputStream.nullOutputStream());
			}
		}
		return status;
	}

}
