package io.rime.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes the results of a test run from its run name and features: the same inputs always give the
 * same results, and a test case is computed from its index, so a run of a million test cases
 * costs no memory.
 */
final class ResultsGenerator {

	static final List<Batch> BATCHES = List.of(
			new Batch("unseen_categorical", "Unseen Categorical", "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS"),
			new Batch("numeric_outliers", "Numeric Outliers", "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS"),
			new Batch("categorical_feature_drift", "Categorical Feature Drift", "TEST_CATEGORY_TYPE_DRIFT"),
			new Batch("numeric_feature_drift", "Numeric Feature Drift", "TEST_CATEGORY_TYPE_DRIFT"),
			new Batch("subset_accuracy", "Subset Accuracy", "TEST_CATEGORY_TYPE_SUBSET_PERFORMANCE"),
			new Batch("out_of_range_substitution", "Out of Range Substitution",
					"TEST_CATEGORY_TYPE_TRANSFORMATIONS"),
			new Batch("empty_string_substitution", "Empty String Substitution",
					"TEST_CATEGORY_TYPE_TRANSFORMATIONS"),
			new Batch("single_feature_changes", "Single Feature Change", "TEST_CATEGORY_TYPE_ADVERSARIAL"),
			new Batch("demographic_parity", "Demographic Parity", "TEST_CATEGORY_TYPE_BIAS_AND_FAIRNESS"),
			new Batch("duplicate_rows", "Duplicate Row", "TEST_CATEGORY_TYPE_DATA_CLEANLINESS"));

	private ResultsGenerator() {
	}

	static int batchOf(TestRun run, long index) {
		return (int) (index * BATCHES.size() / run.caseCount());
	}

	/** The first test case index of a batch. */
	static long batchStart(TestRun run, int batch) {
		return (batch * run.caseCount() + BATCHES.size() - 1) / BATCHES.size();
	}

	static ObjectNode testCase(TestRun run, long index) {
		Batch batch = BATCHES.get(batchOf(run, index));
		long hash = mix(run.seed() ^ (index * 0x9E3779B97F4A7C15L));
		String feature = run.features().isEmpty() ? null : run.features().get((int) (index % run.features().size()));
		return testCase(run.testRunId(), batch, index, feature, status(hash), hash);
	}

	/**
	 * Builds one test case.
	 * @param testRunId the run
	 * @param batch its batch
	 * @param index its index in the run, for its id
	 * @param feature the feature it tested, if any
	 * @param status its REST v1 status
	 * @param hash the source of its importance and metrics
	 * @return the REST v1 {@code TestCase}
	 */
	static ObjectNode testCase(String testRunId, Batch batch, long index, @Nullable String feature, String status,
			long hash) {
		ObjectNode json = Json.object();
		json.put("testRunId", testRunId);
		json.put("testBatchType", batch.type());
		json.put("testCaseId", batch.type() + "-" + index);
		var features = json.putArray("features");
		if (feature != null) {
			features.add(feature);
			json.put("urlSafeFeatureId",
					Base64.getUrlEncoder().encodeToString(feature.getBytes(StandardCharsets.UTF_8)));
		}
		if (!status.equals("TEST_CASE_STATUS_PASS_UNSPECIFIED")) {
			// proto3 JSON leaves out a field that holds its zero value
			json.put("status", status);
		}
		json.put("severity", severity(status));
		json.put("importanceScore", Math.round((mix(hash) >>> 11) * 0x1.0p-53 * 10_000) / 10_000.0);
		json.put("testCategory", batch.category());
		json.set("metrics", TestMetrics.generated(batch.type(), status, mix(hash ^ 0x5DEECE66DL)));
		return json;
	}

	static String status(TestRun run, long index) {
		return status(mix(run.seed() ^ (index * 0x9E3779B97F4A7C15L)));
	}

	static ObjectNode batchResult(TestRun run, int batchIndex) {
		Batch batch = BATCHES.get(batchIndex);
		long start = batchStart(run, batchIndex);
		long end = batchStart(run, batchIndex + 1);
		long pass = 0;
		long warning = 0;
		long fail = 0;
		long skip = 0;
		Set<String> failingFeatures = new LinkedHashSet<>();
		for (long i = start; i < end; i++) {
			switch (status(run, i)) {
				// RIME lists a feature whose case only warns as failing too.
				case "TEST_CASE_STATUS_WARNING" -> {
					warning++;
					addFailingFeature(run, i, failingFeatures);
				}
				case "TEST_CASE_STATUS_FAIL" -> {
					fail++;
					addFailingFeature(run, i, failingFeatures);
				}
				case "TEST_CASE_STATUS_SKIP" -> skip++;
				default -> pass++;
			}
		}
		return batchResult(run.testRunId(), batch, 200 + (mix(run.seed() + batchIndex) >>> 54),
				new long[] { pass, warning, fail, skip }, failingFeatures);
	}

