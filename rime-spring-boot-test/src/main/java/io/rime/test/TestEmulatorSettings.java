package io.rime.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;

/**
 * What both test supports let a test choose about its emulator, read from annotation attributes
 * or properties, so that they build it the same way.
 *
 * @param pendingDuration how long a stress test is pending
 * @param runningDuration how long a stress test runs
 * @param validationDuration how long a registration's validation takes
 * @param cancelDuration how long a cancellation takes
 * @param apiKey the key the emulator requires, or {@code null} for a random one
 * @param manualClock whether the emulator runs on a {@link MutableClock} that the test moves
 */
record TestEmulatorSettings(Duration pendingDuration, Duration runningDuration, Duration validationDuration,
		Duration cancelDuration, @Nullable String apiKey, boolean manualClock) {

	/**
	 * Reads settings as the annotations spell them.
	 * @param pendingDuration such as {@code 50ms}
	 * @param runningDuration such as {@code 500ms}
	 * @param validationDuration such as {@code 0ms}
	 * @param cancelDuration such as {@code 50ms}
	 * @param apiKey a key, or empty for a random one
	 * @param manualClock whether the test moves the clock
	 * @return the settings
	 * @throws IllegalArgumentException naming the attribute whose value is not a duration
	 */
	static TestEmulatorSettings of(String pendingDuration, String runningDuration, String validationDuration,
			String cancelDuration, @Nullable String apiKey, boolean manualClock) {
		return new TestEmulatorSettings(duration("pendingDuration", pendingDuration),
				duration("runningDuration", runningDuration), duration("validationDuration", validationDuration),
				duration("cancelDuration", cancelDuration), (apiKey == null || apiKey.isBlank()) ? null : apiKey,
				manualClock);
	}

	/**
	 * Returns a clock for the emulator: a {@link MutableClock} at the current second when the test
	 * moves the clock, otherwise the system clock.
	 * @return the clock
	 */
	Clock newClock() {
		return this.manualClock ? new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS)) : Clock.systemUTC();
	}

	/**
	 * Builds and starts an emulator with these settings on a free loopback port.
	 * @param clock the clock it reads
	 * @return the started emulator
	 */
	RimeEmulator start(Clock clock) {
		RimeEmulator.Builder builder = RimeEmulator.builder()
			.clock(clock)
			.pendingDuration(this.pendingDuration)
			.runningDuration(this.runningDuration)
			.validationDuration(this.validationDuration)
			.cancelDuration(this.cancelDuration);
		if (this.apiKey != null) {
			builder.apiKey(this.apiKey);
		}
		return builder.build().start();
	}

	private static Duration duration(String attribute, String value) {
		try {
			Duration duration = DurationStyle.detectAndParse(value);
			if (duration.isNegative()) {
				throw new IllegalArgumentException("negative");
			}
			return duration;
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("RIME test emulator " + attribute + " must be a duration of 0 or more, "
					+ "such as 50ms or 2s, but was '" + value + "'", ex);
		}
	}

}
