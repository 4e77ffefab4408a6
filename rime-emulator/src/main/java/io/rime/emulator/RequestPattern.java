package io.rime.emulator;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The request part of a {@link Fault}: a path pattern ({@code *} one segment, {@code **} any
 * number) and, after {@code ?}, a query parameter the request must have.
 *
 * @param path the path as a regular expression
 * @param queryParameter the parameter the query must have, or {@code null} for any query
 */
record RequestPattern(Pattern path, @Nullable String queryParameter) {

	static RequestPattern of(String pattern) {
		int query = pattern.indexOf('?');
		String path = (query >= 0) ? pattern.substring(0, query) : pattern;
		return new RequestPattern(compile(path), (query >= 0) ? pattern.substring(query + 1) : null);
	}

	boolean matches(String rawPath, @Nullable String rawQuery) {
		return this.path.matcher(rawPath).matches()
				&& (this.queryParameter == null || hasParameter(rawQuery, this.queryParameter));
	}

	private static boolean hasParameter(@Nullable String rawQuery, String name) {
		if (rawQuery == null) {
			return false;
		}
		for (String pair : rawQuery.split("&")) {
			if (pair.equals(name) || pair.startsWith(name + "=")) {
				return true;
			}
		}
		return false;
	}

	private static Pattern compile(String pathPattern) {
		StringBuilder regex = new StringBuilder();
		for (String part : pathPattern.split("(?=/)")) {
			String segment = part.substring(1);
			if (segment.equals("**")) {
				regex.append("(/.*)?");
			}
			else if (segment.equals("*")) {
				regex.append("/[^/]+");
			}
			else {
				regex.append(Pattern.quote(part));
			}
		}
		return Pattern.compile(regex.toString());
	}

}
