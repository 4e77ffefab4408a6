package io.rime.emulator.internal.checks;

/**
 * A test case's status and the RIME severity that goes with it.
 */
enum Verdict {

	PASS("TEST_CASE_STATUS_PASS_UNSPECIFIED", "SEVERITY_PASS"),

	WARNING("TEST_CASE_STATUS_WARNING", "SEVERITY_WARNING"),

	FAIL("TEST_CASE_STATUS_FAIL", "SEVERITY_ALERT"),

	SKIP("TEST_CASE_STATUS_SKIP", "SEVERITY_UNSPECIFIED");

	final String status;

	final String severity;

	Verdict(String status, String severity) {
		this.status = status;
		this.severity = severity;
	}

	/**
	 * Judges a value against an upper-bound threshold pair.
	 * @param value the value
	 * @param warning the value from which it is a warning
	 * @param fail the value from which it fails
	 * @return the verdict
	 */
	static Verdict atLeast(double value, double warning, double fail) {
		return (value >= fail) ? FAIL : (value >= warning) ? WARNING : PASS;
	}

}
