package io.rime.watch;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of the leader election of watchers that share a ledger, cheap to take.
 *
 * @param group the group of instances that elect one watcher
 * @param instanceId this instance, as recorded in the ledger
 * @param leader whether this instance leads now and may poll and publish
 * @param epoch the epoch of this instance's leadership; 0 while it follows
 * @param leaseValidFor how long the lease of a leader is still valid without a renewal;
 * {@code null} while it follows
 * @param lastGrant when this instance was last granted leadership; {@code null} if never
 * @param grants how often this instance was granted leadership
 */
public record RimeWatcherClusterState(String group, String instanceId, boolean leader, long epoch,
		@Nullable Duration leaseValidFor, @Nullable Instant lastGrant, long grants) {

	/**
	 * Return the role of this instance.
	 * @return {@code leader} or {@code follower}
	 */
	public String role() {
		return this.leader ? "leader" : "follower";
	}

}
