package io.rime.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeApiException;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.RimeWatcherLedger.Claim;
import io.rime.watch.RimeWatcherLedger.LedgerJob;
import io.rime.watch.RimeWatcherLedger.StatusChange;

/**
 * The jobs a {@link RimeJobWatcher} watches and one poll cycle over them: adopt the jobs started
 * through any client of the ledger, list the active jobs of the watched projects, record what is
 * new or changed, read each job that left the active set to learn how it ended, and announce it as
 * claim, publish, confirm. Cycles run on the watcher's thread, one at a time; the queries and
 * {@link #watch(RimeStressTestJob, String)} are safe from any thread.
 */
class JobTracker {

	// Logs as the watcher: users configure and filter one logger for the whole watcher.
	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private static final int QUEUED_STARTS_KEPT = 10_000;

	private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

	private final RimeJobWatcher eventSource;

	private final RimeClient client;

	private final ApplicationEventPublisher publisher;

	private final RimeWatcherLedger ledger;

	private final Clock clock;

	private final WatchedProjects projects;

	private final Announcer announcer;

	private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

	// Jobs started through this context's client, for the ledger; bounded while it cannot be reached.
	private final Queue<LedgerJob> started = new ConcurrentLinkedQueue<>();

	private final AtomicInteger startedCount = new AtomicInteger();

	private final AtomicBoolean startsDropped = new AtomicBoolean();

	// The epoch the tracked jobs belong to; 0 for a watcher without leader election.
	private long epoch;

	private @Nullable Instant lastPurge;

	JobTracker(RimeJobWatcher eventSource, RimeClient client, ApplicationEventPublisher publisher,
			RimeWatcherSettings settings, RimeWatcherLedger ledger, Clock clock) {
		this.eventSource = eventSource;
		this.client = client;
		this.publisher = publisher;
		this.ledger = ledger;
		this.clock = clock;
		this.projects = new WatchedProjects(client, settings, clock);
		this.announcer = new Announcer(eventSource, client, publisher, ledger, clock,
				new FinishedHistory(settings.finishedHistorySize()));
	}

	void watch(RimeStressTestJob job, String projectId) {
		this.announcer.rememberHandle(job);
		if (this.startedCount.incrementAndGet() > QUEUED_STARTS_KEPT) {
			this.startedCount.decrementAndGet();
			if (this.startsDropped.compareAndSet(false, true)) {
				logger.warn("RIME job watcher: " + QUEUED_STARTS_KEPT + " started jobs wait for the watcher ledger;"
						+ " job '" + job.jobId() + "' and later ones are watched only if a poll lists them."
						+ " Logged once.");
			}
			return;
		}
		// Queued rather than tracked at once: only the cycle's thread changes the tracked jobs.
		this.started.add(new LedgerJob(job.jobId(), projectId, JobStatus.PENDING));
	}

	int watchedJobCount() {
		return this.jobs.size();
	}

	int watchedJobCount(JobStatus status) {
		return (int) this.jobs.values().stream().filter((entry) -> entry.status() == status).count();
	}

	List<WatchedJob> watchedJobs() {
		List<WatchedJob> watched = new ArrayList<>(this.jobs.size());
		for (Entry entry : this.jobs.values()) {
			watched.add(new WatchedJob(entry.jobId(), entry.projectId(), entry.status(), entry.metadata()));
		}
		watched.sort(Comparator.comparingLong(JobTracker::startTime).thenComparing(WatchedJob::jobId));
		return watched;
	}

	List<FinishedJob> finishedJobs() {
		return this.announcer.finishedJobs();
	}

	long finishedCount(JobStatus status) {
		return this.announcer.finishedCount(status);
	}

	long claimCount(Claim claim) {
		return this.announcer.claimCount(claim);
	}

	long redeliveryCount() {
		return this.announcer.redeliveryCount();
	}

