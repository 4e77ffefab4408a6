package io.rime.emulator.internal.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rime.emulator.internal.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The computed results of a test run in REST v1 shape: test batch results (summary counts,
 * severity, failing features) and their test cases, in batch order. The same files and spec give
 * byte-identical JSON.
 */
public final class DataCheckReport {

	private final List<ObjectNode> batches = new ArrayList<>();

	private final List<ObjectNode> testCases = new ArrayList<>();

	void add(String testRunId, String type, String name, String category, String description, List<TestCase> cases) {
		ObjectNode batch = Json.object();
		batch.put("testRunId", testRunId);
		batch.put("testType", type);
		batch.put("testName", name);
		batch.put("description", description);
		batch.put("testCategory", category);
		long[] counts = new long[Verdict.values().length];
		Verdict worst = Verdict.PASS;
		Set<String> failingFeatures = new LinkedHashSet<>();
		Check check = new Check(type, name, category, description);
		for (int i = 0; i < cases.size(); i++) {
			TestCase testCase = cases.get(i);
			this.testCases.add(testCase.json(testRunId, check, i));
			counts[testCase.verdict.ordinal()]++;
			if (testCase.verdict == Verdict.WARNING || testCase.verdict == Verdict.FAIL) {
				if (testCase.verdict.ordinal() > worst.ordinal()) {
					worst = testCase.verdict;
				}
				if (testCase.feature != null) {
					failingFeatures.add(testCase.feature);
				}
			}
		}
		boolean allSkipped = !cases.isEmpty() && counts[Verdict.SKIP.ordinal()] == cases.size();
		batch.put("severity", allSkipped ? Verdict.SKIP.severity : worst.severity);
		ObjectNode summary = batch.putObject("summaryCounts");
		summary.put("total", Long.toString(cases.size()));
		summary.put("pass", Long.toString(counts[Verdict.PASS.ordinal()]));
		summary.put("warning", Long.toString(counts[Verdict.WARNING.ordinal()]));
		summary.put("fail", Long.toString(counts[Verdict.FAIL.ordinal()]));
		summary.put("skip", Long.toString(counts[Verdict.SKIP.ordinal()]));
		failingFeatures.forEach(batch.putArray("failingFeatures")::add);
		this.batches.add(batch);
	}

	/** The test batch results, without {@code durationInMillis} (a measured time is not repeatable). */
	public List<ObjectNode> batches() {
		return Collections.unmodifiableList(this.batches);
	}

	/** The test cases of all batches, in batch order. */
	public List<ObjectNode> testCases() {
		return Collections.unmodifiableList(this.testCases);
	}

	/** The test types of the batches, in order. */
	public List<String> batchTypes() {
		return this.batches.stream().map((batch) -> batch.path("testType").asString()).toList();
	}

}
