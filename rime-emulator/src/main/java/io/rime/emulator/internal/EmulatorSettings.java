package io.rime.emulator.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How an emulator behaves: its clock and the timings of the job lifecycle.
 *
 * @param clock the clock that every lifecycle step and expiry reads
 * @param pendingDuration time from a job's start request to its running phase
 * @param runningDuration time a stress test runs
 * @param validationDuration time a registry validation job takes
 * @param cancelDuration time from a cancel request to the cancelled status
 * @param jobTtl how long a finished job stays readable
 * @param testCasesPerRun the number of test cases of every run, or {@code null} for one per
 * feature per test batch
 * @param licenseExpiration when the license that {@code /v1/rime-info} reports expires
 */
public record EmulatorSettings(Clock clock, Duration pendingDuration, Duration runningDuration,
		Duration validationDuration, Duration cancelDuration, Duration jobTtl, @Nullable Long testCasesPerRun,
		Instant licenseExpiration, boolean dataChecks) {

	public Instant now() {
		return this.clock.instant();
	}

}
