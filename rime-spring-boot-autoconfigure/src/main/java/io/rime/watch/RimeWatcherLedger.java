package io.rime.watch;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobStatus;

/**
 * Records what a cluster of watchers watches and announces, so that each finished job is announced
 * once by the cluster, whichever instance leads and whatever restarts happen. A finished job is
 * announced as claim, publish, confirm: the claim is decided by the ledger (a second claim of the
 * same job is impossible), and every write that depends on leadership carries the leader's epoch,
 * which the ledger refuses once a newer leader was granted ({@link RimeWatcherFencedException}).
 * <p>
 * The default, {@link #inMemory()}, keeps the announced job ids of one instance in memory: one
 * watcher per application, as without a cluster. The starter ships a JDBC implementation for
 * {@code rime.watcher.cluster.enabled=true}.
 */
public interface RimeWatcherLedger {

	/**
	 * Return a ledger of one instance, in memory: it remembers the last 10,000 announced jobs and
	 * forgets everything when the application stops.
	 * @return a new in-memory ledger
	 */
	static RimeWatcherLedger inMemory() {
		return new InMemoryRimeWatcherLedger();
	}

	/**
	 * Load what a newly granted leader watches.
	 * @param epoch the new leader's epoch
	 * @return the watched jobs with their last recorded status
	 * @throws RimeWatcherFencedException if a newer leader was granted since
	 */
	List<LedgerJob> takeOver(long epoch);

	/**
	 * Record jobs started through this instance's client, for the leader to adopt. Idempotent and
	 * not fenced: any instance may call it; a job already known keeps its state.
	 * @param registrations the jobs
	 */
	void register(Collection<LedgerJob> registrations);

	/**
	 * Take the jobs registered by any instance since the last call.
	 * @param epoch the leader's epoch
	 * @return the jobs, not yet announced
	 * @throws RimeWatcherFencedException if a newer leader was granted since
	 */
	List<LedgerJob> adopt(long epoch);

	/**
	 * Record jobs seen for the first time and changes of status of watched jobs, in one fenced
	 * write. A change applies only when the recorded status is still the one it changes from, so
	 * that two leaders never both announce it.
	 * @param epoch the leader's epoch
	 * @param changes the new jobs ({@code from} is {@code null}) and the changes
	 * @return the ids of the jobs whose change applied
	 * @throws RimeWatcherFencedException if a newer leader was granted since
	 */
	Set<String> record(long epoch, Collection<StatusChange> changes);

	/**
	 * Claim the announcement of a finished job: only one claim per job ever wins.
	 * @param epoch the leader's epoch
	 * @param job the job with its final status
	 * @return {@link Claim#WON} to announce it, {@link Claim#TAKEN} when it was claimed before,
	 * {@link Claim#FENCED} when a newer leader was granted since
	 */
	Claim claim(long epoch, LedgerJob job);

	/**
	 * Confirm that a claimed job was announced: its listeners returned.
	 * @param epoch the epoch the job was claimed with
	 * @param jobId the job
	 */
	void confirm(long epoch, String jobId);

	/**
	 * Take the claims of earlier leaders that were never confirmed and are old enough to count as
	 * lost (the claimer died or was deposed while its listeners ran). Depending on the ledger's
	 * setting they are claimed again under this epoch, to be announced again, or dropped.
	 * @param epoch the leader's epoch
	 * @return the jobs to announce again, flagged as redelivered
	 * @throws RimeWatcherFencedException if a newer leader was granted since
	 */
	List<LedgerJob> takeInDoubt(long epoch);

	/**
	 * Forget announced jobs older than the ledger's retention.
	 * @return how many were forgotten
	 */
	int purge();

	/**
	 * A job in the ledger.
	 *
	 * @param jobId the job id
	 * @param projectId the job's project
	 * @param status the job's last recorded status
	 */
	record LedgerJob(String jobId, String projectId, JobStatus status) {
	}

	/**
	 * A job seen for the first time ({@code from} is {@code null}) or a change of its status.
	 *
	 * @param jobId the job id
	 * @param projectId the job's project
	 * @param from the status recorded before, or {@code null} for a new job
	 * @param to the status observed now
	 */
	record StatusChange(String jobId, String projectId, @Nullable JobStatus from, JobStatus to) {
	}

	/**
	 * The outcome of {@link RimeWatcherLedger#claim(long, LedgerJob)}.
	 */
	enum Claim {

		/** This leader announces the job. */
		WON,

		/** The job was claimed before; it is not announced again. */
		TAKEN,

		/** A newer leader was granted: this instance no longer leads and stops publishing. */
		FENCED

	}

}
