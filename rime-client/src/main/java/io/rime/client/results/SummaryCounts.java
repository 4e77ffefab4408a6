package io.rime.client.results;

/**
 * Test case counts by status, of a test run or of one test batch.
 *
 * @param total all test cases
 * @param pass the cases that passed
 * @param warning the cases that passed with a warning
 * @param fail the cases that failed
 * @param skip the cases that were skipped
 */
public record SummaryCounts(long total, long pass, long warning, long fail, long skip) {

	/** No test cases. */
	public static final SummaryCounts NONE = new SummaryCounts(0, 0, 0, 0, 0);

	/**
	 * Return the sum of these counts and others.
	 * @param other the other counts
	 * @return the sum
	 */
	public SummaryCounts plus(SummaryCounts other) {
		return new SummaryCounts(this.total + other.total, this.pass + other.pass, this.warning + other.warning,
				this.fail + other.fail, this.skip + other.skip);
	}

}
