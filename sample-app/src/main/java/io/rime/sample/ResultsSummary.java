package io.rime.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.rime.client.results.RimeTestRun;
import io.rime.client.results.Severity;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestCase;

/**
 * What a test run says, in brief: how many test cases ended in each status, which tests failed on
 * which features, the worst severity, and what the data tests measured, read through the SDK's
 * typed results.
 *
 * @param testCases the number of test cases
 * @param countsByStatus test cases per status, in the order PASS, WARNING, FAIL, SKIP
 * @param failingTests the features each failing test failed on, by test name in RIME's order
 * @param worstSeverity the most severe outcome of any test
 * @param dataFindings the largest value each data test measured, failures and warnings first
 */
public record ResultsSummary(long testCases, Map<String, Long> countsByStatus, Map<String, Set<String>> failingTests,
		Severity worstSeverity, List<DataFinding> dataFindings) {

	/**
	 * Summarise a test run: its counts, then its failed test cases, streamed page by page.
	 * @param run the test run
	 * @return the summary
	 */
	public static ResultsSummary of(RimeTestRun run) {
		SummaryCounts counts = run.summaryCounts();
		Map<String, Long> byStatus = new LinkedHashMap<>();
		byStatus.put("PASS", counts.pass());
		byStatus.put("WARNING", counts.warning());
		byStatus.put("FAIL", counts.fail());
		byStatus.put("SKIP", counts.skip());
		Map<String, Set<String>> failing = new LinkedHashMap<>();
		try (Stream<TestCase> failures = run.failures()) {
			failures.forEach((testCase) -> failing.computeIfAbsent(testCase.testName(), (name) -> new LinkedHashSet<>())
				.addAll(testCase.features()));
		}
		return new ResultsSummary(counts.total(), Collections.unmodifiableMap(byStatus),
				Collections.unmodifiableMap(failing), run.worstSeverity(), DataFinding.of(run));
	}

	/**
	 * Return the number of failing test cases.
	 * @return the count of {@code FAIL} cases
	 */
	public long failures() {
		return this.countsByStatus.getOrDefault("FAIL", 0L);
	}

	/**
	 * Return the counts as one line, such as {@code PASS 78, WARNING 16, FAIL 11, SKIP 5}.
	 * @return the counts
	 */
	public String countsLine() {
		return this.countsByStatus.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

}
