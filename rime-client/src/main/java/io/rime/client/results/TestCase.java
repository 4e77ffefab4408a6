package io.rime.client.results;

import java.util.List;
import java.util.Optional;

import io.rime.client.TestCategory;

/**
 * One test case of a test run: one test applied to some features, with its outcome and metrics.
 *
 * @param testType the test type, such as {@code numeric_feature_drift}; joins to {@link TestBatch#testType()}
 * @param testName the test's display name, such as {@code Numeric Feature Drift}; the test type when RIME
 * names none
 * @param testCaseId the id, unique within the test type
 * @param features the features tested, possibly none
 * @param status the outcome
 * @param severity how severe the outcome is
 * @param importanceScore the model impact RIME gives the case
 * @param category the test category
 * @param metrics what RIME measured
 */
public record TestCase(String testType, String testName, String testCaseId, List<String> features,
		TestCaseStatus status, Severity severity, double importanceScore, TestCategory category,
		List<TestMetric> metrics) {

	/**
	 * Return the metric with a name, such as {@code psi}.
	 * @param name the metric name
	 * @return the first metric with that name, if any
	 */
	public Optional<TestMetric> metric(String name) {
		return this.metrics.stream().filter((metric) -> metric.name().equals(name)).findFirst();
	}

	/**
	 * Return whether the case failed.
	 * @return whether its status is {@link TestCaseStatus#FAIL}
	 */
	public boolean failed() {
		return this.status == TestCaseStatus.FAIL;
	}

}
