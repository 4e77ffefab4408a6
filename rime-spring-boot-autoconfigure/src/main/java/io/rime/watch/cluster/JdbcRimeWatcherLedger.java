package io.rime.watch.cluster;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import io.rime.client.JobStatus;
import io.rime.watch.RimeWatcherFencedException;
import io.rime.watch.RimeWatcherLedger;
import io.rime.watch.RimeWatcherLedgerException;

/**
 * A {@link RimeWatcherLedger} in the application's database: one row per watched job of a group,
 * in the state {@code WATCHED}, {@code CLAIMED} or {@code ANNOUNCED}, and one row per group with
 * the leader's epoch. Every write that depends on leadership runs in one short transaction that
 * first locks the group's row and compares the epoch, so a deposed leader's writes fail; a claim
 * is decided by the job's primary key. The SQL runs on PostgreSQL, MySQL/MariaDB and H2; the
 * tables are created by the scripts {@code io/rime/watch/cluster/schema-@@platform@@.sql}.
 */
public class JdbcRimeWatcherLedger implements RimeWatcherLedger {

	private static final String WATCHED = "WATCHED";

	private static final String CLAIMED = "CLAIMED";

	private static final String ANNOUNCED = "ANNOUNCED";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final String leaderTable;

	private final String jobTable;

	private final String group;

	private final String instanceId;

	private final InDoubt inDoubt;

	private final Duration inDoubtAfter;

	private final Duration retention;

	private final Clock clock;

	private volatile @Nullable Boolean postgres;

