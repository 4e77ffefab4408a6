package io.rime.watch;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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

/**
 * The jobs a {@link RimeJobWatcher} watches and one poll cycle over them: list the active jobs of
 * the watched projects, compare with what was seen before, read each job that left the active set
 * to learn how it ended, and publish the events. Cycles run on the watcher's thread, one at a time;
 * the queries and {@link #watch(RimeStressTestJob, String)} are safe from any thread.
 */
class JobTracker {

	// Logs as the watcher: users configure and filter one logger for the whole watcher.
	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private static final int ANNOUNCED_JOB_IDS_KEPT = 10_000;

	private final RimeJobWatcher eventSource;

	private final RimeClient client;

	private final ApplicationEventPublisher publisher;

	private final RimeWatcherSettings settings;

	private final Clock clock;

	private final WatchedProjects projects;

	private final Map<String, Entry> jobs = new ConcurrentHashMap<>();

	private final Queue<Entry> started = new ConcurrentLinkedQueue<>();

	private final Deque<FinishedJob> finished = new ArrayDeque<>();

	private final Map<JobStatus, AtomicLong> finishedCounts = new EnumMap<>(JobStatus.class);

	// Jobs announced as finished, so that a start that returns after the job ended (a retried start
	// whose first attempt created the job) does not have it watched and announced again. Bounded.
	private final Set<String> announcedJobIds = Collections.newSetFromMap(new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > ANNOUNCED_JOB_IDS_KEPT;
		}

	});

	JobTracker(RimeJobWatcher eventSource, RimeClient client, ApplicationEventPublisher publisher,
			RimeWatcherSettings settings, Clock clock) {
		this.eventSource = eventSource;
		this.client = client;
		this.publisher = publisher;
		this.settings = settings;
		this.clock = clock;
		this.projects = new WatchedProjects(client, settings, clock);
		for (JobStatus status : JobStatus.values()) {
			if (!RimeJobWatcher.ACTIVE_STATUSES.contains(status)) {
				this.finishedCounts.put(status, new AtomicLong());
			}
		}
	}

	void watch(RimeStressTestJob job, String projectId) {
		// Queued rather than tracked at once: only the cycle's thread changes the tracked jobs.
		this.started.add(new Entry(job.jobId(), projectId, JobStatus.PENDING, null, job));
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
		synchronized (this.finished) {
			return List.copyOf(this.finished);
		}
	}

	long finishedCount(JobStatus status) {
		AtomicLong count = this.finishedCounts.get(status);
		return (count != null) ? count.get() : 0;
	}

	/**
	 * Run one poll cycle. A failed call to RIME ends it with the exception and leaves the jobs that
	 * were not reached as they were, for the next cycle.
	 * @param checkpoint run before each call to RIME and each change it announces; throws to end
	 * the cycle when the watcher abandons it
	 */
	void pollOnce(Runnable checkpoint) {
		takeStartedJobs();
		Map<String, Listed> active = new HashMap<>();
		List<String> projectsOfWatchedJobs = this.jobs.values().stream().map(Entry::projectId).toList();
		for (String projectId : this.projects.toList(checkpoint, projectsOfWatchedJobs)) {
			checkpoint.run();
			for (JobMetadata metadata : this.projects.activeJobs(projectId)) {
				active.put(metadata.name(), new Listed(projectId, metadata));
			}
		}
		for (Listed listed : active.values()) {
			checkpoint.run();
			JobMetadata metadata = listed.metadata();
			Entry entry = this.jobs.get(metadata.name());
			if (entry == null) {
				this.jobs.put(metadata.name(),
						new Entry(metadata.name(), listed.projectId(), metadata.status(), metadata, null));
				continue;
			}
			announceChange(checkpoint, entry, metadata);
			this.jobs.put(metadata.name(), entry.observed(metadata));
		}
		for (Entry entry : List.copyOf(this.jobs.values())) {
			if (!active.containsKey(entry.jobId())) {
				checkpoint.run();
				leftTheActiveSet(checkpoint, entry);
			}
		}
	}

	private void takeStartedJobs() {
		Entry started;
		while ((started = this.started.poll()) != null) {
			if (this.announcedJobIds.contains(started.jobId())) {
				continue;
			}
			Entry known = this.jobs.get(started.jobId());
			if (known == null) {
				this.jobs.put(started.jobId(), started);
			}
			else if (known.handle() == null) {
				this.jobs.put(started.jobId(), known.withHandle(started.handle()));
			}
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
			finish(checkpoint, entry, unknown(entry),
					"RIME no longer knows job '" + entry.jobId() + "' (HTTP 404): it expired (RIME keeps jobs two days"
							+ " after they end) or was deleted before the watcher saw how it ended");
			return;
		}
		Entry known = entry.withHandle(handle);
		if (metadata.status().isTerminal()) {
			announceChange(checkpoint, known, metadata);
			finish(checkpoint, known, metadata, reason(metadata));
		}
		else if (RimeJobWatcher.ACTIVE_STATUSES.contains(metadata.status())) {
			// Started after the list call: still active.
			announceChange(checkpoint, known, metadata);
			this.jobs.put(known.jobId(), known.observed(metadata));
		}
	}

	private void announceChange(Runnable checkpoint, Entry entry, JobMetadata metadata) {
		if (metadata.status() != entry.status()) {
			// A call that outlived the shutdown timeout returns here: an abandoned cycle announces nothing.
			checkpoint.run();
			publish(new RimeJobStatusChangedEvent(this.eventSource, entry.projectId(), entry.status(), metadata));
		}
	}

	private void finish(Runnable checkpoint, Entry entry, JobMetadata metadata, String reason) {
		checkpoint.run();
		this.jobs.remove(entry.jobId());
		this.announcedJobIds.add(entry.jobId());
		this.finishedCounts.get(metadata.status()).incrementAndGet();
		remember(new FinishedJob(entry.jobId(), entry.projectId(), metadata.status(), reason, this.clock.instant(),
				metadata));
		RimeStressTestJob handle = entry.handle();
		Supplier<RimeStressTestJob> job = (handle != null) ? () -> handle
				: () -> this.client.getStressTestJob(entry.jobId());
		publish(new RimeJobFinishedEvent(this.eventSource, entry.projectId(), metadata, reason, job));
	}

	private void remember(FinishedJob job) {
		int size = this.settings.finishedHistorySize();
		if (size == 0) {
			return;
		}
		synchronized (this.finished) {
			this.finished.addFirst(job);
			while (this.finished.size() > size) {
				this.finished.removeLast();
			}
		}
	}

	private void publish(ApplicationEvent event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("RIME job watcher: a listener of " + event + " failed; the watcher goes on", ex);
		}
	}

	private static String reason(JobMetadata metadata) {
		String job = "Job '" + metadata.name() + "'";
		return switch (metadata.status()) {
			case SUCCEEDED -> job + " succeeded after " + metadata.runningTimeSecs() + " s";
			case CANCELLED -> job + " was cancelled after " + metadata.runningTimeSecs() + " s";
			case FAILING -> job + " failed: "
					+ ((metadata.errorMessage() != null) ? metadata.errorMessage() : "RIME gave no error message");
			default -> job + " ended as " + metadata.status();
		};
	}

	private static JobMetadata unknown(Entry entry) {
		JobMetadata last = entry.metadata();
		if (last == null) {
			return new JobMetadata(entry.jobId(), JobType.MODEL_STRESS_TEST, JobStatus.UNKNOWN_JOB_STATUS, 0, 0, 0, 0,
					null, false);
		}
		return new JobMetadata(entry.jobId(), last.type(), JobStatus.UNKNOWN_JOB_STATUS, last.startTimeSecs(),
				last.runningTimeSecs(), last.completedTestBatches(), last.totalTestBatches(), last.errorMessage(),
				last.cancellationRequested());
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
