package io.rime.client.internal;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A semantic version (semver.org 2.0.0), compared by precedence; build metadata is ignored.
 *
 * @param major the major version
 * @param minor the minor version
 * @param patch the patch version
 * @param preRelease the pre-release identifiers, or {@code null}
 */
record SemVer(long major, long minor, long patch, @Nullable String preRelease) implements Comparable<SemVer> {

	private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})\\.(0|[1-9]\\d{0,17})"
			+ "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
			+ "(?:\\+[0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*)?");

	static SemVer parse(String text) {
		Matcher matcher = SEMVER.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not a semantic version");
		}
		return new SemVer(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
				Long.parseLong(matcher.group(3)), matcher.group(4));
	}

	@Override
	public int compareTo(SemVer other) {
		int result = Long.compare(this.major, other.major);
		result = (result != 0) ? result : Long.compare(this.minor, other.minor);
		result = (result != 0) ? result : Long.compare(this.patch, other.patch);
		return (result != 0) ? result : comparePreRelease(this.preRelease, other.preRelease);
	}

	// A release outranks its pre-releases; identifiers compare numerically when both are numbers.
	private static int comparePreRelease(@Nullable String a, @Nullable String b) {
		if (a == null || b == null) {
			return (a == null) ? ((b == null) ? 0 : 1) : -1;
		}
		String[] left = a.split("\\.");
		String[] right = b.split("\\.");
		for (int i = 0; i < Math.min(left.length, right.length); i++) {
			boolean leftNumeric = left[i].chars().allMatch(Character::isDigit);
			boolean rightNumeric = right[i].chars().allMatch(Character::isDigit);
			int result;
			if (leftNumeric && rightNumeric) {
				result = new BigInteger(left[i]).compareTo(new BigInteger(right[i]));
			}
			else if (leftNumeric != rightNumeric) {
				result = leftNumeric ? -1 : 1;
			}
			else {
				result = left[i].compareTo(right[i]);
			}
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(left.length, right.length);
	}

	@Override
	public String toString() {
		return this.major + "." + this.minor + "." + this.patch + ((this.preRelease != null) ? "-" + this.preRelease : "");
	}

}
