package io.rime.client.results;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of one test case, as REST v1's {@code TestCaseStatus} names it.
 */
public enum TestCaseStatus {

	/** Passed; RIME leaves the field out for this value. */
	PASS,

	/** Passed with a warning. */
	WARNING,

	/** Failed. */
	FAIL,

	/** Not run, for example for lack of data. */
	SKIP,

	/** A status this version of the SDK does not know. */
	UNKNOWN;

	/**
	 * Return the name the results CSV writes.
	 * @return for example {@code TEST_CASE_STATUS_FAIL}
	 */
	public String wireName() {
		return "TEST_CASE_STATUS_" + name();
	}

	/**
	 * Return the status of a REST v1 name; a missing one is {@link #PASS}, as proto3 JSON leaves it out.
	 * @param wireName for example {@code TEST_CASE_STATUS_WARNING}, or {@code null}
	 * @return the status
	 */
	public static TestCaseStatus fromWireName(@Nullable String wireName) {
		if (wireName == null || wireName.isEmpty()) {
			return PASS;
		}
		return switch (wireName) {
			case "TEST_CASE_STATUS_PASS_UNSPECIFIED", "TEST_CASE_STATUS_PASS" -> PASS;
			case "TEST_CASE_STATUS_WARNING" -> WARNING;
			case "TEST_CASE_STATUS_FAIL" -> FAIL;
			case "TEST_CASE_STATUS_SKIP" -> SKIP;
			default -> UNKNOWN;
		};
	}

}