	/**
	 * Hand the jobs started through this context's client to the ledger, for whichever instance
	 * leads. When the ledger cannot be reached they stay queued for the next cycle.
	 */
	void registerStarted() {
		List<LedgerJob> batch = new ArrayList<>();
		LedgerJob job;
		while ((job = this.started.poll()) != null) {
			batch.add(job);
		}
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.ledger.register(batch);
			this.startedCount.addAndGet(-batch.size());
			this.startsDropped.set(false);
		}
		catch (RuntimeException ex) {
			this.started.addAll(batch);
			throw ex;
		}
	}

	/**
	 * Forget the jobs of a leadership that ended; a later grant reloads them from the ledger.
	 */
	void standDown() {
		this.jobs.clear();
		this.epoch = 0;
	}

	/**
	 * Run one poll cycle. A failed call to RIME ends it with the exception and leaves the jobs that
	 * were not reached as they were, for the next cycle.
	 * @param epoch the leadership the cycle runs under; a new one reloads the jobs from the ledger
	 * @param checkpoint run before each call to RIME and each change it announces; throws to end
	 * the cycle when the watcher abandons it or loses its lease
	 * @throws RimeWatcherFencedException when a newer leader was granted
	 */
	void pollOnce(long epoch, Runnable checkpoint) {
		registerStarted();
		if (epoch != this.epoch) {
			takeOver(epoch);
		}
		for (LedgerJob adopted : this.ledger.adopt(epoch)) {
			Entry known = this.jobs.get(adopted.jobId());
			RimeStressTestJob handle = this.announcer.handle(adopted.jobId());
			if (known == null) {
				this.jobs.put(adopted.jobId(),
						new Entry(adopted.jobId(), adopted.projectId(), adopted.status(), null, handle));
			}
			else if (known.handle() == null) {
				this.jobs.put(adopted.jobId(), known.withHandle(handle));
			}
		}
		for (LedgerJob inDoubt : this.ledger.takeInDoubt(epoch)) {
			checkpoint.run();
			this.announcer.redeliver(checkpoint, epoch, inDoubt);
		}
		Map<String, Listed> active = new HashMap<>();
		List<String> projectsOfWatchedJobs = this.jobs.values().stream().map(Entry::projectId).toList();
		for (String projectId : this.projects.toList(checkpoint, projectsOfWatchedJobs)) {
			checkpoint.run();
			for (JobMetadata metadata : this.projects.activeJobs(projectId)) {
				active.put(metadata.name(), new Listed(projectId, metadata));
			}
		}
		List<StatusChange> changes = new ArrayList<>();
		for (Listed listed : active.values()) {
			JobMetadata metadata = listed.metadata();
			Entry entry = this.jobs.get(metadata.name());
			if (entry == null) {
				changes.add(new StatusChange(metadata.name(), listed.projectId(), null, metadata.status()));
			}
			else if (entry.status() != metadata.status()) {
				changes.add(new StatusChange(metadata.name(), entry.projectId(), entry.status(), metadata.status()));
			}
		}
		checkpoint.run();
		Set<String> applied = changes.isEmpty() ? Set.of() : this.ledger.record(epoch, changes);
		for (Listed listed : active.values()) {
			JobMetadata metadata = listed.metadata();
			Entry entry = this.jobs.get(metadata.name());
			if (entry == null) {
				this.jobs.put(metadata.name(),
						new Entry(metadata.name(), listed.projectId(), metadata.status(), metadata, null));
				continue;
			}
			if (entry.status() != metadata.status() && applied.contains(metadata.name())) {
				checkpoint.run();
				this.announcer.publish(
						new RimeJobStatusChangedEvent(this.eventSource, entry.projectId(), entry.status(), metadata));
			}
			this.jobs.put(metadata.name(), entry.observed(metadata));
		}
		for (Entry entry : List.copyOf(this.jobs.values())) {
			if (!active.containsKey(entry.jobId())) {
				checkpoint.run();
				leftTheActiveSet(checkpoint, entry);
			}
		}
		purgeNowAndThen();
	}

	private void takeOver(long epoch) {
		this.jobs.clear();
		this.epoch = epoch;
		for (LedgerJob watched : this.ledger.takeOver(epoch)) {
			this.jobs.put(watched.jobId(), new Entry(watched.jobId(), watched.projectId(), watched.status(), null,
					this.announcer.handle(watched.jobId())));
		}
	}

	private void leftTheActiveSet(Runnable checkpoint, Entry entry) {
		// A handle made without a call keeps the cost of a job found by listing at one read.
		RimeStressTestJob existing = entry.handle();
		RimeStressTestJob handle = (existing != null) ? existing : this.client.job(entry.jobId());
		JobMetadata metadata;
		try {
			metadata = handle.getStatus();
		}
		catch (RimeApiException ex) {
			if (ex.getHttpStatus() != 404) {
				throw ex;
			}
			// Finished without the unchecked handle, so that the event's job() reports the 404.
			finish(checkpoint, entry, Announcer.unknown(entry.jobId(), entry.metadata()),
					Announcer.expired(entry.jobId()));
			return;
		}
		Entry known = entry.withHandle(handle);
		if (metadata.status().isTerminal()) {
			finish(checkpoint, known, metadata, Announcer.reason(metadata));
		}
		else if (RimeJobWatcher.ACTIVE_STATUSES.contains(metadata.status())) {
			// Started after the list call: still active.
			if (metadata.status() != known.status()) {
				checkpoint.run();
				Set<String> applied = this.ledger.record(this.epoch, List.of(
						new StatusChange(known.jobId(), known.projectId(), known.status(), metadata.status())));
				if (applied.contains(known.jobId())) {
					this.announcer.publish(new RimeJobStatusChangedEvent(this.eventSource, known.projectId(),
							known.status(), metadata));
				}
			}
			this.jobs.put(known.jobId(), known.observed(metadata));
		}
	}

	private void finish(Runnable checkpoint, Entry entry, JobMetadata metadata, String reason) {
		// A call that outlived the shutdown timeout or the lease returns here: it announces nothing.
		checkpoint.run();
		this.announcer.claimAndAnnounce(this.epoch, entry.jobId(), entry.projectId(), entry.status(), entry.handle(),
				metadata, reason);
		this.jobs.remove(entry.jobId());
	}

	private void purgeNowAndThen() {
		Instant now = this.clock.instant();
		Instant last = this.lastPurge;
		if (last == null || !now.isBefore(last.plus(PURGE_INTERVAL))) {
			this.lastPurge = now;
			this.ledger.purge();
		}
	}

	private static long startTime(WatchedJob job) {
		JobMetadata metadata = job.metadata();
		return (metadata != null && metadata.startTimeSecs() > 0) ? metadata.startTimeSecs() : Long.MAX_VALUE;
	}

	/**
	 * What the watcher keeps per job: a few references, well under a kilobyte.
	 */
	private record Entry(String jobId, String projectId, JobStatus status, @Nullable JobMetadata metadata,
			@Nullable RimeStressTestJob handle) {

		Entry observed(JobMetadata metadata) {
			return new Entry(this.jobId, this.projectId, metadata.status(), metadata, this.handle);
		}

		Entry withHandle(@Nullable RimeStressTestJob handle) {
			return new Entry(this.jobId, this.projectId, this.status, this.metadata, handle);
		}

	}

	private record Listed(String projectId, JobMetadata metadata) {
	}

}
