package io.rime.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;

/**
 * P4: a 1,000,000-test-case run written to CSV by {@code getResultCsv}, beside the same pages
 * fetched with {@code HttpURLConnection}, mapped by Jackson and written by hand: time and heap
 * growth (in a second run, beside a thread that measures the live heap every 50 ms). Writes
 * {@code p4-results.json}.
 */
public final class ResultsBenchmark {

	private static final String HEADER = "test_name,feature(s),status,test_type,severity,importance_score,"
			+ "test_category\r\n";

	private ResultsBenchmark() {
	}

	/**
	 * Run the benchmark.
	 * @param args optionally the number of test cases (default 1,000,000)
	 * @throws Exception if the run fails
	 */
	public static void main(String[] args) throws Exception {
		int testCases = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		Path directory = Files.createTempDirectory("rime-bench-results");
		try (RimeEmulator emulator = RimeEmulator.builder()
			.apiKey(BenchSupport.API_KEY)
			.pendingDuration(Duration.ofMillis(1))
			.runningDuration(Duration.ofMillis(10))
			.validationDuration(Duration.ofMillis(1))
			.testCasesPerRun(testCases)
			.build()
			.start(); RimeClient client = BenchSupport.client(emulator)) {
			String projectId = emulator.defaultProjectId();
			RimeStressTestJob job = client.startStressTest(emulator.seed().testRunConfig(projectId),
					projectId);
			job.waitUntilFinish(Duration.ofMillis(10), Duration.ofSeconds(30));
			Path sdkFile = directory.resolve("sdk.csv");
			Path handFile = directory.resolve("hand.csv");
			// One untimed pass of each warms up the code paths.
			job.getResultCsv(sdkFile);
			byHand(emulator, job.jobId(), handFile);

			Map<String, Object> result = new LinkedHashMap<>();
			result.put("testCases", testCases);
			result.put("sdk", measure(() -> job.getResultCsv(sdkFile), sdkFile));
			result.put("byHand", measure(() -> byHand(emulator, job.jobId(), handFile), handFile));
			result.put("goalHeapGrowthBytes", 32L * 1024 * 1024);
			System.out.println("P4 " + result);
			BenchSupport.writeResult("p4-results", result);
		}
		finally {
			try (var files = Files.list(directory)) {
				for (Path file : files.toList()) {
					Files.delete(file);
				}
			}
			Files.delete(directory);
		}
	}

	private static Map<String, Object> measure(Download download, Path file) throws IOException {
		Map<String, Object> figures = new LinkedHashMap<>();
		long started = System.nanoTime();
		download.run();
		figures.put("seconds", (System.nanoTime() - started) / 1e9);
		figures.put("fileBytes", Files.size(file));
		try (HeapGrowth heap = new HeapGrowth()) {
			download.run();
			figures.put("heapGrowthBytes", heap.bytes());
			figures.put("heapSamples", heap.samples());
		}
		return figures;
	}

	/**
	 * What a user writes without the SDK: read the test run id, the batch names, then every page
	 * of test cases, writing each row as it comes.
	 */
	private static void byHand(RimeEmulator emulator, String jobId, Path file) throws IOException {
		Map<String, Object> job = get(emulator, "/v1/jobs/" + jobId + "?view=JOB_VIEW_BASIC", Map.class);
		String testRunId = (String) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) job.get("job")).get("jobData"))
			.get("stress")).get("testRunId");
		Map<String, ResultPages.Batch> batches = new HashMap<>();
		String query = "testRunId=" + encode(testRunId);
		for (String token = null;;) {
			ResultPages.Batches page = get(emulator, "/v1/batch-results?pageSize=100&"
					+ ((token != null) ? "pageToken=" + encode(token) : query), ResultPages.Batches.class);
			page.testBatches().forEach((batch) -> batches.put(batch.testType(), batch));
			token = page.nextPageToken();
			if (!Boolean.TRUE.equals(page.hasMore())) {
				break;
			}
		}
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			writer.write(HEADER);
			query = "listTestCasesQuery.testRunId=" + encode(testRunId);
			for (String token = null;;) {
				ResultPages.TestCases page = get(emulator, "/v1/test-cases?pageSize=1000&"
						+ ((token != null) ? "pageToken=" + encode(token) : query), ResultPages.TestCases.class);
				for (ResultPages.TestCase testCase : page.testCases()) {
					ResultPages.Batch batch = batches.get(testCase.testBatchType());
					writer.write(ResultPages.row(testCase, batch));
				}
				token = page.nextPageToken();
				if (!Boolean.TRUE.equals(page.hasMore())) {
					break;
				}
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T get(RimeEmulator emulator, String pathAndQuery, Class<?> type) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) URI.create(emulator.baseUrl() + pathAndQuery).toURL()
			.openConnection();
		connection.setRequestProperty("rime-api-key", BenchSupport.API_KEY);
		if (connection.getResponseCode() != 200) {
			throw new IOException("GET " + pathAndQuery + " answered " + connection.getResponseCode());
		}
		try (InputStream body = connection.getInputStream()) {
			return (T) BenchSupport.JSON.readValue(body, type);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@FunctionalInterface
	private interface Download {

		void run() throws IOException;

	}

	/**
	 * The hand-written client's view of the result pages.
	 */
	static final class ResultPages {

		private ResultPages() {
		}

		static String row(TestCase testCase, Batch batch) {
			String type = (testCase.testBatchType() != null) ? testCase.testBatchType() : "";
			String name = (batch != null && batch.testName() != null) ? batch.testName() : type;
			String features = (testCase.features() != null) ? String.join(",", testCase.features()) : "";
			String category = (testCase.testCategory() != null) ? testCase.testCategory()
					: (batch != null && batch.testCategory() != null) ? batch.testCategory()
							: "TEST_CATEGORY_TYPE_UNSPECIFIED";
			String status = (testCase.status() == null || testCase.status().equals("TEST_CASE_STATUS_PASS_UNSPECIFIED"))
					? "TEST_CASE_STATUS_PASS" : testCase.status();
			String severity = (testCase.severity() != null) ? testCase.severity() : "SEVERITY_UNSPECIFIED";
			return quote(name) + ',' + quote(features) + ',' + status + ',' + type + ',' + severity + ','
					+ ((testCase.importanceScore() != null) ? testCase.importanceScore() : 0.0) + ',' + category + "\r\n";
		}

		private static String quote(String field) {
			return (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) ? '"' + field.replace("\"", "\"\"") + '"'
					: field;
		}

		record Batches(List<Batch> testBatches, String nextPageToken, Boolean hasMore) {
		}

		record Batch(String testType, String testName, String testCategory) {
		}

		record TestCases(List<TestCase> testCases, String nextPageToken, Boolean hasMore) {
		}

		record TestCase(String testBatchType, List<String> features, String status, String severity,
				Double importanceScore, String testCategory) {
		}

	}

}
