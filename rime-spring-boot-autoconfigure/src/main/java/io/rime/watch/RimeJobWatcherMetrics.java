package io.rime.watch;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.rime.client.JobStatus;

/**
 * Binds the {@link RimeJobWatcher}'s meters: {@code rime.watcher.jobs} (gauge of watched jobs per
 * {@code status}), {@code rime.jobs.finished} (counter of finished events per {@code status}) and
 * {@code rime.watcher.poll.errors} (counter of failed poll cycles). No job ids as tags. The poll
 * cycle itself is the observation {@code rime.watcher.poll} ({@link io.rime.watch.observation.RimeWatcherPollObservationDocumentation}).
 */
public class RimeJobWatcherMetrics implements MeterBinder {

	private final RimeJobWatcher watcher;

	/**
	 * Create the binder.
	 * @param watcher the watcher to report on
	 */
	public RimeJobWatcherMetrics(RimeJobWatcher watcher) {
		this.watcher = watcher;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (JobStatus status : RimeJobWatcher.ACTIVE_STATUSES) {
			Gauge.builder("rime.watcher.jobs", this.watcher, (watcher) -> watcher.watchedJobCount(status))
				.tag("status", status.name())
				.description("Jobs the RIME job watcher watches, by last observed status")
				.baseUnit("jobs")
				.register(registry);
		}
		for (JobStatus status : JobStatus.values()) {
			if (!RimeJobWatcher.ACTIVE_STATUSES.contains(status)) {
				FunctionCounter.builder("rime.jobs.finished", this.watcher, (watcher) -> watcher.finishedCount(status))
					.tag("status", status.name())
					.description("Finished events the RIME job watcher published, by final status")
					.register(registry);
			}
		}
		FunctionCounter.builder("rime.watcher.poll.errors", this.watcher, RimeJobWatcher::pollErrorCount)
			.description("Poll cycles of the RIME job watcher that failed because RIME could not be reached or"
					+ " answered an error")
			.register(registry);
	}

}
