package io.rime.autoconfigure.watch;

import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.rime.autoconfigure.InvalidRimeConfigurationException;
import io.rime.autoconfigure.RimeConfigurationChecks;
import io.rime.watch.cluster.JdbcRimeWatcherLedger.InDoubt;

/**
 * The {@code rime.watcher.cluster.*} properties with their defaults resolved and checked at
 * startup; each failure names the property, its value and the fix.
 *
 * @param group the group of instances that elect one watcher
 * @param instanceId this instance
 * @param role the election's lock key and role
 * @param lockTtl the lock's time to live
 * @param heartbeat how often the leader renews
 * @param acquireInterval how often a follower tries to take the lock
 * @param leaseMargin how much earlier than the database the leader considers its lease over
 * @param inDoubt what a new leader does with unconfirmed claims
 * @param inDoubtAfter how old an unconfirmed claim must be to be in doubt
 * @param retention how long announced jobs are kept
 * @param tablePrefix the prefix of the table names
 */
record RimeWatcherClusterSettings(String group, String instanceId, String role, Duration lockTtl, Duration heartbeat,
		Duration acquireInterval, Duration leaseMargin, InDoubt inDoubt, Duration inDoubtAfter, Duration retention,
		String tablePrefix) {

	static RimeWatcherClusterSettings of(RimeWatcherProperties watcher, RimeWatcherClusterProperties cluster,
			Environment environment) {
		String group = cluster.getGroup();
		if (!StringUtils.hasText(group)) {
			group = environment.getProperty("spring.application.name");
		}
		if (!StringUtils.hasText(group)) {
			throw new InvalidRimeConfigurationException("The RIME job watchers across replicas"
					+ " ('rime.watcher.cluster.enabled=true') need a group, but neither 'rime.watcher.cluster.group' nor"
					+ " 'spring.application.name' is set. Two services that share a database under one group would take"
					+ " each other's events.",
					"Set 'spring.application.name' (or 'rime.watcher.cluster.group') to the name of this service.");
		}
		if (group.length() > 100) {
			throw invalid("rime.watcher.cluster.group", group, "a name of at most 100 characters");
		}
		String instanceId = cluster.getInstanceId();
		if (!StringUtils.hasText(instanceId)) {
			instanceId = environment.getProperty("HOSTNAME");
		}
		if (!StringUtils.hasText(instanceId) || instanceId.length() > 100) {
			instanceId = UUID.randomUUID().toString();
		}
		Duration lockTtl = positive((cluster.getLockTtl() != null) ? cluster.getLockTtl() : watcher.getPollInterval(),
				"rime.watcher.cluster.lock-ttl");
		Duration heartbeat = positive((cluster.getHeartbeat() != null) ? cluster.getHeartbeat() : lockTtl.dividedBy(5),
				"rime.watcher.cluster.heartbeat");
		Duration leaseMargin = (cluster.getLeaseMargin() != null) ? cluster.getLeaseMargin() : lockTtl.dividedBy(5);
		if (leaseMargin.isNegative()) {
			throw invalid("rime.watcher.cluster.lease-margin", leaseMargin, "a duration of zero or more, such as 1s");
		}
		if (heartbeat.plus(leaseMargin).compareTo(lockTtl) >= 0) {
			throw new InvalidRimeConfigurationException("'rime.watcher.cluster.heartbeat' ("
					+ RimeConfigurationChecks.format(heartbeat) + ") plus 'rime.watcher.cluster.lease-margin' ("
					+ RimeConfigurationChecks.format(leaseMargin) + ") must be shorter than 'rime.watcher.cluster.lock-ttl' ("
					+ RimeConfigurationChecks.format(lockTtl)
					+ "), or the leader's lease would end between two renewals.",
					"Set 'rime.watcher.cluster.heartbeat' to a fifth of the lock's time to live or less, or remove it"
							+ " and 'rime.watcher.cluster.lease-margin' to use the defaults.");
		}
		Duration acquireInterval = positive(cluster.getAcquireInterval(), "rime.watcher.cluster.acquire-interval");
		Duration inDoubtAfter = (cluster.getInDoubtAfter() != null) ? cluster.getInDoubtAfter()
				: lockTtl.plus(watcher.getShutdownTimeout());
		if (inDoubtAfter.isNegative()) {
			throw invalid("rime.watcher.cluster.in-doubt-after", inDoubtAfter, "a duration of zero or more, such as 15s");
		}
		Duration retention = positive(cluster.getRetention(), "rime.watcher.cluster.retention");
		String prefix = cluster.getJdbc().getTablePrefix();
		if (prefix == null || !prefix.matches("[A-Za-z0-9_]*")) {
			throw invalid("rime.watcher.cluster.jdbc.table-prefix", prefix, "letters, digits and '_' only, such as RIME_");
		}
		return new RimeWatcherClusterSettings(group, instanceId, "rime-watcher:" + group, lockTtl, heartbeat,
				acquireInterval, leaseMargin, cluster.getInDoubt(), inDoubtAfter, retention, prefix);
	}

	private static Duration positive(@Nullable Duration duration, String property) {
		return RimeConfigurationChecks.positive(duration, property, "1s");
	}

	private static InvalidRimeConfigurationException invalid(String property, @Nullable Object value,
			String expected) {
		Object shown = (value instanceof Duration duration) ? RimeConfigurationChecks.format(duration) : value;
		return RimeConfigurationChecks.invalid(property, shown, expected,
				"Set '" + property + "' to " + expected + ", or remove it to use the default.");
	}

}
