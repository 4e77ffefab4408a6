package io.rime.autoconfigure.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.rime.watch.RimeWatcherSettings;

/**
 * Configuration properties of the RIME job watcher.
 */
@ConfigurationProperties("rime.watcher")
public class RimeWatcherProperties {

	/**
	 * Whether to watch RIME jobs and publish application events when they change status or finish.
	 */
	private boolean enabled;

	/**
	 * Delay before the first poll cycle and from the start of one cycle to the start of the next.
	 */
	private Duration pollInterval = RimeWatcherSettings.DEFAULT_POLL_INTERVAL;

	/**
	 * Projects whose active jobs are watched. When empty, every project the API key can see.
	 */
	private List<String> projectIds = new ArrayList<>();

	/**
	 * How often the list of projects the API key can see is read again, when no project ids are set.
	 */
	private Duration projectRefreshInterval = RimeWatcherSettings.DEFAULT_PROJECT_REFRESH_INTERVAL;

	/**
	 * How long stopping the application waits for a poll cycle in progress before abandoning it.
	 */
	private Duration shutdownTimeout = RimeWatcherSettings.DEFAULT_SHUTDOWN_TIMEOUT;

	/**
	 * Number of finished jobs remembered for the 'rime' actuator endpoint.
	 */
	private int finishedHistorySize = RimeWatcherSettings.DEFAULT_FINISHED_HISTORY_SIZE;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getPollInterval() {
		return this.pollInterval;
	}

	public void setPollInterval(Duration pollInterval) {
		this.pollInterval = pollInterval;
	}

	public List<String> getProjectIds() {
		return this.projectIds;
	}

	public void setProjectIds(List<String> projectIds) {
		this.projectIds = projectIds;
	}

	public Duration getProjectRefreshInterval() {
		return this.projectRefreshInterval;
	}

	public void setProjectRefreshInterval(Duration projectRefreshInterval) {
		this.projectRefreshInterval = projectRefreshInterval;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public int getFinishedHistorySize() {
		return this.finishedHistorySize;
	}

	public void setFinishedHistorySize(int finishedHistorySize) {
		this.finishedHistorySize = finishedHistorySize;
	}

}
