package io.rime.sample;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import io.rime.client.TestCategory;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.client.results.TestMetric;

/**
 * The largest value that one data test measured (drift, abnormal inputs, data cleanliness): the
 * test case whose judged metric came closest to, or furthest past, its failure threshold.
 *
 * @param testName the test, such as {@code Numeric Feature Drift}
 * @param features the features of the case, possibly none
 * @param status the case's outcome
 * @param metric the judged metric, such as {@code psi}
 * @param value its value
 * @param warningFrom the value from which it warns, if RIME gives one
 * @param failFrom the value from which it fails
 */
public record DataFinding(String testName, List<String> features, TestCaseStatus status, String metric, double value,
		@Nullable Double warningFrom, double failFrom) {

	private static final Set<TestCategory> DATA_CATEGORIES = Set.of(TestCategory.DRIFT, TestCategory.ABNORMAL_INPUTS,
			TestCategory.DATA_CLEANLINESS);

	/**
	 * Read the findings of a test run: one per data test whose cases carry a metric with an upper
	 * threshold, those that fail or warn first. Runs without data tests read no test case.
	 * @param run the test run
	 * @return the findings
	 */
	public static List<DataFinding> of(RimeTestRun run) {
		List<String> dataTypes = run.testBatches()
			.stream()
			.filter((batch) -> DATA_CATEGORIES.contains(batch.category()))
			.map(TestBatch::testType)
			.toList();
		if (dataTypes.isEmpty()) {
			return List.of();
		}
		Map<String, DataFinding> largest = new LinkedHashMap<>();
		try (Stream<TestCase> cases = run.testCases(dataTypes, List.of())) {
			cases.forEach((testCase) -> {
				DataFinding finding = of(testCase);
				if (finding != null) {
					largest.merge(testCase.testType(), finding,
							(kept, candidate) -> (candidate.share() > kept.share()) ? candidate : kept);
				}
			});
		}
		List<DataFinding> findings = new ArrayList<>(largest.values());
		findings.sort(Comparator.comparing((DataFinding finding) -> rank(finding.status()))
			.thenComparing(Comparator.comparingDouble(DataFinding::share).reversed()));
		return findings;
	}

	private static @Nullable DataFinding of(TestCase testCase) {
		if (testCase.status() == TestCaseStatus.SKIP) {
			return null;
		}
		for (TestMetric metric : testCase.metrics()) {
			TestMetric.Threshold threshold = metric.threshold();
			Double value = metric.number();
			if (threshold != null && value != null && threshold.high() != null && threshold.high() > 0
					&& "TYPE_UPPER_BOUND".equals(threshold.type())) {
				return new DataFinding(testCase.testName(), testCase.features(), testCase.status(), metric.name(), value,
						threshold.low(), threshold.high());
			}
		}
		return null;
	}

	private static int rank(TestCaseStatus status) {
		return switch (status) {
			case FAIL -> 0;
			case WARNING -> 1;
			default -> 2;
		};
	}

	/**
	 * Return how far the value got towards failing: 1 at the failure threshold.
	 * @return the value divided by the failure threshold
	 */
	public double share() {
		return this.value / this.failFrom;
	}

	/**
	 * Return the finding as one line, such as
	 * {@code WARNING Numeric Feature Drift on Fare: psi 0.237 (warning from 0.2, fail from 0.6)}.
	 * @return the line
	 */
	public String line() {
		String on = this.features.isEmpty() ? "" : " on " + String.join(", ", this.features);
		String warning = (this.warningFrom != null) ? "warning from " + number(this.warningFrom) + ", " : "";
		return this.status + " " + this.testName + on + ": " + this.metric + " " + number(this.value) + " (" + warning
				+ "fail from " + number(this.failFrom) + ")";
	}

	private static String number(double value) {
		if (value == 0) {
			return "0";
		}
		return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
	}

}
