package io.rime.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.rime.client.TestCategory;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.SeverityCounts;
import io.rime.client.results.Severity;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Summaries of typed test runs.
 */
class ResultsSummaryTests {

	@Test
	void theSummaryCountsByStatusAndGroupsFailedCasesByTestWithTheirFeatures() {
		RimeTestRun run = run(new SummaryCounts(4, 1, 0, 3, 0), List.of(
				failed("subset_accuracy", "Subset Accuracy", "Age", "Fare"),
				failed("numeric_feature_drift", "Numeric Feature Drift", "Age"),
				failed("subset_accuracy", "Subset Accuracy", "Sex")));

		ResultsSummary summary = ResultsSummary.of(run);

		assertThat(summary.testCases()).isEqualTo(4);
		assertThat(summary.countsLine()).isEqualTo("PASS 1, WARNING 0, FAIL 3, SKIP 0");
		assertThat(summary.failures()).isEqualTo(3);
		assertThat(summary.failingTests()).containsExactly(Map.entry("Subset Accuracy", Set.of("Age", "Fare", "Sex")),
				Map.entry("Numeric Feature Drift", Set.of("Age")));
		assertThat(summary.worstSeverity()).isEqualTo(Severity.ALERT);
	}

	@Test
	void aRunWithoutFailuresReadsNoTestCases() {
		RimeTestRun run = new RimeTestRun("tr", "n", "p", "m", null, "e", "COMPLETED", "2.10.16",
				new SummaryCounts(2, 2, 0, 0, 0), new SeverityCounts(1, 0, 0), Duration.ZERO, List.of(),
				(types, features) -> {
					throw new AssertionError("no test case needs reading");
				});

		ResultsSummary summary = ResultsSummary.of(run);

		assertThat(summary.failingTests()).isEmpty();
		assertThat(summary.countsLine()).isEqualTo("PASS 2, WARNING 0, FAIL 0, SKIP 0");
	}

	private static RimeTestRun run(SummaryCounts counts, List<TestCase> failures) {
		List<TestBatch> batches = failures.stream().map(TestCase::testType).distinct()
			.map((type) -> new TestBatch(type, type, "", TestCategory.DRIFT, Severity.ALERT,
					new SummaryCounts(1, 0, 0, 1, 0), List.of(), Duration.ZERO))
			.toList();
		return new RimeTestRun("tr", "n", "p", "m", null, "e", "COMPLETED", "2.10.16", counts,
				new SeverityCounts(0, 0, batches.size()), Duration.ZERO, batches,
				(types, features) -> failures.stream().filter((c) -> types.contains(c.testType())));
	}

	private static TestCase failed(String type, String name, String... features) {
		return new TestCase(type, name, type + "-1", List.of(features), TestCaseStatus.FAIL, Severity.ALERT, 0.0,
				TestCategory.DRIFT, List.of());
	}

}
