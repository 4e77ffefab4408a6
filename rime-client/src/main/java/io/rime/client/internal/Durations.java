package io.rime.client.internal;

import java.time.Duration;

/**
 * Durations as the JDK's timed waits take them, where a duration too long to count (292 years
 * in nanoseconds) means "no limit" instead of an {@link ArithmeticException} half-way through a
 * call.
 */
final class Durations {

	private Durations() {
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
