package io.rime.watch;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a {@link RimeJobWatcher}'s state, cheap to take: for the health indicator and the
 * actuator endpoint.
 *
 * @param running whether the watcher is started and polling
 * @param pollInterval the delay between poll cycles
 * @param lastPoll when the last poll cycle ended, successfully or not; {@code null} before the first
 * @param lastSuccessfulPoll when the last poll cycle that reached RIME ended; {@code null} before
 * the first
 * @param consecutiveFailures failed poll cycles since the last successful one
 * @param totalFailures failed poll cycles since the watcher was created
 * @param lastError type and message of the last failure of the current outage, without secrets;
 * {@code null} while RIME is reachable
 * @param watchedJobs how many jobs are watched
 * @param cluster the leader election of watchers that share a ledger; {@code null} for one watcher
 * per application
 */
public record RimeWatcherState(boolean running, Duration pollInterval, @Nullable Instant lastPoll,
		@Nullable Instant lastSuccessfulPoll, int consecutiveFailures, long totalFailures, @Nullable String lastError,
		int watchedJobs, @Nullable RimeWatcherClusterState cluster) {

	/**
	 * Whether the last poll cycle failed: RIME could not be reached or answered an error.
	 * @return {@code true} during an outage
	 */
	public boolean failing() {
		return this.consecutiveFailures > 0;
	}

}
