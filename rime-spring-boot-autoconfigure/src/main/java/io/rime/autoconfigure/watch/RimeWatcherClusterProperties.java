package io.rime.autoconfigure.watch;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;

import io.rime.watch.cluster.JdbcRimeWatcherLedger.InDoubt;

/**
 * Configuration properties of the RIME job watcher across replicas.
 */
@ConfigurationProperties("rime.watcher.cluster")
public class RimeWatcherClusterProperties {

	/**
	 * Whether the watchers of all instances of the service elect one that polls RIME and publishes,
	 * with a ledger in the database so that every finished job is announced once by the cluster,
	 * across failovers and restarts. Needs 'rime.watcher.enabled=true'.
	 */
	private boolean enabled;

	/**
	 * Group of instances that elect one watcher and share the ledger. Defaults to
	 * 'spring.application.name'; two services on one database need different groups.
	 */
	private @Nullable String group;

	/**
	 * This instance, as the ledger records its grants and claims. Defaults to the HOSTNAME
	 * environment variable, else a random id.
	 */
	private @Nullable String instanceId;

	/**
	 * Time to live of the leader's lock in the database: how long after its last renewal a leader
	 * that crashed is replaced. Defaults to the poll interval.
	 */
	private @Nullable Duration lockTtl;

	/**
	 * How often the leader renews its lock. Defaults to a fifth of the lock's time to live.
	 */
	private @Nullable Duration heartbeat;

	/**
	 * How often a follower tries to take the lock.
	 */
	private Duration acquireInterval = Duration.ofMillis(500);

	/**
	 * How much earlier than the database a leader considers its lease over, for clock skew between
	 * the instances. Defaults to a fifth of the lock's time to live.
	 */
	private @Nullable Duration leaseMargin;

	/**
	 * What a new leader does with a finished job whose announcement an earlier leader claimed but
	 * never confirmed (it died while the listeners ran): announce it again, flagged as redelivered,
	 * or drop it.
	 */
	private InDoubt inDoubt = InDoubt.REDELIVER;

	/**
	 * How old an unconfirmed claim of an earlier leader must be before it counts as in doubt.
	 * Defaults to the lock's time to live plus 'rime.watcher.shutdown-timeout'.
	 */
	private @Nullable Duration inDoubtAfter;

	/**
	 * How long announced jobs are kept in the ledger. RIME keeps jobs for 2 days after they end.
	 */
	private Duration retention = Duration.ofDays(3);

	private final Jdbc jdbc = new Jdbc();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getGroup() {
		return this.group;
	}

	public void setGroup(@Nullable String group) {
		this.group = group;
	}

	public @Nullable String getInstanceId() {
		return this.instanceId;
	}

	public void setInstanceId(@Nullable String instanceId) {
		this.instanceId = instanceId;
	}

	public @Nullable Duration getLockTtl() {
		return this.lockTtl;
	}

	public void setLockTtl(@Nullable Duration lockTtl) {
		this.lockTtl = lockTtl;
	}

	public @Nullable Duration getHeartbeat() {
		return this.heartbeat;
	}

	public void setHeartbeat(@Nullable Duration heartbeat) {
		this.heartbeat = heartbeat;
	}

	public Duration getAcquireInterval() {
		return this.acquireInterval;
	}

	public void setAcquireInterval(Duration acquireInterval) {
		this.acquireInterval = acquireInterval;
	}

	public @Nullable Duration getLeaseMargin() {
		return this.leaseMargin;
	}

	public void setLeaseMargin(@Nullable Duration leaseMargin) {
		this.leaseMargin = leaseMargin;
	}

	public InDoubt getInDoubt() {
		return this.inDoubt;
	}

	public void setInDoubt(InDoubt inDoubt) {
		this.inDoubt = inDoubt;
	}

	public @Nullable Duration getInDoubtAfter() {
		return this.inDoubtAfter;
	}

	public void setInDoubtAfter(@Nullable Duration inDoubtAfter) {
		this.inDoubtAfter = inDoubtAfter;
	}

	public Duration getRetention() {
		return this.retention;
	}

	public void setRetention(Duration retention) {
		this.retention = retention;
	}

	public Jdbc getJdbc() {
		return this.jdbc;
	}

	/**
	 * The watcher's tables: how they are created, and their names.
	 */
	public static class Jdbc extends DatabaseInitializationProperties {

		/**
		 * Prefix of the table names. The shipped scripts create the tables with the default prefix.
		 */
		private String tablePrefix = "RIME_";

		public String getTablePrefix() {
			return this.tablePrefix;
		}

		public void setTablePrefix(String tablePrefix) {
			this.tablePrefix = tablePrefix;
		}

		@Override
		public String getDefaultSchemaLocation() {
			return "classpath:io/rime/watch/cluster/schema-@@platform@@.sql";
		}

	}

}
