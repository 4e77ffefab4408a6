package io.rime.emulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stress tests on local CSV files get computed data checks through the REST API; other runs keep
 * generated results.
 */
class DataChecksEndpointTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));

	private final List<RimeEmulator> emulators = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void stop() {
		this.emulators.forEach(RimeEmulator::close);
	}

	@Test
	void aStressTestOnLocalCsvFilesReportsComputedChecksAndSkipsTheModelOnes() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().clock(this.clock));
		Path ref = write("ref.csv", "x,colour,survived\n", 300, (i) -> (i % 50) + "," + colour(i) + "," + (i % 2));
		Path eval = write("eval.csv", "x,colour,survived\n", 300, (i) -> (i % 50 + 30) + "," + colour(i) + "," + (i % 2));

		String testRunId = succeeded(http, start(http, ref, eval, "survived", null));

		JsonNode x = testCase(http, testRunId, "numeric_feature_drift");
		assertThat(x.path("features").toString()).isEqualTo("[\"x\"]");
		assertThat(x.path("status").asString()).isEqualTo("TEST_CASE_STATUS_FAIL");
		assertThat(x.path("severity").asString()).isEqualTo("SEVERITY_ALERT");
		assertThat(x.path("metrics").get(0).path("metric").asString()).isEqualTo("psi");
		assertThat(x.path("metrics").get(0).path("floatValue").asDouble()).isGreaterThan(0.6);
		JsonNode batches = http.get("/v1/batch-results?testRunId=" + testRunId + "&pageSize=100").ok().path("testBatches");
		List<String> types = new ArrayList<>();
		batches.forEach((batch) -> types.add(batch.path("testType").asString()));
		assertThat(types).containsExactly("numeric_feature_drift", "categorical_feature_drift",
				"categorical_label_drift", "null_proportion", "row_null_proportion", "unseen_categorical",
				"numeric_outliers", "out_of_range", "null_check", "duplicate_rows", "overall_metrics", "subset_accuracy",
				"out_of_range_substitution", "empty_string_substitution", "single_feature_changes", "demographic_parity");
		assertThat(batches.get(10).path("summaryCounts").path("total").asString()).isEqualTo("1");
		JsonNode adversarial = batches.get(14);
		assertThat(adversarial.path("summaryCounts").path("skip").asString())
			.isEqualTo(adversarial.path("summaryCounts").path("total").asString());
		assertThat(adversarial.path("description").asString()).contains("needs the model");
		assertThat(batches.get(0).path("failingFeatures").toString()).isEqualTo("[\"x\"]");
		assertThat(Long.parseLong(batches.get(0).path("durationInMillis").asString())).isNotNegative();
	}

	@Test
	void theRequestedCategoriesChooseWhatRuns() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().clock(this.clock));
		Path ref = write("ref.csv", "x,y\n", 150, (i) -> i % 20 + "," + i % 3);

		String testRunId = succeeded(http, start(http, ref, ref, null, "[\"TEST_CATEGORY_TYPE_DATA_CLEANLINESS\"]"));

		JsonNode batches = http.get("/v1/batch-results?testRunId=" + testRunId).ok().path("testBatches");
		assertThat(batches).hasSize(1);
		assertThat(batches.get(0).path("testName").asString()).isEqualTo("Duplicate Row");
	}

	@Test
	void fileUrisDeclaredCategoricalFeaturesAndGloballyExcludedColumnsAreHonoured() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().clock(this.clock));
		Path data = write("data.csv", "code,x,secret\n", 200, (i) -> (i % 20) + "," + (i % 30) + "," + i);
		String projectId = http.emulator().defaultProjectId();
		String datasetId = http.post("/v1/registry/" + projectId + "/dataset", "{\"name\":\"data\",\"dataInfo\":{"
				+ "\"connectionInfo\":{\"dataFile\":{\"path\":\"" + data.toUri() + "\"}},"
				+ "\"dataParams\":{\"categoricalFeatures\":[\"code\"]}}}").ok().path("datasetId").asString();
		String modelId = http.post("/v1/registry/" + projectId + "/model",
				"{\"name\":\"model\",\"modelInfo\":{\"modelPath\":{\"path\":\"s3://models/m.py\"}}}").ok()
			.path("modelId").path("uuid").asString();
		String jobId = http.post("/v1/stress-tests/" + projectId, "{\"testRunConfig\":{\"runName\":\"uri\",\"modelId\":{"
				+ "\"uuid\":\"" + modelId + "\"},\"dataInfo\":{\"refDatasetId\":\"" + datasetId + "\",\"evalDatasetId\":\""
				+ datasetId + "\"},\"testSuiteConfig\":{\"globalExcludeColumns\":[\"secret\"]}}}").ok().path("job")
			.path("jobId").asString();

		String testRunId = succeeded(http, jobId);

		JsonNode cases = http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId + "&pageSize=200").ok()
			.path("testCases");
		List<String> found = new ArrayList<>();
		cases.forEach((testCase) -> found.add(testCase.path("testBatchType").asString() + " " + testCase.path("features")));
		assertThat(found).contains("categorical_feature_drift [\"code\"]", "numeric_feature_drift [\"x\"]")
			.noneMatch((testCase) -> testCase.contains("secret"));
	}

	@Test
	void aMalformedCsvFailsTheJobWithTheFileLineAndProblemInItsErrorAndLogs() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().clock(this.clock));
		Path ref = write("ref.csv", "x,y\n", 150, (i) -> i % 20 + "," + i % 3);
		Path eval = Files.writeString(this.temp.resolve("eval.csv"), "x,y\n1,2\n3,4,5\n");

		String jobId = start(http, ref, eval, null, null);
		this.clock.advance(Duration.ofMinutes(1));

		JsonNode job = http.get("/v1/jobs/" + jobId + "?view=JOB_VIEW_FULL").ok().path("job");
		assertThat(job.path("status").asString()).isEqualTo("JOB_STATUS_FAILED");
		String expected = "data file '" + eval + "', line 3: 3 fields, but the header has 2";
		assertThat(job.path("errorMsg").asString()).endsWith(expected);
		String logsUrl = job.path("archivedJobLogs").path("url").path("url").asString();
		String logs = http.get(logsUrl.substring(http.emulator().baseUrl().toString().length())).body();
		assertThat(logs).contains(expected);
	}

	@Test
	void aLabelColumnMissingFromTheReferenceFailsTheJob() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().clock(this.clock));
		Path ref = write("ref.csv", "x,y\n", 150, (i) -> i % 20 + "," + i % 3);
		Path eval = write("eval.csv", "x,y,label\n", 150, (i) -> i % 20 + "," + i % 3 + ",1");

		String jobId = start(http, ref, eval, "label", null);
		this.clock.advance(Duration.ofMinutes(1));

		JsonNode job = http.get("/v1/jobs/" + jobId).ok().path("job");
		assertThat(job.path("status").asString()).isEqualTo("JOB_STATUS_FAILED");
		assertThat(job.path("errorMsg").asString())
			.endsWith("data file '" + ref + "', line 1: the label column 'label' is missing; its columns are x, y");
	}

	@Test
	void remoteDataLoadRunsAndTheOptOutKeepGeneratedResults() throws IOException {
		Path ref = write("ref.csv", "x,y\n", 150, (i) -> i % 20 + "," + i % 3);
		EmulatorHttp remote = http(RimeEmulator.builder().clock(this.clock));
		EmulatorHttp load = http(RimeEmulator.builder().clock(this.clock).testCasesPerRun(30));
		EmulatorHttp optOut = http(RimeEmulator.builder().clock(this.clock).dataChecks(false));

		String remoteRun = succeeded(remote, start(remote, "s3://bucket/ref.csv", ref.toString(), null, null));
		String loadRun = succeeded(load, start(load, ref, ref, null, null));
		String optOutRun = succeeded(optOut, start(optOut, ref, ref, null, null));

		for (var run : List.of(List.of(remote, remoteRun), List.of(load, loadRun), List.of(optOut, optOutRun))) {
			JsonNode batches = ((EmulatorHttp) run.get(0)).get("/v1/batch-results?testRunId=" + run.get(1)).ok()
				.path("testBatches");
			assertThat(batches).hasSize(10);
			assertThat(batches.get(0).path("description").asString()).doesNotContain("Computed by the RIME emulator");
		}
	}

	@Test
	void theJobRunsAsLongAsItsChecksAndACancelStopsThem() throws IOException {
		EmulatorHttp http = http(RimeEmulator.builder().pendingDuration(Duration.ZERO).runningDuration(Duration.ZERO)
			.cancelDuration(Duration.ZERO));
		Random random = new Random(7);
		Path big = write("big.csv", "a,b,c,d\n", 300_000, (i) -> random.nextInt(1000) + "," + random.nextGaussian() + ","
				+ random.nextInt(5) + "," + (i % 7));

		String jobId = start(http, big, big, null, null);
		String first = http.get("/v1/jobs/" + jobId).ok().path("job").path("status").asString();
		await().atMost(Duration.ofMinutes(2)).until(() -> terminal(http, jobId));
		JsonNode job = http.get("/v1/jobs/" + jobId).ok().path("job");
		String testRunId = http.get("/v1/jobs/" + jobId + "/test-run-id").ok().path("testRunId").asString();
		long checksMillis = Long.parseLong(http.get("/v1/batch-results?testRunId=" + testRunId).ok()
			.path("testBatches").get(0).path("durationInMillis").asString());

		assertThat(first).isEqualTo("JOB_STATUS_RUNNING");
		assertThat(job.path("status").asString()).isEqualTo("JOB_STATUS_SUCCEEDED");
		assertThat(job.path("runningTimeSecs").asDouble() * 1000).isGreaterThanOrEqualTo(checksMillis);

		String cancelled = start(http, big, big, null, null);
		http.post("/v1/jobs/cancel/" + cancelled, null).ok();
		await().atMost(Duration.ofSeconds(30)).until(() -> terminal(http, cancelled));
		assertThat(http.get("/v1/jobs/" + cancelled).ok().path("job").path("status").asString())
			.isEqualTo("JOB_STATUS_CANCELLED");
	}

	private static boolean terminal(EmulatorHttp http, String jobId) {
		String status = http.get("/v1/jobs/" + jobId).ok().path("job").path("status").asString();
		return !status.equals("JOB_STATUS_RUNNING") && !status.equals("JOB_STATUS_PENDING")
				&& !status.equals("JOB_STATUS_REQUESTED");
	}

	private EmulatorHttp http(RimeEmulator.Builder builder) {
		RimeEmulator emulator = builder.build().start();
		this.emulators.add(emulator);
		return new EmulatorHttp(emulator);
	}

	private String succeeded(EmulatorHttp http, String jobId) {
		this.clock.advance(Duration.ofMinutes(1));
		return http.get("/v1/jobs/" + jobId + "/test-run-id").ok().path("testRunId").asString();
	}

	private static JsonNode testCase(EmulatorHttp http, String testRunId, String type) {
		return http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId + "&listTestCasesQuery.testTypes="
				+ type).ok().path("testCases").get(0);
	}

	private static String start(EmulatorHttp http, Path ref, Path eval, @Nullable String label,
			@Nullable String categories) {
		return start(http, ref.toString(), eval.toString(), label, categories);
	}

	private static String start(EmulatorHttp http, String ref, String eval, @Nullable String label,
			@Nullable String categories) {
		String projectId = http.emulator().defaultProjectId();
		String params = (label != null) ? ",\"dataParams\":{\"labelCol\":\"" + label + "\"}" : "";
		String refId = register(http, projectId, "ref-" + System.nanoTime(), ref, "");
		String evalId = register(http, projectId, "eval-" + System.nanoTime(), eval, params);
		String modelId = http.post("/v1/registry/" + projectId + "/model", "{\"name\":\"model-" + System.nanoTime()
				+ "\",\"modelInfo\":{\"modelPath\":{\"path\":\"s3://models/m.py\"}}}").ok().path("modelId").path("uuid")
			.asString();
		String chosen = (categories != null) ? ",\"categories\":" + categories : "";
		return http.post("/v1/stress-tests/" + projectId, "{\"testRunConfig\":{\"runName\":\"checks\",\"modelId\":{\"uuid\":\""
				+ modelId + "\"},\"dataInfo\":{\"refDatasetId\":\"" + refId + "\",\"evalDatasetId\":\"" + evalId + "\"}"
				+ chosen + "}}").ok().path("job").path("jobId").asString();
	}

	private static String register(EmulatorHttp http, String projectId, String name, String file, String params) {
		return http.post("/v1/registry/" + projectId + "/dataset", "{\"name\":\"" + name
				+ "\",\"dataInfo\":{\"connectionInfo\":{\"dataFile\":{\"path\":\"" + file + "\"}}" + params + "}}")
			.ok()
			.path("datasetId")
			.asString();
	}

	private static String colour(int i) {
		return (i % 3 == 0) ? "red" : (i % 3 == 1) ? "green" : "blue";
	}

	private Path write(String name, String header, int rows, java.util.function.IntFunction<String> row)
			throws IOException {
		Path file = this.temp.resolve(name);
		try (Writer writer = Files.newBufferedWriter(file)) {
			writer.write(header);
			for (int i = 0; i < rows; i++) {
				writer.write(row.apply(i));
				writer.write('\n');
			}
		}
		return file;
	}

}
