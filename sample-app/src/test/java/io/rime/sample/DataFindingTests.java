package io.rime.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rime.client.TestCategory;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.Severity;
import io.rime.client.results.SeverityCounts;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.client.results.TestMetric;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data findings the sample logs: the largest judged value of each data test.
 */
class DataFindingTests {

	@Test
	void eachDataTestGivesItsLargestJudgedValueWithFailuresAndWarningsFirst() {
		RimeTestRun run = run(List.of(
				drift("numeric_feature_drift", "Numeric Feature Drift", "Age", TestCaseStatus.PASS, 0.05),
				drift("numeric_feature_drift", "Numeric Feature Drift", "Fare", TestCaseStatus.PASS, 0.1751),
				drift("categorical_feature_drift", "Categorical Feature Drift", "Sex", TestCaseStatus.WARNING, 0.237),
				new TestCase("duplicate_rows", "Duplicate Row", "duplicate_rows-0", List.of(), TestCaseStatus.FAIL,
						Severity.ALERT, 0, TestCategory.DATA_CLEANLINESS,
						List.of(judged("rate", "FAILING_INPUTS", 0.08, 0.01, 0.05))),
				new TestCase("subset_accuracy", "Subset Accuracy", "subset_accuracy-0", List.of("Age"),
						TestCaseStatus.SKIP, Severity.UNSPECIFIED, 0, TestCategory.SUBSET_PERFORMANCE, List.of())));

		List<String> lines = DataFinding.of(run).stream().map(DataFinding::line).toList();

		assertThat(lines).containsExactly("FAIL Duplicate Row: rate 0.08 (warning from 0.01, fail from 0.05)",
				"WARNING Categorical Feature Drift on Sex: psi 0.237 (warning from 0.2, fail from 0.6)",
				"PASS Numeric Feature Drift on Fare: psi 0.175 (warning from 0.2, fail from 0.6)");
	}

	@Test
	void aRunWithoutDataTestsReadsNoTestCase() {
		RimeTestRun run = new RimeTestRun("tr", "n", "p", "m", null, "e", "COMPLETED", "2.10.16",
				new SummaryCounts(1, 1, 0, 0, 0), new SeverityCounts(1, 0, 0), Duration.ZERO,
				List.of(new TestBatch("subset_accuracy", "Subset Accuracy", "", TestCategory.SUBSET_PERFORMANCE,
						Severity.PASS, new SummaryCounts(1, 1, 0, 0, 0), List.of(), Duration.ZERO)),
				(types, features) -> {
					throw new AssertionError("no test case needs reading");
				});

		assertThat(DataFinding.of(run)).isEmpty();
	}

	private static TestCase drift(String type, String name, String feature, TestCaseStatus status, double psi) {
		return new TestCase(type, name, type + "-" + feature, List.of(feature), status, Severity.PASS, 0,
				TestCategory.DRIFT, List.of(new TestMetric("ks_p_value", "DRIFT_STAT", 0.3, null, null, List.of(),
						List.of(), List.of(), null), judged("psi", "DRIFT_STAT", psi, 0.2, 0.6)));
	}

	private static TestMetric judged(String name, String category, double value, double low, double high) {
		return new TestMetric(name, category, value, null, null, List.of(), List.of(), List.of(),
				new TestMetric.Threshold(low, high, "TYPE_UPPER_BOUND"));
	}

	private static RimeTestRun run(List<TestCase> cases) {
		List<TestBatch> batches = cases.stream()
			.map((c) -> new TestBatch(c.testType(), c.testName(), "", c.category(), Severity.PASS,
					new SummaryCounts(1, 1, 0, 0, 0), List.of(), Duration.ZERO))
			.distinct()
			.toList();
		return new RimeTestRun("tr", "n", "p", "m", null, "e", "COMPLETED", "2.10.16",
				new SummaryCounts(cases.size(), 0, 0, 0, 0), new SeverityCounts(0, 0, 0), Duration.ZERO, batches,
				(types, features) -> cases.stream().filter((c) -> types.contains(c.testType())));
	}

}
