package io.rime.watch;

import java.util.Locale;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import io.rime.client.JobStatus;

/**
 * Binds the {@link RimeJobWatcher}'s meters: {@code rime.watcher.jobs} (gauge of watched jobs per
 * {@code status}), {@code rime.jobs.finished} (counter of finished events per {@code status}) and
 * {@code rime.watcher.poll.errors} (counter of failed poll cycles); across replicas also
 * {@code rime.watcher.leader} (1 while this instance leads), {@code rime.watcher.cluster.grants},
 * {@code rime.watcher.cluster.claims} by {@code outcome}, {@code rime.watcher.cluster.redeliveries}
 * and {@code rime.watcher.cluster.ledger.errors}. No job ids as tags. The poll cycle itself is the
 * observation {@code rime.watcher.poll}
 * ({@link io.rime.watch.observation.RimeWatcherPollObservationDocumentation}).
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
		if (this.watcher.state().cluster() != null) {
			bindCluster(registry);
		}
	}

	private void bindCluster(MeterRegistry registry) {
		Gauge.builder("rime.watcher.leader", this.watcher, (watcher) -> leading(watcher) ? 1 : 0)
			.description("Whether this instance leads the RIME job watchers of its group: 1 while it polls and publishes")
			.register(registry);
		FunctionCounter.builder("rime.watcher.cluster.grants", this.watcher, (watcher) -> grants(watcher))
			.description("How often this instance was granted the leadership of the RIME job watchers")
			.register(registry);
		for (RimeWatcherLedger.Claim claim : RimeWatcherLedger.Claim.values()) {
			FunctionCounter.builder("rime.watcher.cluster.claims", this.watcher, (watcher) -> watcher.claimCount(claim))
				.tag("outcome", claim.name().toLowerCase(Locale.ROOT))
				.description("Claims of finished jobs by this instance, by outcome")
				.register(registry);
		}
		FunctionCounter.builder("rime.watcher.cluster.redeliveries", this.watcher, RimeJobWatcher::redeliveryCount)
			.description("Finished events announced again because an earlier leader never confirmed them")
			.register(registry);
		FunctionCounter.builder("rime.watcher.cluster.ledger.errors", this.watcher, RimeJobWatcher::ledgerErrorCount)
			.description("Calls to the watcher ledger that failed")
			.register(registry);
	}

	private static boolean leading(RimeJobWatcher watcher) {
		RimeWatcherClusterState cluster = watcher.state().cluster();
		return cluster != null && cluster.leader();
	}

	private static long grants(RimeJobWatcher watcher) {
		RimeWatcherClusterState cluster = watcher.state().cluster();
		return (cluster != null) ? cluster.grants() : 0;
	}

}
