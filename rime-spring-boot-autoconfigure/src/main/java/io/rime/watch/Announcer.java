package io.rime.watch;

import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.RimeWatcherLedger.Claim;
import io.rime.watch.RimeWatcherLedger.LedgerJob;

/**
 * Announces the jobs a {@link JobTracker} saw end: claim in the ledger, publish the events, confirm;
 * and announces again, flagged, the claims an earlier leader never confirmed. Keeps what the
 * announcements need (the handles the starts returned) and what they leave (the finished history,
 * the counts of claims and redeliveries). Used by the watcher's thread; the queries are safe from
 * any thread.
 */
final class Announcer {

	// Logs as the watcher: users configure and filter one logger for the whole watcher.
	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private static final int HANDLES_KEPT = 10_000;

	private final RimeJobWatcher eventSource;

	private final RimeClient client;

	private final ApplicationEventPublisher publisher;

	private final RimeWatcherLedger ledger;

	private final Clock clock;

	private final FinishedHistory history;

	// The handles the starts returned, so that their finished events hand the same handle out.
	private final Map<String, RimeStressTestJob> handles = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, RimeStressTestJob> eldest) {
			return size() > HANDLES_KEPT;
		}

	};

	private final Map<Claim, AtomicLong> claims = new EnumMap<>(Claim.class);

	private final AtomicLong redeliveries = new AtomicLong();

	Announcer(RimeJobWatcher eventSource, RimeClient client, ApplicationEventPublisher publisher,
			RimeWatcherLedger ledger, Clock clock, FinishedHistory history) {
		this.eventSource = eventSource;
		this.client = client;
		this.publisher = publisher;
		this.ledger = ledger;
		this.clock = clock;
		this.history = history;
		for (Claim claim : Claim.values()) {
			this.claims.put(claim, new AtomicLong());
		}
	}

	void rememberHandle(RimeStressTestJob job) {
		synchronized (this.handles) {
			this.handles.put(job.jobId(), job);
		}
	}

	@Nullable RimeStressTestJob handle(String jobId) {
		synchronized (this.handles) {
			return this.handles.get(jobId);
		}
	}

	List<FinishedJob> finishedJobs() {
		return this.history.jobs();
	}

	long finishedCount(JobStatus status) {
		return this.history.count(status);
	}

	long claimCount(Claim claim) {
		return this.claims.get(claim).get();
	}

	long redeliveryCount() {
		return this.redeliveries.get();
	}

	/**
	 * Claim a job that ended and, when the claim is won, publish its last status change and its
	 * finished event, then confirm. A job claimed before is not announced again.
	 * @throws RimeWatcherFencedException when a newer leader was granted
	 */
	void claimAndAnnounce(long epoch, String jobId, String projectId, JobStatus previous,
			@Nullable RimeStressTestJob handle, JobMetadata metadata, String reason) {
		Claim claim = this.ledger.claim(epoch, new LedgerJob(jobId, projectId, metadata.status()));
		this.claims.get(claim).incrementAndGet();
		if (claim == Claim.FENCED) {
			throw new RimeWatcherFencedException(epoch, -1);
		}
		if (claim == Claim.TAKEN) {
			return;
		}
		if (metadata.status() != previous) {
			publish(new RimeJobStatusChangedEvent(this.eventSource, projectId, previous, metadata));
		}
		announce(epoch, jobId, projectId, handle, metadata, reason, false);
	}

	/**
	 * Announce again a job whose earlier announcement was never confirmed, reading how it ended.
	 */
	void redeliver(Runnable checkpoint, long epoch, LedgerJob job) {
		RimeStressTestJob handle = handle(job.jobId());
		RimeStressTestJob known = (handle != null) ? handle : this.client.job(job.jobId());
		JobMetadata metadata;
		String reason;
		try {
			metadata = known.getStatus();
			reason = reason(metadata);
		}
		catch (RimeApiException ex) {
			if (ex.getHttpStatus() != 404) {
				throw ex;
			}
			metadata = unknown(job.jobId(), null);
			reason = expired(job.jobId());
			handle = null;
		}
		checkpoint.run();
		this.redeliveries.incrementAndGet();
		announce(epoch, job.jobId(), job.projectId(), handle, metadata, reason, true);
	}

	void publish(ApplicationEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("RIME job watcher: a listener of " + event + " failed; the watcher goes on", ex);
		}
	}

	private void announce(long epoch, String jobId, String projectId, @Nullable RimeStressTestJob handle,
			JobMetadata metadata, String reason, boolean redelivered) {
		this.history.add(new FinishedJob(jobId, projectId, metadata.status(), reason, this.clock.instant(), metadata));
		Supplier<RimeStressTestJob> job = (handle != null) ? () -> handle : () -> this.client.getStressTestJob(jobId);
		publish(new RimeJobFinishedEvent(this.eventSource, projectId, metadata, reason, job, redelivered));
		synchronized (this.handles) {
			this.handles.remove(jobId);
		}
		this.ledger.confirm(epoch, jobId);
	}

	static String expired(String jobId) {
		return "RIME no longer knows job '" + jobId + "' (HTTP 404): it expired (RIME keeps jobs two days"
				+ " after they end) or was deleted before the watcher saw how it ended";
	}

	static String reason(JobMetadata metadata) {
		String job = "Job '" + metadata.name() + "'";
		return switch (metadata.status()) {
			case SUCCEEDED -> job + " succeeded after " + metadata.runningTimeSecs() + " s";
			case CANCELLED -> job + " was cancelled after " + metadata.runningTimeSecs() + " s";
			case FAILING -> job + " failed: "
					+ ((metadata.errorMessage() != null) ? metadata.errorMessage() : "RIME gave no error message");
			default -> job + " ended as " + metadata.status();
		};
	}

	static JobMetadata unknown(String jobId, @Nullable JobMetadata last) {
		if (last == null) {
			return new JobMetadata(jobId, JobType.MODEL_STRESS_TEST, JobStatus.UNKNOWN_JOB_STATUS, 0, 0, 0, 0, null,
					false);
		}
		return new JobMetadata(jobId, last.type(), JobStatus.UNKNOWN_JOB_STATUS, last.startTimeSecs(),
				last.runningTimeSecs(), last.completedTestBatches(), last.totalTestBatches(), last.errorMessage(),
				last.cancellationRequested());
	}

}
