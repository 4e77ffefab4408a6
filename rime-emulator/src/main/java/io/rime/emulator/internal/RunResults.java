package io.rime.emulator.internal;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * The results of one test run, as the results endpoints page through them: generated from the
 * run's name and features, or computed from its data files.
 */
interface RunResults {

	String testRunId();

	String jobId();

	/** The test types of the run's batches, in order; known before the results are. */
	List<String> batchTypes();

	default int batchCount() {
		return batchTypes().size();
	}

	ObjectNode batch(int index);

	long caseCount();

	ObjectNode testCase(long index);

	/**
	 * Counts the test cases by status.
	 * @return pass, warning, fail and skip counts
	 */
	default long[] statusCounts() {
		long[] counts = new long[4];
		for (int i = 0; i < batchCount(); i++) {
			ObjectNode summary = (ObjectNode) batch(i).path("summaryCounts");
			counts[0] += Long.parseLong(summary.path("pass").asString("0"));
			counts[1] += Long.parseLong(summary.path("warning").asString("0"));
			counts[2] += Long.parseLong(summary.path("fail").asString("0"));
			counts[3] += Long.parseLong(summary.path("skip").asString("0"));
		}
		return counts;
	}

	/**
	 * Generated results: see {@link ResultsGenerator}.
	 *
	 * @param run the run
	 */
	record Generated(ResultsGenerator.TestRun run) implements RunResults {

		@Override
		public String testRunId() {
			return this.run.testRunId();
		}

		@Override
		public String jobId() {
			return this.run.jobId();
		}

		@Override
		public List<String> batchTypes() {
			return Job.GENERATED_BATCH_TYPES;
		}

		@Override
		public ObjectNode batch(int index) {
			return ResultsGenerator.batchResult(this.run, index);
		}

		@Override
		public long caseCount() {
			return this.run.caseCount();
		}

		@Override
		public ObjectNode testCase(long index) {
			return ResultsGenerator.testCase(this.run, index);
		}

		@Override
		public long[] statusCounts() {
			return ResultsGenerator.statusCounts(this.run);
		}

	}

}
