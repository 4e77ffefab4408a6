package io.rime.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.rime.client.TestCategory;
import io.rime.client.results.Severity;
import io.rime.client.results.SeverityCounts;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.client.results.TestMetric;

/**
 * Maps result wire types to the public result values. Never throws on what a server sends: a count that
 * is not a number is zero, an unknown enum value is the enum's unknown value.
 */
final class ResultsMapper {

	private static final String METRIC_PREFIX = "TEST_METRIC_CATEGORY_";

	private ResultsMapper() {
	}

	static TestBatch batch(Wire.BatchResult batch) {
		String testType = orEmpty(batch.testType());
		return new TestBatch(testType, (batch.testName() != null) ? batch.testName() : testType,
				orEmpty(batch.description()), TestCategory.fromWireName(batch.testCategory()),
				Severity.fromWireName(batch.severity()), counts(batch.summaryCounts()),
				(batch.failingFeatures() != null) ? nonNull(batch.failingFeatures()) : List.of(),
				Duration.ofMillis(int64(batch.durationInMillis())));
	}

	static TestCase testCase(Wire.TestCase testCase, Map<String, TestBatch> batches) {
		String testType = orEmpty(testCase.testBatchType());
		TestBatch batch = batches.get(testType);
		TestCategory category = TestCategory.fromWireName(testCase.testCategory());
		if (category == TestCategory.UNSPECIFIED && batch != null) {
			category = batch.category();
		}
		List<TestMetric> metrics = new ArrayList<>();
		if (testCase.metrics() != null) {
			for (Wire.TestMetric metric : testCase.metrics()) {
				if (metric != null) {
					metrics.add(metric(metric));
				}
			}
		}
		return new TestCase(testType, (batch != null) ? batch.testName() : testType, orEmpty(testCase.testCaseId()),
				(testCase.features() != null) ? nonNull(testCase.features()) : List.of(),
				TestCaseStatus.fromWireName(testCase.status()), Severity.fromWireName(testCase.severity()),
				(testCase.importanceScore() != null) ? testCase.importanceScore() : 0.0, category, List.copyOf(metrics));
	}

	static SummaryCounts counts(Wire.@Nullable SummaryCounts counts) {
		if (counts == null) {
			return SummaryCounts.NONE;
		}
		return new SummaryCounts(int64(counts.total()), int64(counts.pass()), int64(counts.warning()),
				int64(counts.fail()), int64(counts.skip()));
	}

	static SeverityCounts severityCounts(Wire.@Nullable SeverityCounts counts) {
		if (counts == null) {
			return new SeverityCounts(0, 0, 0);
		}
		return new SeverityCounts(int64(counts.numNoneSeverity()), int64(counts.numLowSeverity()),
				int64(counts.numHighSeverity()));
	}

	private static TestMetric metric(Wire.TestMetric metric) {
		String category = orEmpty(metric.category());
		category = category.startsWith(METRIC_PREFIX) ? category.substring(METRIC_PREFIX.length()) : category;
		Wire.Threshold threshold = (metric.testCaseMonitorInfo() != null) ? metric.testCaseMonitorInfo().threshold()
				: null;
		return new TestMetric(orEmpty(metric.metric()), category, metric.floatValue(), int64OrNull(metric.intValue()),
				metric.strValue(), doubles(metric.floatList()), longs(metric.intList()), strings(metric.strList()),
				(threshold != null) ? new TestMetric.Threshold(threshold.low(), threshold.high(),
						(threshold.type() != null) ? threshold.type() : "TYPE_UNSPECIFIED") : null);
	}

	private static List<Double> doubles(Wire.@Nullable Values values) {
		List<Double> list = new ArrayList<>();
		if (values != null && values.values() != null) {
			for (Object value : values.values()) {
				if (value instanceof Number number) {
					list.add(number.doubleValue());
				}
			}
		}
		return List.copyOf(list);
	}

	private static List<Long> longs(Wire.@Nullable Values values) {
		List<Long> list = new ArrayList<>();
		if (values != null && values.values() != null) {
			for (Object value : values.values()) {
				Long number = (value instanceof Number n) ? (Long) n.longValue() : int64OrNull(String.valueOf(value));
				if (number != null) {
					list.add(number);
				}
			}
		}
		return List.copyOf(list);
	}

	private static List<String> strings(Wire.@Nullable Values values) {
		List<String> list = new ArrayList<>();
		if (values != null && values.values() != null) {
			for (Object value : values.values()) {
				if (value != null) {
					list.add(String.valueOf(value));
				}
			}
		}
		return List.copyOf(list);
	}

	static long int64(@Nullable String text) {
		Long value = int64OrNull(text);
		return (value != null) ? value : 0;
	}

	private static @Nullable Long int64OrNull(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static List<String> nonNull(List<String> values) {
		return values.stream().filter((value) -> value != null).toList();
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
