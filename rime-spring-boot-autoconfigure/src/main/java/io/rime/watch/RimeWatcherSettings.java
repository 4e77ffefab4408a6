package io.rime.watch;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link RimeJobWatcher} polls.
 *
 * @param pollInterval the time from the start of one poll cycle to the start of the next
 * @param projectIds the projects to watch; empty for every project the API key can see
 * @param projectRefreshInterval how often the list of visible projects is read again when
 * {@code projectIds} is empty
 * @param shutdownTimeout how long stopping waits for a poll cycle in progress before abandoning it
 * @param finishedHistorySize how many finished jobs the watcher remembers for the actuator endpoint
 */
public record RimeWatcherSettings(Duration pollInterval, List<String> projectIds, Duration projectRefreshInterval,
		Duration shutdownTimeout, int finishedHistorySize) {

	/**
	 * The seed SDK's poll rate, the default poll interval.
	 */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);

	/**
	 * How often the list of projects is read again by default, when no project ids are set.
	 */
	public static final Duration DEFAULT_PROJECT_REFRESH_INTERVAL = Duration.ofMinutes(5);

	/**
	 * How long stopping waits for a poll cycle in progress by default.
	 */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * How many finished jobs are remembered by default.
	 */
	public static final int DEFAULT_FINISHED_HISTORY_SIZE = 50;

	/**
	 * Keeps its own copy of the project ids. The values are not checked again here: the starter
	 * checks each {@code rime.watcher.*} property once, naming the property, before it creates the
	 * settings.
	 */
	public RimeWatcherSettings {
		projectIds = List.copyOf(projectIds);
	}

	/**
	 * Return the defaults: every 5 s, every project (read again every 5 minutes), 10 s to stop,
	 * 50 finished jobs remembered.
	 * @return the default settings
	 */
	public static RimeWatcherSettings defaults() {
		return new RimeWatcherSettings(DEFAULT_POLL_INTERVAL, List.of(), DEFAULT_PROJECT_REFRESH_INTERVAL,
				DEFAULT_SHUTDOWN_TIMEOUT, DEFAULT_FINISHED_HISTORY_SIZE);
	}

}
