package io.rime.client.results;

import org.jspecify.annotations.Nullable;

/**
 * How severe a result is, as REST v1's {@code RimeSeverity} names it; declared from least to most severe,
 * so {@code compareTo} orders by severity.
 */
public enum Severity {

	/** Not said (for example a skipped test), or a severity this version of the SDK does not know. */
	UNSPECIFIED,

	/** Nothing to report. */
	PASS,

	/** Worth a look. */
	WARNING,

	/** Needs action. */
	ALERT;

	/**
	 * Return the REST v1 name.
	 * @return for example {@code SEVERITY_ALERT}
	 */
	public String wireName() {
		return "SEVERITY_" + name();
	}

	/**
	 * Return the severity of a REST v1 name; unknown or missing names give {@link #UNSPECIFIED}.
	 * @param wireName for example {@code SEVERITY_WARNING}, or {@code null}
	 * @return the severity
	 */
	public static Severity fromWireName(@Nullable String wireName) {
		if (wireName == null) {
			return UNSPECIFIED;
		}
		return switch (wireName) {
			case "SEVERITY_PASS" -> PASS;
			case "SEVERITY_WARNING" -> WARNING;
			case "SEVERITY_ALERT" -> ALERT;
			default -> UNSPECIFIED;
		};
	}

}