	/**
	 * Builds one test batch result.
	 * @param testRunId the run
	 * @param batch the batch
	 * @param durationMillis how long it took
	 * @param counts its pass, warning, fail and skip counts
	 * @param failingFeatures the features of its warning and failing cases
	 * @return the REST v1 {@code TestBatchResult}
	 */
	static ObjectNode batchResult(String testRunId, Batch batch, long durationMillis, long[] counts,
			Set<String> failingFeatures) {
		ObjectNode json = Json.object();
		json.put("testRunId", testRunId);
		json.put("testType", batch.type());
		json.put("testName", batch.name());
		json.put("description", batch.name() + " checks of the model on the evaluation data");
		json.put("testCategory", batch.category());
		json.put("durationInMillis", Long.toString(durationMillis));
		json.put("severity",
				(counts[2] > 0) ? "SEVERITY_ALERT" : (counts[1] > 0) ? "SEVERITY_WARNING" : "SEVERITY_PASS");
		ObjectNode summary = json.putObject("summaryCounts");
		summary.put("total", Long.toString(counts[0] + counts[1] + counts[2] + counts[3]));
		summary.put("pass", Long.toString(counts[0]));
		summary.put("warning", Long.toString(counts[1]));
		summary.put("fail", Long.toString(counts[2]));
		summary.put("skip", Long.toString(counts[3]));
		failingFeatures.forEach(json.putArray("failingFeatures")::add);
		return json;
	}

	private static void addFailingFeature(TestRun run, long index, Set<String> failingFeatures) {
		if (!run.features().isEmpty() && failingFeatures.size() < 10) {
			failingFeatures.add(run.features().get((int) (index % run.features().size())));
		}
	}

	/**
	 * Counts the statuses of all test cases of a run.
	 * @param run the run
	 * @return pass, warning, fail and skip counts, in that order
	 */
	static long[] statusCounts(TestRun run) {
		long[] counts = new long[4];
		for (long i = 0; i < run.caseCount(); i++) {
			switch (status(run, i)) {
				case "TEST_CASE_STATUS_WARNING" -> counts[1]++;
				case "TEST_CASE_STATUS_FAIL" -> counts[2]++;
				case "TEST_CASE_STATUS_SKIP" -> counts[3]++;
				default -> counts[0]++;
			}
		}
		return counts;
	}

	private static String status(long hash) {
		long percent = Long.remainderUnsigned(hash, 100);
		if (percent < 70) {
			return "TEST_CASE_STATUS_PASS_UNSPECIFIED";
		}
		if (percent < 85) {
			return "TEST_CASE_STATUS_WARNING";
		}
		return (percent < 95) ? "TEST_CASE_STATUS_FAIL" : "TEST_CASE_STATUS_SKIP";
	}

	private static String severity(String status) {
		return switch (status) {
			case "TEST_CASE_STATUS_WARNING" -> "SEVERITY_WARNING";
			case "TEST_CASE_STATUS_FAIL" -> "SEVERITY_ALERT";
			case "TEST_CASE_STATUS_SKIP" -> "SEVERITY_UNSPECIFIED";
			default -> "SEVERITY_PASS";
		};
	}

	/** SplitMix64's finaliser: a cheap, well-spread hash. */
	static long mix(long value) {
		long z = value;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/**
	 * A kind of test, as RIME groups test cases.
	 *
	 * @param type the test type key
	 * @param name the display name
	 * @param category the test category
	 */
	record Batch(String type, String name, String category) {
	}

	/**
	 * A test run's inputs; its results follow from them.
	 *
	 * @param testRunId the id
	 * @param jobId the job that produces it
	 * @param features the features tested
	 * @param caseCount the number of test cases
	 * @param seed the hash of the run name and features
	 */
	record TestRun(String testRunId, String jobId, List<String> features, long caseCount, long seed) {

		static TestRun of(String testRunId, String jobId, String runName, List<String> features,
				@Nullable Long caseCount) {
			long seed = mix((runName + "\u0000" + String.join("\u0000", features)).hashCode() * 0x9E3779B97F4A7C15L);
			long count = (caseCount != null) ? caseCount
					: (long) BATCHES.size() * Math.max(1, features.size());
			return new TestRun(testRunId, jobId, List.copyOf(features), count, seed);
		}

	}

}
