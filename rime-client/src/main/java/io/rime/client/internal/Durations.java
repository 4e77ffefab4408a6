package io.rime.client.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Durations as the JDK's timed waits take them, where a duration too long to count (292 years
 * in nanoseconds) means "no limit" instead of an {@link ArithmeticException} half-way through a
 * call; and as messages show them, the way Spring Boot's properties are written ({@code 5s}).
 */
public final class Durations {

	private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES,
			ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS, ChronoUnit.NANOS);

	private static final List<String> SUFFIXES = List.of("d", "h", "m", "s", "ms", "us", "ns");

	private Durations() {
	}

	/**
	 * Write a duration the way Spring Boot's properties are written: {@code 2d}, {@code 5m},
	 * {@code 30s}, {@code 200ms}, in the largest unit that holds it exactly; {@code 0s} for zero.
	 * @param duration the duration
	 * @return the text
	 */
	public static String format(Duration duration) {
		if (duration.isZero()) {
			return "0s";
		}
		for (int i = 0; i < UNITS.size(); i++) {
			Duration unit = UNITS.get(i).getDuration();
			long amount = duration.dividedBy(unit);
			if (unit.multipliedBy(amount).equals(duration)) {
				return amount + SUFFIXES.get(i);
			}
		}
		return duration.toString();
	}

	/**
	 * A duration in nanoseconds, saturated.
	 * @param duration the duration, not negative
	 * @return the nanoseconds, {@code Long.MAX_VALUE} for a duration too long to count in them
	 */
	static long nanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	/**
	 * Whether a duration is too long to count in nanoseconds, and so means "no limit".
	 * @param duration the duration
	 * @return whether it is unbounded
	 */
	static boolean unbounded(Duration duration) {
		return nanos(duration) == Long.MAX_VALUE;
	}

}
