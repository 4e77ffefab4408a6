package io.rime.client.results;

import java.time.Duration;
import java.util.List;

import io.rime.client.TestCategory;

/**
 * The result of one test type over all its test cases.
 *
 * @param testType the test type, such as {@code numeric_feature_drift}
 * @param testName the display name, such as {@code Numeric Feature Drift}
 * @param description what the test checks, as RIME describes it
 * @param category the test category
 * @param severity the most severe outcome of its cases
 * @param summaryCounts its test cases by status
 * @param failingFeatures the features of its cases that failed or warned
 * @param duration how long the test ran
 */
public record TestBatch(String testType, String testName, String description, TestCategory category,
		Severity severity, SummaryCounts summaryCounts, List<String> failingFeatures, Duration duration) {

	/**
	 * Return whether any of its test cases failed.
	 * @return whether the fail count is above zero
	 */
	public boolean hasFailures() {
		return this.summaryCounts.fail() > 0;
	}

}
