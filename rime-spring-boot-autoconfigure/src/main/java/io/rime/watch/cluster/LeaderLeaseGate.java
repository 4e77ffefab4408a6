package io.rime.watch.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;

import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeWatcherClusterState;
import io.rime.watch.RimeWatcherLeadership;

/**
 * The watcher's gate as a Spring Integration leader {@code Candidate}: open while this instance
 * holds the leadership of its group and the lease of its last lock renewal is valid. Each grant
 * bumps the group's epoch in the ledger, on the election's thread (a failure there makes the
 * initiator revoke); the lease is answered from memory, so a leader whose database calls hang
 * closes its gate when the lease ends (time to live minus a margin for clock skew), even while
 * the heartbeat that would revoke it is stuck.
 */
public class LeaderLeaseGate extends AbstractCandidate implements RimeWatcherLeadership {

	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private final LeaseTrackingLockRegistry locks;

	private final LongSupplier grant;

	private final long leaseNanos;

	private final String group;

	private final Clock clock;

	private final List<Runnable> grantActions = new CopyOnWriteArrayList<>();

	private final AtomicLong grants = new AtomicLong();

	private volatile long epoch;

	private volatile @Nullable Context context;

	private volatile @Nullable Instant lastGrant;

	/**
	 * Create a gate.
	 * @param locks the registry the election locks through
	 * @param grant bumps the group's epoch in the ledger and returns it
	 * @param lockTtl the time to live of the lock in the store
	 * @param leaseMargin how much earlier than the store this instance considers its lease over
	 * @param group the group of instances that elect one watcher
	 * @param instanceId this instance, as the ledger records it
	 * @param role the election's role (the lock key)
	 * @param clock the clock for the time of the last grant
	 */
	public LeaderLeaseGate(LeaseTrackingLockRegistry locks, LongSupplier grant, Duration lockTtl, Duration leaseMargin,
			String group, String instanceId, String role, Clock clock) {
		super(instanceId, role);
		if (!leaseMargin.minus(lockTtl).isNegative()) {
			throw new IllegalArgumentException(
					"leaseMargin (" + leaseMargin + ") must be shorter than lockTtl (" + lockTtl + ")");
		}
		this.locks = locks;
		this.grant = grant;
		this.leaseNanos = lockTtl.minus(leaseMargin).toNanos();
		this.group = group;
		this.clock = clock;
	}

	/**
	 * Return the registry the election must lock through, so that the lease follows its renewals.
	 * @return the tracking registry
	 */
	public LeaseTrackingLockRegistry lockRegistry() {
		return this.locks;
	}

	@Override
	public void onGranted(Context ctx) {
		long granted = this.grant.getAsLong();
		this.context = ctx;
		this.lastGrant = this.clock.instant();
		this.grants.incrementAndGet();
		this.epoch = granted;
		logger.info("RIME job watcher: this instance (" + getId() + ") leads the watchers of group '" + this.group
				+ "' from epoch " + granted);
		this.grantActions.forEach(Runnable::run);
	}

	@Override
	public void onRevoked(Context ctx) {
		long revoked = this.epoch;
		this.epoch = 0;
		if (revoked != 0) {
			logger.info("RIME job watcher: this instance (" + getId() + ") no longer leads the watchers of group '"
					+ this.group + "' (epoch " + revoked + ")");
		}
	}

	@Override
	public boolean mayPollAndPublish() {
		return this.epoch != 0 && leaseLeftNanos() > 0;
	}

	@Override
	public long epoch() {
		return this.epoch;
	}

	@Override
	public void fenced(long fencedEpoch) {
		if (this.epoch == fencedEpoch && fencedEpoch != 0) {
			this.epoch = 0;
			Context held = this.context;
			if (held != null) {
				held.yield();
			}
		}
	}

	@Override
	public void onGranted(Runnable action) {
		this.grantActions.add(action);
	}

	@Override
	public RimeWatcherClusterState clusterState() {
		long current = this.epoch;
		boolean leading = current != 0 && leaseLeftNanos() > 0;
		Duration lease = leading ? Duration.ofNanos(leaseLeftNanos()) : null;
		return new RimeWatcherClusterState(this.group, getId(), leading, current, lease, this.lastGrant,
				this.grants.get());
	}

	private long leaseLeftNanos() {
		long renewed = this.locks.lastRenewalNanos();
		if (renewed == Long.MIN_VALUE) {
			return 0;
		}
		return this.leaseNanos - (System.nanoTime() - renewed);
	}

}
