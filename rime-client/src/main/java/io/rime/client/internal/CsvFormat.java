package io.rime.client.internal;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The results CSV formats, by the RIME version that introduced them. A pinned version selects the
 * newest format that existed at that version, so code written against a RIME version (such as
 * {@code 2.10.16}) keeps working; only versions older than the first format are refused.
 */
enum CsvFormat {

	/** {@code test_name,feature(s),status}. */
	V0_12_0("0.12.0", List.of("test_name", "feature(s)", "status")),

	/** The 0.12.0 columns, then {@code test_type,severity,importance_score,test_category}. */
	V1_0_0("1.0.0", List.of("test_name", "feature(s)", "status", "test_type", "severity", "importance_score",
			"test_category"));

	private final SemVer version;

	private final List<String> header;

	CsvFormat(String version, List<String> header) {
		this.version = SemVer.parse(version);
		this.header = header;
	}

	/**
	 * Return the column names.
	 * @return the header
	 */
	public List<String> header() {
		return this.header;
	}

	/**
	 * Select the format for a pinned version.
	 * @param pin a semantic version, or {@code null} for the newest format
	 * @return the format
	 * @throws IllegalArgumentException if the pin is not a semantic version or is older than every format
	 */
	public static CsvFormat forVersion(@Nullable String pin) {
		CsvFormat newest = values()[values().length - 1];
		if (pin == null) {
			return newest;
		}
		SemVer wanted;
		try {
			wanted = SemVer.parse(pin);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Results CSV version '" + pin
					+ "' is not a semantic version; expected MAJOR.MINOR.PATCH, one of " + supported());
		}
		CsvFormat selected = null;
		for (CsvFormat format : values()) {
			if (format.version.compareTo(wanted) <= 0) {
				selected = format;
			}
		}
		if (selected == null) {
			throw new IllegalArgumentException("Results CSV version '" + pin
					+ "' is older than every format this SDK writes; expected one of " + supported());
		}
		return selected;
	}

	private static String supported() {
		return Arrays.stream(values()).map((format) -> format.version.toString()).collect(Collectors.joining(", "));
	}

}
