package io.rime.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.node.ObjectNode;

/**
 * Results a test chose: its batches' test cases have the seeded statuses, in the generated
 * results' shape, and take the run's features in turn.
 */
final class SeededRunResults implements RunResults {

	private final String testRunId;

	private final String jobId;

	private final List<ObjectNode> batches = new ArrayList<>();

	private final List<ObjectNode> testCases = new ArrayList<>();

	SeededRunResults(String testRunId, String jobId, List<String> features, List<SeedingApi.SeededBatch> seeded) {
		this.testRunId = testRunId;
		this.jobId = jobId;
		for (SeedingApi.SeededBatch seededBatch : seeded) {
			ResultsGenerator.Batch batch = ResultsGenerator.BATCHES.stream()
				.filter((candidate) -> candidate.type().equals(seededBatch.testType()))
				.findFirst()
				.orElseThrow(() -> ApiError.invalid("unknown test type '" + seededBatch.testType() + "'"));
			long[] counts = new long[4];
			Set<String> failingFeatures = new LinkedHashSet<>();
			for (String status : seededBatch.statuses()) {
				long index = this.testCases.size();
				String feature = features.isEmpty() ? null : features.get((int) (index % features.size()));
				this.testCases.add(ResultsGenerator.testCase(testRunId, batch, index, feature, status,
						ResultsGenerator.mix(index ^ testRunId.hashCode())));
				int slot = switch (status) {
					case "TEST_CASE_STATUS_WARNING" -> 1;
					case "TEST_CASE_STATUS_FAIL" -> 2;
					case "TEST_CASE_STATUS_SKIP" -> 3;
					default -> 0;
				};
				counts[slot]++;
				// RIME lists a feature whose case only warns as failing too.
				if ((slot == 1 || slot == 2) && feature != null) {
					failingFeatures.add(feature);
				}
			}
			this.batches.add(ResultsGenerator.batchResult(testRunId, batch, 200, counts, failingFeatures));
		}
	}

	@Override
	public String testRunId() {
		return this.testRunId;
	}

	@Override
	public String jobId() {
		return this.jobId;
	}

	@Override
	public List<String> batchTypes() {
		return this.batches.stream().map((batch) -> batch.path("testType").asString()).toList();
	}

	@Override
	public ObjectNode batch(int index) {
		return this.batches.get(index).deepCopy();
	}

	@Override
	public long caseCount() {
		return this.testCases.size();
	}

	@Override
	public ObjectNode testCase(long index) {
		return this.testCases.get((int) index).deepCopy();
	}

}
