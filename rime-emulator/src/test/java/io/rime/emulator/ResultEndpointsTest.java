package io.rime.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ResultEndpointsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));

	private final List<RimeEmulator> emulators = new ArrayList<>();

	@TempDir
	Path temp;

	@AfterEach
	void stop() {
		this.emulators.forEach(RimeEmulator::close);
	}

	@Test
	void batchResultsNameEachTestTypeAndCountItsCases() throws IOException {
		EmulatorHttp http = http(null);
		String testRunId = succeededRun(http, "batches");

		JsonNode batches = http.get("/v1/batch-results?testRunId=" + testRunId).ok();

		assertThat(batches.path("testBatches")).hasSize(10);
		assertThat(batches.path("hasMore").asBoolean()).isFalse();
		Set<String> names = new HashSet<>();
		long total = 0;
		for (JsonNode batch : batches.path("testBatches")) {
			names.add(batch.path("testName").asString());
			JsonNode counts = batch.path("summaryCounts");
			assertThat(counts.path("total").isString()).isTrue();
			long sum = counts.path("pass").asLong() + counts.path("warning").asLong() + counts.path("fail").asLong()
					+ counts.path("skip").asLong();
			assertThat(sum).isEqualTo(counts.path("total").asLong());
			total += counts.path("total").asLong();
		}
		assertThat(names).hasSize(10).contains("Unseen Categorical", "Categorical Feature Drift", "Numeric Outliers");
		assertThat(total).isEqualTo(10 * 4);
	}

	@Test
	void thereIsOneTestCasePerFeaturePerBatchWithMixedStatuses() throws IOException {
		EmulatorHttp http = http(null);
		String testRunId = succeededRun(http, "cases");

		List<JsonNode> cases = allTestCases(http, testRunId, 7);

		assertThat(cases).hasSize(40);
		Map<String, Integer> byBatch = new HashMap<>();
		Set<String> statuses = new HashSet<>();
		for (JsonNode testCase : cases) {
			byBatch.merge(testCase.path("testBatchType").asString(), 1, Integer::sum);
			statuses.add(testCase.path("status").asString("TEST_CASE_STATUS_PASS_UNSPECIFIED"));
			assertThat(testCase.path("features")).hasSize(1);
			assertThat(testCase.path("features").get(0).asString()).isIn("PassengerId", "Pclass", "Sex", "Age");
		}
		assertThat(byBatch).hasSize(10).allSatisfy((type, count) -> assertThat(count).isEqualTo(4));
		assertThat(statuses).contains("TEST_CASE_STATUS_PASS_UNSPECIFIED", "TEST_CASE_STATUS_WARNING",
				"TEST_CASE_STATUS_FAIL");
	}

	@Test
	void batchNamesAndTestTypesAreRimesOwn() throws IOException {
		EmulatorHttp http = http(null);
		String testRunId = succeededRun(http, "names");

		JsonNode batches = http.get("/v1/batch-results?testRunId=" + testRunId).ok().path("testBatches");

		assertThat(batches.findValuesAsString("testName")).contains("Duplicate Row").doesNotContain("Duplicate Rows");
		assertThat(batches.findValuesAsString("testType")).contains("single_feature_changes")
			.doesNotContain("single_feature_change");
	}

	@Test
	void aBatchListsTheFeaturesOfWarningCasesAsFailingToo() throws IOException {
		EmulatorHttp http = http(null);
		String testRunId = succeededRun(http, "warnings");
		List<JsonNode> cases = allTestCases(http, testRunId, 100);

		for (JsonNode batch : http.get("/v1/batch-results?testRunId=" + testRunId).ok().path("testBatches")) {
			Set<String> notPassing = new HashSet<>();
			cases.stream()
				.filter((c) -> c.path("testBatchType").asString().equals(batch.path("testType").asString()))
				.filter((c) -> Set.of("TEST_CASE_STATUS_WARNING", "TEST_CASE_STATUS_FAIL").contains(c.path("status").asString()))
				.forEach((c) -> notPassing.add(c.path("features").get(0).asString()));
			assertThat(batch.path("failingFeatures").valueStream().map(JsonNode::asString).toList())
				.containsExactlyInAnyOrderElementsOf(notPassing);
		}
	}

	@Test
	void everyGeneratedCaseCarriesMetricsInRimesShapeOnTheSideOfTheThresholdItsStatusSays() throws IOException {
		EmulatorHttp http = http(null);
		List<JsonNode> cases = allTestCases(http, succeededRun(http, "metrics"), 100);

		for (JsonNode testCase : cases) {
			String status = testCase.path("status").asString("TEST_CASE_STATUS_PASS_UNSPECIFIED");
			JsonNode metrics = testCase.path("metrics");
			assertThat(metrics).isNotEmpty();
			JsonNode first = metrics.get(0);
			assertThat(first.path("category").asString()).startsWith("TEST_METRIC_CATEGORY_");
			if (status.equals("TEST_CASE_STATUS_SKIP")) {
				assertThat(first.path("strValue").asString()).isNotEmpty();
				continue;
			}
			JsonNode judged = metrics.valueStream().filter((m) -> m.has("testCaseMonitorInfo")).findFirst().orElseThrow();
			JsonNode threshold = judged.path("testCaseMonitorInfo").path("threshold");
			double value = judged.path("floatValue").asDouble();
			assertThat(threshold.path("type").asString()).isEqualTo("TYPE_UPPER_BOUND");
			switch (status) {
				case "TEST_CASE_STATUS_FAIL" -> assertThat(value).isGreaterThanOrEqualTo(threshold.path("high").asDouble());
				case "TEST_CASE_STATUS_WARNING" -> assertThat(value).isGreaterThanOrEqualTo(threshold.path("low").asDouble())
					.isLessThan(threshold.path("high").asDouble());
				default -> assertThat(value).isLessThan(threshold.path("low").asDouble());
			}
			metrics.forEach((metric) -> {
				if (metric.has("intValue")) {
					assertThat(metric.path("intValue").isString()).as("int64 as a JSON string").isTrue();
				}
			});
		}
		JsonNode drift = cases.stream().filter((c) -> c.path("testBatchType").asString().equals("numeric_feature_drift"))
			.findFirst().orElseThrow();
		assertThat(drift.path("metrics").get(0).path("metric").asString()).isEqualTo("psi");
		assertThat(drift.path("metrics").get(0).path("category").asString()).isEqualTo("TEST_METRIC_CATEGORY_DRIFT_STAT");
		assertThat(drift.path("metrics").get(0).path("testCaseMonitorInfo").path("threshold").path("low").asDouble())
			.isEqualTo(0.2);
	}

	@Test
	void aTestRunIsReadWithWhatItWasStartedWithAndItsCountsOnceItSucceeded() throws IOException {
		EmulatorHttp http = http(null);
		String projectId = http.emulator().defaultProjectId();
		JsonNode job = http.startStressTest(projectId, "detail", dataFile(), null);
		String testRunId = job.path("jobData").path("stress").path("testRunId").asString();

		JsonNode running = http.get("/v1/test-runs/" + testRunId).ok().path("testRun");
		this.clock.advance(Duration.ofMinutes(1));
		JsonNode done = http.get("/v1/test-runs/" + testRunId).ok().path("testRun");

		assertThat(running.path("status").asString()).isIn("TEST_TASK_STATUS_PENDING", "TEST_TASK_STATUS_RUNNING");
		assertThat(running.has("metrics")).isFalse();
		assertThat(done.path("testRunId").asString()).isEqualTo(testRunId);
		assertThat(done.path("name").asString()).isEqualTo("detail");
		assertThat(done.path("projectId").path("uuid").asString()).isEqualTo(projectId);
		assertThat(done.path("modelId").path("uuid").asString()).isNotEmpty();
		assertThat(done.path("evalDataId").asString()).isEqualTo(done.path("refDataId").asString()).isNotEmpty();
		assertThat(done.path("status").asString()).isEqualTo("TEST_TASK_STATUS_COMPLETED");
		assertThat(done.path("rimeVersion").asString()).isEqualTo("2.10.16");
		JsonNode counts = done.path("metrics").path("summaryCounts");
		assertThat(counts.path("total").isString()).isTrue();
		assertThat(counts.path("total").asLong()).isEqualTo(40);
		assertThat(counts.path("pass").asLong() + counts.path("warning").asLong() + counts.path("fail").asLong()
				+ counts.path("skip").asLong()).isEqualTo(40);
		JsonNode severity = done.path("metrics").path("severityCounts");
		assertThat(severity.path("numNoneSeverity").asLong() + severity.path("numLowSeverity").asLong()
				+ severity.path("numHighSeverity").asLong()).isEqualTo(10);
		assertThat(http.get("/v1/test-runs/unknown").status()).isEqualTo(404);
	}

	@Test
	void aRemoteDatasetIsTakenAsGivenWithTheFixedFeatureList() {
		EmulatorHttp http = http(null);
		String jobId = http.startStressTest(http.emulator().defaultProjectId(), "remote", "s3://bucket/titanic.csv", null)
			.path("jobId").asString();
		this.clock.advance(Duration.ofMinutes(1));
		String testRunId = http.get("/v1/jobs/" + jobId + "/test-run-id").ok().path("testRunId").asString();

		List<JsonNode> cases = allTestCases(http, testRunId, 100);

		Set<String> features = new HashSet<>();
		cases.forEach((c) -> c.path("features").forEach((f) -> features.add(f.asString())));
		assertThat(features).containsExactlyInAnyOrder("Pclass", "Sex", "Age", "SibSp", "Parch", "Fare", "Embarked");
		assertThat(cases).hasSize(10 * 7);
	}

	@Test
	void theSameRunNameAndFeaturesGiveTheSameResults() throws IOException {
		EmulatorHttp first = http(null);
		EmulatorHttp second = http(null);

		List<String> one = statuses(allTestCases(first, succeededRun(first, "same"), 100));
		List<String> two = statuses(allTestCases(second, succeededRun(second, "same"), 100));
		List<String> other = statuses(allTestCases(second, succeededRun(second, "other"), 100));

		assertThat(one).isEqualTo(two);
		assertThat(other).isNotEqualTo(one);
	}

	@Test
	void testCasesCanBeFilteredByTestType() throws IOException {
		EmulatorHttp http = http(null);
		String testRunId = succeededRun(http, "filter");

		JsonNode page = http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId
				+ "&listTestCasesQuery.testTypes=numeric_outliers&pageSize=3").ok();
		JsonNode next = http.get("/v1/test-cases?pageSize=3&pageToken=" + page.path("nextPageToken").asString()).ok();

		assertThat(page.path("testCases")).hasSize(3);
		assertThat(next.path("testCases")).hasSize(1);
		assertThat(next.path("hasMore").asBoolean()).isFalse();
		page.path("testCases").forEach((c) -> assertThat(c.path("testBatchType").asString()).isEqualTo("numeric_outliers"));
	}

	@Test
	void resultsOfAJobThatHasNotSucceededAreNotFound() throws IOException {
		EmulatorHttp http = http(null);
		JsonNode job = http.startStressTest(http.emulator().defaultProjectId(), "early", dataFile(), null);
		String testRunId = job.path("jobData").path("stress").path("testRunId").asString();

		EmulatorHttp.Answer answer = http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId);
		EmulatorHttp.Answer both = http.get("/v1/batch-results?testRunId=" + testRunId + "&pageToken=x");
		EmulatorHttp.Answer neither = http.get("/v1/batch-results");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.message()).contains(testRunId);
		assertThat(both.status()).isEqualTo(400);
		assertThat(neither.status()).isEqualTo(400);
		assertThat(neither.message()).isEqualTo("testRunId is required on the first page");
	}

	@Test
	@Tag("slow")
	void aRunOfAMillionTestCasesIsServedPageByPage() throws IOException {
		EmulatorHttp http = http(1_000_000L);
		String testRunId = succeededRun(http, "million");

		long total = 0;
		for (JsonNode batch : http.get("/v1/batch-results?testRunId=" + testRunId).ok().path("testBatches")) {
			total += batch.path("summaryCounts").path("total").asLong();
		}
		long read = 0;
		int pages = 0;
		String last = null;
		JsonNode page = http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId + "&pageSize=10000").ok();
		Set<String> statuses = new HashSet<>();
		page.path("testCases").forEach((c) -> statuses.add(c.path("status").asString("TEST_CASE_STATUS_PASS")));
		while (true) {
			read += page.path("testCases").size();
			pages++;
			last = page.path("testCases").get(page.path("testCases").size() - 1).path("testCaseId").asString();
			if (!page.path("hasMore").asBoolean()) {
				break;
			}
			page = http.get("/v1/test-cases?pageSize=10000&pageToken=" + page.path("nextPageToken").asString()).ok();
		}

		assertThat(total).isEqualTo(1_000_000);
		assertThat(read).isEqualTo(1_000_000);
		assertThat(pages).isEqualTo(100);
		assertThat(last).isEqualTo("duplicate_rows-999999");
		assertThat(statuses).containsExactlyInAnyOrder("TEST_CASE_STATUS_PASS", "TEST_CASE_STATUS_WARNING",
				"TEST_CASE_STATUS_FAIL", "TEST_CASE_STATUS_SKIP");
	}

	private EmulatorHttp http(Long testCases) {
		// these tests read generated results; DataChecksEndpointTest covers the computed ones
		RimeEmulator.Builder builder = RimeEmulator.builder().clock(this.clock).dataChecks(false);
		if (testCases != null) {
			builder.testCasesPerRun(testCases);
		}
		RimeEmulator emulator = builder.build().start();
		this.emulators.add(emulator);
		return new EmulatorHttp(emulator);
	}

	private String dataFile() throws IOException {
		Path file = this.temp.resolve("titanic.csv");
		if (!Files.exists(file)) {
			Files.writeString(file, "PassengerId,Survived,Pclass,Sex,Age\n1,0,3,male,22\n");
		}
		return file.toString();
	}

	private String succeededRun(EmulatorHttp http, String runName) throws IOException {
		String jobId = http.startStressTest(http.emulator().defaultProjectId(), runName, dataFile(), null).path("jobId").asString();
		this.clock.advance(Duration.ofMinutes(1));
		return http.get("/v1/jobs/" + jobId + "/test-run-id").ok().path("testRunId").asString();
	}

	private static List<JsonNode> allTestCases(EmulatorHttp http, String testRunId, int pageSize) {
		List<JsonNode> cases = new ArrayList<>();
		JsonNode page = http.get("/v1/test-cases?listTestCasesQuery.testRunId=" + testRunId + "&pageSize=" + pageSize).ok();
		page.path("testCases").forEach(cases::add);
		while (page.path("hasMore").asBoolean()) {
			page = http.get("/v1/test-cases?pageSize=" + pageSize + "&pageToken=" + page.path("nextPageToken").asString())
				.ok();
			page.path("testCases").forEach(cases::add);
		}
		return cases;
	}

	private static List<String> statuses(List<JsonNode> cases) {
		return cases.stream().map((c) -> c.path("status").asString("PASS")).toList();
	}

}
