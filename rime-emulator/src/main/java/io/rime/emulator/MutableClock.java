package io.rime.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand: give it to {@link RimeEmulator.Builder#clock(Clock)} and a
 * job's lifecycle steps, its expiry and the expiry of its log links happen exactly when the test
 * advances the clock, with no waiting. Thread-safe.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * Create a clock that stands at the given time until it is advanced.
	 * @param start the time to start at
	 */
	public MutableClock(Instant start) {
		this.now = start;
	}

	/**
	 * Move the clock forward.
	 * @param duration how far; negative durations move it back
	 */
	public synchronized void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("A MutableClock stays in UTC");
	}

}
