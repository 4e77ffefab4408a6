package io.rime.emulator;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a duration as Spring Boot's properties take it, so that the emulator's command line and
 * {@code rime.emulator.*} agree: a whole number with a unit ({@code 500ms}, {@code 10s}, {@code 10m},
 * {@code 2h}, {@code 2d}, also {@code ns} and {@code us}), a bare number of milliseconds, or ISO-8601
 * ({@code PT10M}, {@code P2D}). The emulator knows nothing of Spring, hence this copy of the syntax.
 */
final class DurationText {

	static final String EXPECTED = "a duration such as 500ms, 10s, 10m, 2h, 2d or PT10M";

	private static final Pattern SIMPLE = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");

	private DurationText() {
	}

	/**
	 * Parse a duration.
	 * @param text the text
	 * @return the duration, never negative
	 * @throws IllegalArgumentException naming the text and the expected syntax
	 */
	static Duration parse(String text) {
		Duration duration = parseSigned(text.trim());
		if (duration.isNegative()) {
			throw new IllegalArgumentException("'" + text + "' is negative; expected " + EXPECTED);
		}
		return duration;
	}

	private static Duration parseSigned(String text) {
		if (text.startsWith("P") || text.startsWith("p") || text.startsWith("-P") || text.startsWith("-p")
				|| text.startsWith("+P") || text.startsWith("+p")) {
			try {
				return Duration.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 duration; expected " + EXPECTED);
			}
		}
		Matcher matcher = SIMPLE.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("'" + text + "' is not " + EXPECTED);
		}
		long amount;
		try {
			amount = Long.parseLong(matcher.group(1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is too long; expected " + EXPECTED);
		}
		ChronoUnit unit = switch (matcher.group(2).toLowerCase(Locale.ROOT)) {
			case "ns" -> ChronoUnit.NANOS;
			case "us" -> ChronoUnit.MICROS;
			case "", "ms" -> ChronoUnit.MILLIS;
			case "s" -> ChronoUnit.SECONDS;
			case "m" -> ChronoUnit.MINUTES;
			case "h" -> ChronoUnit.HOURS;
			case "d" -> ChronoUnit.DAYS;
			default -> throw new IllegalArgumentException("'" + text + "' has an unknown unit '" + matcher.group(2)
					+ "'; expected ns, us, ms, s, m, h or d, as in " + EXPECTED);
		};
		try {
			return Duration.of(amount, unit);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("'" + text + "' is too long; expected " + EXPECTED);
		}
	}

}
