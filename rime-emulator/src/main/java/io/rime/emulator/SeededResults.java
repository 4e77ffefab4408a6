package io.rime.emulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import io.rime.emulator.internal.SeedingApi;

/**
 * The results a seeded stress test ends with: test batches whose test cases have the statuses a
 * test chose. Immutable: each {@code batch} call returns a new value.
 *
 * <pre>{@code
 * SeededResults results = SeededResults.empty()
 *     .batch("subset_accuracy", SeededResults.Status.PASS, SeededResults.Status.FAIL)
 *     .batch("numeric_feature_drift", SeededResults.Status.WARNING, SeededResults.Status.SKIP);
 * String jobId = emulator.seed().stressTest(projectId, results);
 * }</pre>
 *
 * Each test case's severity follows its status as in RIME ({@code PASS} to {@code SEVERITY_PASS},
 * {@code WARNING} to {@code SEVERITY_WARNING}, {@code FAIL} to {@code SEVERITY_ALERT}, {@code SKIP}
 * to {@code SEVERITY_UNSPECIFIED}), a batch's severity is that of its worst case, and the test
 * run's counts are the sums of its batches'. The cases' features are the seeded dataset's, in turn,
 * and their metrics lie on the side of their thresholds that their status says.
 */
public final class SeededResults {

	private static final SeededResults EMPTY = new SeededResults(List.of());

	private final List<SeedingApi.SeededBatch> batches;

	private SeededResults(List<SeedingApi.SeededBatch> batches) {
		this.batches = batches;
	}

	/**
	 * Returns results without test batches (a run that tested nothing).
	 * @return the empty results
	 */
	public static SeededResults empty() {
		return EMPTY;
	}

	/**
	 * Returns these results with one more test batch.
	 * @param testType a test type of the emulator's generated results, such as
	 * {@code subset_accuracy} or {@code numeric_feature_drift}
	 * @param statuses the statuses of the batch's test cases, in order; at least one
	 * @return new results
	 * @throws IllegalArgumentException when the test type is unknown or already used, or no status
	 * is given
	 */
	public SeededResults batch(String testType, Status... statuses) {
		if (statuses == null || statuses.length == 0 || Arrays.asList(statuses).contains(null)) {
			throw new IllegalArgumentException("Seeded batch '" + testType
					+ "' needs at least one test case status and no null one; expected some of "
					+ Arrays.toString(Status.values()));
		}
		if (!SeedingApi.TEST_TYPES.contains(testType)) {
			throw new IllegalArgumentException(
					"Seeded batch test type must be one of " + SeedingApi.TEST_TYPES + ", but was '" + testType + "'");
		}
		if (this.batches.stream().anyMatch((batch) -> batch.testType().equals(testType))) {
			throw new IllegalArgumentException("Seeded batch test type '" + testType + "' is already in these results");
		}
		List<SeedingApi.SeededBatch> batches = new ArrayList<>(this.batches);
		batches.add(new SeedingApi.SeededBatch(testType,
				Arrays.stream(statuses).map((status) -> status.wireStatus).toList()));
		return new SeededResults(Collections.unmodifiableList(batches));
	}

	List<SeedingApi.SeededBatch> batches() {
		return this.batches;
	}

	@Override
	public String toString() {
		return "SeededResults" + this.batches;
	}

	/**
	 * The status of a seeded test case.
	 */
	public enum Status {

		/** The case passed. */
		PASS("TEST_CASE_STATUS_PASS_UNSPECIFIED"),

		/** The case passed with a warning. */
		WARNING("TEST_CASE_STATUS_WARNING"),

		/** The case failed. */
		FAIL("TEST_CASE_STATUS_FAIL"),

		/** The case was skipped. */
		SKIP("TEST_CASE_STATUS_SKIP");

		private final String wireStatus;

		Status(String wireStatus) {
			this.wireStatus = wireStatus;
		}

	}

}
