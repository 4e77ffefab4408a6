package io.rime.emulator.internal.checks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.rime.emulator.internal.Json;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one REST v1 {@code TestCase} with its {@code TestMetric}s: int64 values as strings,
 * a PASS status left out (proto3 JSON omits zero values), the threshold a metric was judged
 * against in {@code testCaseMonitorInfo}.
 */
final class TestCase {

	static final String DRIFT_STAT = "TEST_METRIC_CATEGORY_DRIFT_STAT";

	static final String FAILING_INPUTS = "TEST_METRIC_CATEGORY_FAILING_INPUTS";

	static final String FEATURE = "TEST_METRIC_CATEGORY_FEATURE";

	static final String INPUT = "TEST_METRIC_CATEGORY_INPUT";

	static final String UNSPECIFIED = "TEST_METRIC_CATEGORY_UNSPECIFIED";

	final Verdict verdict;

	final @Nullable String feature;

	private final ArrayNode metrics = JsonNodeFactory.instance.arrayNode();

	TestCase(Verdict verdict, @Nullable String feature) {
		this.verdict = verdict;
		this.feature = feature;
	}

	static TestCase skip(@Nullable String feature, String reason) {
		return new TestCase(Verdict.SKIP, feature).text("skip_reason", UNSPECIFIED, reason);
	}

	TestCase number(String metric, String category, double value) {
		this.metrics.addObject().put("metric", metric).put("category", category).put("floatValue", value);
		return this;
	}

	/**
	 * Adds a value and the thresholds it was judged against.
	 * @param metric the metric name
	 * @param category the metric category
	 * @param value the value
	 * @param warning the warning threshold ({@code low})
	 * @param fail the alert threshold ({@code high})
	 * @param upperBound whether values at or above the thresholds are bad
	 * @return this
	 */
	TestCase judged(String metric, String category, double value, double warning, double fail, boolean upperBound) {
		ObjectNode json = this.metrics.addObject().put("metric", metric).put("category", category).put("floatValue", value);
		json.putObject("testCaseMonitorInfo")
			.putObject("threshold")
			.put("low", warning)
			.put("high", fail)
			.put("type", upperBound ? "TYPE_UPPER_BOUND" : "TYPE_LOWER_BOUND");
		return this;
	}

	TestCase count(String metric, String category, long value) {
		this.metrics.addObject().put("metric", metric).put("category", category).put("intValue", Long.toString(value));
		return this;
	}

	TestCase text(String metric, String category, String value) {
		this.metrics.addObject().put("metric", metric).put("category", category).put("strValue", value);
		return this;
	}

	/** Adds a list of strings, unless it is empty. */
	TestCase texts(String metric, String category, List<String> values) {
		return list(metric, category, "strList", values);
	}

	/** Adds a list of integers (as strings, like every int64), unless it is empty. */
	TestCase counts(String metric, String category, List<Long> values) {
		return list(metric, category, "intList", values.stream().map(String::valueOf).toList());
	}

	private TestCase list(String metric, String category, String field, List<String> values) {
		if (!values.isEmpty()) {
			ArrayNode list = this.metrics.addObject()
				.put("metric", metric)
				.put("category", category)
				.putObject(field)
				.putArray("values");
			values.forEach(list::add);
		}
		return this;
	}

	ObjectNode json(String testRunId, Check check, int index) {
		ObjectNode json = Json.object();
		json.put("testRunId", testRunId);
		ArrayNode features = json.putArray("features");
		String id = Integer.toString(index);
		if (this.feature != null) {
			features.add(this.feature);
			id = Base64.getUrlEncoder().encodeToString(this.feature.getBytes(StandardCharsets.UTF_8));
		}
		json.put("testBatchType", check.type());
		json.put("testCaseId", check.type() + "-" + id);
		if (this.feature != null) {
			json.put("urlSafeFeatureId", id);
		}
		if (this.verdict != Verdict.PASS) {
			json.put("status", this.verdict.status);
		}
		json.put("severity", this.verdict.severity);
		json.put("testCategory", check.category());
		json.set("metrics", this.metrics);
		return json;
	}

}
