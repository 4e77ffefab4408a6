package io.rime.emulator.internal;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test case's {@code metrics[]} in RIME's REST v1 shape ({@code TestMetric}: {@code metric},
 * {@code category}, one value field, {@code testCaseMonitorInfo.threshold}), for generated results and
 * for any other result source. RIME documents only {@code DRIFT_STAT:psi} (thresholds 0.2 / 0.6) and
 * {@code FAILING_INPUTS:count}; the other names and thresholds are the emulator's choice.
 */
final class TestMetrics {

	private static final String PREFIX = "TEST_METRIC_CATEGORY_";

	private TestMetrics() {
	}

	/**
	 * A metric holding a double.
	 * @param metric the metric name, such as {@code psi}
	 * @param category the category without its prefix, such as {@code DRIFT_STAT}
	 * @param value the value
	 * @return the metric
	 */
	static ObjectNode floatMetric(String metric, String category, double value) {
		return Json.object().put("metric", metric).put("category", PREFIX + category).put("floatValue", value);
	}

	/**
	 * A metric holding an int64, written as a JSON string as proto3 JSON does.
	 * @param metric the metric name, such as {@code count}
	 * @param category the category without its prefix, such as {@code FAILING_INPUTS}
	 * @param value the value
	 * @return the metric
	 */
	static ObjectNode intMetric(String metric, String category, long value) {
		return Json.object().put("metric", metric).put("category", PREFIX + category).put("intValue", Long.toString(value));
	}

	/**
	 * A metric holding a text.
	 * @param metric the metric name
	 * @param category the category without its prefix
	 * @param value the text
	 * @return the metric
	 */
	static ObjectNode strMetric(String metric, String category, String value) {
		return Json.object().put("metric", metric).put("category", PREFIX + category).put("strValue", value);
	}

	/**
	 * Add the threshold a metric is judged by: WARNING at {@code low}, FAIL at {@code high}.
	 * @param metric the metric
	 * @param low the warning bound
	 * @param high the failure bound
	 * @return the metric
	 */
	static ObjectNode withUpperBound(ObjectNode metric, double low, double high) {
		metric.putObject("testCaseMonitorInfo")
			.putObject("threshold")
			.put("low", low)
			.put("high", high)
			.put("type", "TYPE_UPPER_BOUND");
		return metric;
	}

	/**
	 * The metrics of a generated test case: a value on the side of its thresholds that its status says.
	 * @param testType the test type
	 * @param status the case's status
	 * @param hash a well-spread hash of the case, for the value
	 * @return the metrics
	 */
	static ArrayNode generated(String testType, String status, long hash) {
		ArrayNode metrics = Json.MAPPER.createArrayNode();
		if (status.equals("TEST_CASE_STATUS_SKIP")) {
			metrics.add(strMetric("skip_reason", "UNSPECIFIED", "not enough rows for this test"));
			return metrics;
		}
		double unit = (hash >>> 11) * 0x1.0p-53;
		switch (testType) {
			case "categorical_feature_drift", "numeric_feature_drift" -> {
				metrics.add(withUpperBound(floatMetric("psi", "DRIFT_STAT", round(between(status, unit, 0.2, 0.6, 1.5))),
						0.2, 0.6));
				metrics.add(intMetric("num_bins", "FEATURE", 100));
			}
			case "unseen_categorical", "numeric_outliers", "duplicate_rows" -> {
				// Of 1,000 evaluation rows: no failing row passes, any warns, 1 % fails.
				boolean pass = status.equals("TEST_CASE_STATUS_PASS_UNSPECIFIED");
				double rate = pass ? 0 : round(between(status, unit, 0.001, 0.01, 0.2));
				metrics.add(intMetric("count", "FAILING_INPUTS", pass ? 0 : Math.max(1, Math.round(rate * 1000))));
				metrics.add(withUpperBound(floatMetric("rate", "FAILING_INPUTS", rate), 0.001, 0.01));
			}
			case "single_feature_changes" -> metrics.add(withUpperBound(
					floatMetric("prediction_change", "OUTPUT_DIFF", round(between(status, unit, 0.1, 0.3, 1.0))), 0.1, 0.3));
			case "demographic_parity" -> metrics.add(withUpperBound(
					floatMetric("positive_prediction_rate", "PERFORMANCE_DIFF", round(between(status, unit, 0.05, 0.1, 0.5))),
					0.05, 0.1));
			default -> metrics.add(withUpperBound(
					floatMetric("accuracy", "PERFORMANCE_DIFF", round(between(status, unit, 0.02, 0.05, 0.3))), 0.02, 0.05));
		}
		return metrics;
	}

	// PASS below low, WARNING from low to high, FAIL from high to max.
	private static double between(String status, double unit, double low, double high, double max) {
		return switch (status) {
			case "TEST_CASE_STATUS_WARNING" -> low + unit * (high - low) * 0.999;
			case "TEST_CASE_STATUS_FAIL" -> high + unit * (max - high);
			default -> unit * low * 0.999;
		};
	}

	private static double round(double value) {
		return Math.round(value * 1_000_000) / 1_000_000.0;
	}

}