	/**
	 * Create a ledger.
	 * @param dataSource the database
	 * @param tablePrefix the prefix of the table names, such as {@code RIME_}
	 * @param group the group of instances that share the ledger
	 * @param instanceId this instance, recorded as the owner of its grants and claims
	 * @param inDoubt what a new leader does with the unconfirmed claims of an earlier one
	 * @param inDoubtAfter how old an unconfirmed claim of an earlier leader must be to be in doubt
	 * @param retention how long announced jobs are kept, so that late registrations stay deduplicated
	 * @param clock the clock of the recorded times
	 */
	public JdbcRimeWatcherLedger(DataSource dataSource, String tablePrefix, String group, String instanceId,
			InDoubt inDoubt, Duration inDoubtAfter, Duration retention, Clock clock) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.transactions.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.leaderTable = tablePrefix + "WATCHER_LEADER";
		this.jobTable = tablePrefix + "WATCHER_JOB";
		this.group = group;
		this.instanceId = instanceId;
		this.inDoubt = inDoubt;
		this.inDoubtAfter = inDoubtAfter;
		this.retention = retention;
		this.clock = clock;
	}

	/**
	 * Bump the group's epoch for a new leader: this instance.
	 * @return the new epoch, 1 or more
	 */
	public long grant() {
		return call(() -> this.transactions.execute((status) -> {
			Long current = currentEpoch();
			if (current == null) {
				try {
					this.jdbc.update("INSERT INTO " + this.leaderTable
							+ " (GROUP_ID, EPOCH, OWNER_ID, GRANTED_AT) VALUES (?, 0, ?, ?)" + onConflict(),
							this.group, this.instanceId, now());
				}
				catch (DuplicateKeyException ex) {
					// Another instance inserted the row first: the lock below orders us after it.
				}
				current = currentEpoch();
			}
			long next = ((current != null) ? current : 0) + 1;
			this.jdbc.update("UPDATE " + this.leaderTable + " SET EPOCH = ?, OWNER_ID = ?, GRANTED_AT = ? WHERE GROUP_ID = ?",
					next, this.instanceId, now(), this.group);
			return next;
		}));
	}

	@Override
	public List<LedgerJob> takeOver(long epoch) {
		return fenced(epoch, () -> this.jdbc.query(
				"SELECT JOB_ID, PROJECT_ID, STATUS FROM " + this.jobTable + " WHERE GROUP_ID = ? AND STATE = ?",
				(rs, row) -> new LedgerJob(rs.getString(1), rs.getString(2), status(rs.getString(3))), this.group,
				WATCHED));
	}

	@Override
	public void register(Collection<LedgerJob> registrations) {
		call(() -> this.transactions.execute((status) -> {
			for (LedgerJob job : inJobIdOrder(registrations, LedgerJob::jobId)) {
				insertJob(job, WATCHED, null);
			}
			return null;
		}));
	}

	@Override
	public List<LedgerJob> adopt(long epoch) {
		return fenced(epoch, () -> {
			List<LedgerJob> registered = this.jdbc.query("SELECT JOB_ID, PROJECT_ID, STATUS FROM " + this.jobTable
					+ " WHERE GROUP_ID = ? AND STATE = ? AND ADOPTED_EPOCH IS NULL ORDER BY JOB_ID",
					(rs, row) -> new LedgerJob(rs.getString(1), rs.getString(2), status(rs.getString(3))), this.group,
					WATCHED);
			List<LedgerJob> adopted = new ArrayList<>(registered.size());
			for (LedgerJob job : registered) {
				if (this.jdbc.update("UPDATE " + this.jobTable + " SET ADOPTED_EPOCH = ? WHERE GROUP_ID = ? AND JOB_ID = ?"
						+ " AND STATE = ? AND ADOPTED_EPOCH IS NULL", epoch, this.group, job.jobId(), WATCHED) == 1) {
					adopted.add(job);
				}
			}
			return adopted;
		});
	}

	@Override
	public Set<String> record(long epoch, Collection<StatusChange> changes) {
		return fenced(epoch, () -> {
			Set<String> applied = new HashSet<>();
			for (StatusChange change : inJobIdOrder(changes, StatusChange::jobId)) {
				JobStatus from = change.from();
				if (from == null) {
					if (insertJob(new LedgerJob(change.jobId(), change.projectId(), change.to()), WATCHED, epoch)) {
						applied.add(change.jobId());
					}
				}
				else if (this.jdbc.update("UPDATE " + this.jobTable + " SET STATUS = ? WHERE GROUP_ID = ? AND JOB_ID = ?"
						+ " AND STATE = ? AND STATUS = ?", change.to().name(), this.group, change.jobId(), WATCHED,
						from.name()) == 1) {
					applied.add(change.jobId());
				}
			}
			return applied;
		});
	}

	@Override
	public Claim claim(long epoch, LedgerJob job) {
		try {
			return fenced(epoch, () -> {
				Timestamp now = now();
				int updated = this.jdbc.update("UPDATE " + this.jobTable + " SET STATE = ?, STATUS = ?, CLAIM_EPOCH = ?,"
						+ " CLAIMED_BY = ?, CLAIMED_AT = ? WHERE GROUP_ID = ? AND JOB_ID = ? AND STATE = ?", CLAIMED,
						job.status().name(), epoch, this.instanceId, now, this.group, job.jobId(), WATCHED);
				if (updated == 1) {
					return Claim.WON;
				}
				boolean inserted = insertJob(job, CLAIMED, epoch);
				return inserted ? Claim.WON : Claim.TAKEN;
			});
		}
		catch (RimeWatcherFencedException ex) {
			return Claim.FENCED;
		}
	}

	@Override
	public void confirm(long epoch, String jobId) {
		call(() -> this.jdbc.update("UPDATE " + this.jobTable + " SET STATE = ?, ANNOUNCED_AT = ? WHERE GROUP_ID = ?"
				+ " AND JOB_ID = ? AND STATE = ? AND CLAIM_EPOCH = ? AND CLAIMED_BY = ?", ANNOUNCED, now(), this.group,
				jobId, CLAIMED, epoch, this.instanceId));
	}

	@Override
	public List<LedgerJob> takeInDoubt(long epoch) {
		return fenced(epoch, () -> {
			Timestamp now = now();
			Timestamp claimedBefore = Timestamp.from(this.clock.instant().minus(this.inDoubtAfter));
			List<Object[]> claims = this.jdbc.query("SELECT JOB_ID, PROJECT_ID, STATUS, CLAIM_EPOCH FROM " + this.jobTable
					+ " WHERE GROUP_ID = ? AND STATE = ? AND CLAIM_EPOCH < ? AND CLAIMED_AT < ? ORDER BY JOB_ID",
					(rs, row) -> new Object[] { new LedgerJob(rs.getString(1), rs.getString(2), status(rs.getString(3))),
							rs.getLong(4) },
					this.group, CLAIMED, epoch, claimedBefore);
			List<LedgerJob> redeliver = new ArrayList<>();
			for (Object[] claim : claims) {
				LedgerJob job = (LedgerJob) claim[0];
				if (this.inDoubt == InDoubt.REDELIVER) {
					if (this.jdbc.update("UPDATE " + this.jobTable + " SET CLAIM_EPOCH = ?, CLAIMED_BY = ?, CLAIMED_AT = ?"
							+ " WHERE GROUP_ID = ? AND JOB_ID = ? AND STATE = ? AND CLAIM_EPOCH = ?", epoch,
							this.instanceId, now, this.group, job.jobId(), CLAIMED, claim[1]) == 1) {
						redeliver.add(job);
					}
				}
				else {
					this.jdbc.update("UPDATE " + this.jobTable + " SET STATE = ?, ANNOUNCED_AT = ? WHERE GROUP_ID = ?"
							+ " AND JOB_ID = ? AND STATE = ? AND CLAIM_EPOCH = ?", ANNOUNCED, now, this.group,
							job.jobId(), CLAIMED, claim[1]);
				}
			}
			return redeliver;
		});
	}

	@Override
	public int purge() {
		Timestamp before = Timestamp.from(this.clock.instant().minus(this.retention));
		return call(() -> this.jdbc.update("DELETE FROM " + this.jobTable + " WHERE GROUP_ID = ? AND STATE = ?"
				+ " AND ANNOUNCED_AT < ?", this.group, ANNOUNCED, before));
	}

	// Transactions that write several job rows write them in job-id order, so that a follower's
	// registration and the leader's cycle, which may touch the same new jobs, never wait for each
	// other in a cycle (PostgreSQL reported "deadlock detected" when each went in its own order).
	private static <T> List<T> inJobIdOrder(Collection<T> items, Function<T, String> jobId) {
		return items.stream().sorted(Comparator.comparing(jobId)).toList();
	}

	// Inserts a job unless one with its id exists; on PostgreSQL without an error in its log.
	private boolean insertJob(LedgerJob job, String state, @Nullable Long epoch) {
		Timestamp now = now();
		boolean claimed = CLAIMED.equals(state);
		try {
			return this.jdbc.update("INSERT INTO " + this.jobTable + " (GROUP_ID, JOB_ID, PROJECT_ID, STATUS, STATE,"
					+ " ADOPTED_EPOCH, CLAIM_EPOCH, CLAIMED_BY, CLAIMED_AT, REGISTERED_AT)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict(), this.group, job.jobId(), job.projectId(),
					job.status().name(), state, epoch, claimed ? epoch : null, claimed ? this.instanceId : null,
					claimed ? now : null, now) == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private <T> T fenced(long epoch, Supplier<T> work) {
		return call(() -> this.transactions.execute((status) -> {
			Long current = currentEpoch();
			if (current == null || current != epoch) {
				throw new RimeWatcherFencedException(epoch, (current != null) ? current : 0);
			}
			return work.get();
		}));
	}

	private @Nullable Long currentEpoch() {
		List<Long> epochs = this.jdbc.queryForList(
				"SELECT EPOCH FROM " + this.leaderTable + " WHERE GROUP_ID = ? FOR UPDATE", Long.class, this.group);
		return epochs.isEmpty() ? null : epochs.get(0);
	}

	private <T> T call(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DataAccessException | TransactionException ex) {
			throw new RimeWatcherLedgerException("The watcher ledger failed: " + ex.getMessage(), ex);
		}
	}

	private String onConflict() {
		Boolean known = this.postgres;
		if (known == null) {
			try {
				String product = JdbcUtils.extractDatabaseMetaData(this.jdbc.getDataSource(),
						DatabaseMetaData::getDatabaseProductName);
				known = product.toLowerCase(Locale.ROOT).contains("postgres");
			}
			catch (MetaDataAccessException ex) {
				throw new RimeWatcherLedgerException("Cannot tell which database the watcher ledger is on", ex);
			}
			this.postgres = known;
		}
		return known ? " ON CONFLICT DO NOTHING" : "";
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static JobStatus status(String name) {
		try {
			return JobStatus.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			return JobStatus.UNKNOWN_JOB_STATUS;
		}
	}

	/**
	 * What a new leader does with a claim of an earlier leader that was never confirmed: the earlier
	 * leader died or was deposed while the listeners ran, and they may or may not have seen it.
	 */
	public enum InDoubt {

		/** Announce it again, flagged as redelivered: at least once. */
		REDELIVER,

		/** Do not announce it again: at most once. */
		DROP

	}

}
