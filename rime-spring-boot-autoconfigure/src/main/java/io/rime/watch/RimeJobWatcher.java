package io.rime.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.observation.DefaultRimeWatcherPollObservationConvention;
import io.rime.watch.observation.RimeWatcherPollObservationContext;
import io.rime.watch.observation.RimeWatcherPollObservationContext.Outcome;
import io.rime.watch.observation.RimeWatcherPollObservationConvention;
import io.rime.watch.observation.RimeWatcherPollObservationDocumentation;

/**
 * Watches RIME stress test jobs with one background poller per application and publishes a
 * {@link RimeJobStatusChangedEvent} for every status change it observes and a
 * {@link RimeJobFinishedEvent} once per job when it ends.
 * <p>
 * It watches the jobs handed to {@link #watch(RimeStressTestJob, String)} (the auto-configuration
 * hands it every job started through the context's {@code RimeClient}) and every active
 * ({@code PENDING}, {@code RUNNING}) job of the watched projects. A poll cycle costs one paged list
 * call per watched project for the active statuses, plus one read per job that left the active
 * set, to learn how it ended; never a call per active job. Cycles run with a fixed delay on a
 * private single thread, started and stopped with the application context as a
 * {@link SmartLifecycle}; the application's own scheduling is left alone.
 * <p>
 * While RIME cannot be reached the watcher keeps its state, counts the failed cycles, and logs one
 * WARN when the outage starts and one INFO when it ends; afterwards it announces every job that
 * ended meanwhile, once.
 */
public class RimeJobWatcher implements SmartLifecycle {

	/**
	 * The statuses the watcher lists: the jobs that have not ended yet.
	 */
	public static final Set<JobStatus> ACTIVE_STATUSES = EnumSet.of(JobStatus.PENDING, JobStatus.RUNNING);

	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private static final RimeWatcherPollObservationConvention DEFAULT_CONVENTION = new DefaultRimeWatcherPollObservationConvention();

	private final RimeWatcherSettings settings;

	private final RimeWatcherGate gate;

	private final ObservationRegistry observationRegistry;

	private final @Nullable RimeWatcherPollObservationConvention observationConvention;

	private final Clock clock;

	private final JobTracker jobs;

	private final AtomicLong totalFailures = new AtomicLong();

	private final PollScheduler scheduler;

	private volatile @Nullable Instant lastPoll;

	private volatile @Nullable Instant lastSuccessfulPoll;

	private volatile int consecutiveFailures;

	private volatile @Nullable String lastError;

	/**
	 * Create a watcher.
	 * @param client the client to poll with
	 * @param publisher where events go
	 * @param settings how to poll
	 * @param gate decides before each cycle whether this instance may poll and publish
	 * @param observationRegistry where the poll cycles are observed
	 * @param observationConvention a convention replacing the default one of the poll cycles'
	 * observation, or {@code null}
	 * @param clock the clock for the times the watcher reports
	 */
	public RimeJobWatcher(RimeClient client, ApplicationEventPublisher publisher, RimeWatcherSettings settings,
			RimeWatcherGate gate, ObservationRegistry observationRegistry,
			@Nullable RimeWatcherPollObservationConvention observationConvention, Clock clock) {
		this.settings = settings;
		this.gate = gate;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.clock = clock;
		this.jobs = new JobTracker(this, client, publisher, settings, clock);
		this.scheduler = new PollScheduler(settings.pollInterval(), settings.shutdownTimeout(), this::poll);
	}

	/**
	 * Watch a job from now on, as if a poll had seen it {@code PENDING}; safe to call from any
	 * thread. The auto-configuration calls it for every job started through the context's
	 * {@code RimeClient}.
	 * @param job the job
	 * @param projectId the job's project
	 */
	public void watch(RimeStressTestJob job, String projectId) {
		this.jobs.watch(job, projectId);
	}

	/**
	 * Return a snapshot of the watcher's state, for health indicators and the actuator endpoint.
	 * @return the state
	 */
	public RimeWatcherState state() {
		return new RimeWatcherState(isRunning(), this.settings.pollInterval(), this.lastPoll,
				this.lastSuccessfulPoll, this.consecutiveFailures, this.totalFailures.get(), this.lastError,
				this.jobs.watchedJobCount());
	}

	/**
	 * Return the settings the watcher polls with.
	 * @return the settings
	 */
	public RimeWatcherSettings settings() {
		return this.settings;
	}

	/**
	 * Return the jobs watched now, as last observed, oldest start first.
	 * @return the jobs
	 */
	public List<WatchedJob> watchedJobs() {
		return this.jobs.watchedJobs();
	}

	/**
	 * Return the last jobs the watcher saw finish, newest first, at most
	 * {@link RimeWatcherSettings#finishedHistorySize()}.
	 * @return the jobs
	 */
	public List<FinishedJob> finishedJobs() {
		return this.jobs.finishedJobs();
	}

	/**
	 * Return how many watched jobs have the given status now.
	 * @param status the status
	 * @return the count
	 */
	public int watchedJobCount(JobStatus status) {
		return this.jobs.watchedJobCount(status);
	}

	/**
	 * Return how many finished events the watcher has published with the given status.
	 * @param status a final status, or {@link JobStatus#UNKNOWN_JOB_STATUS}
	 * @return the count; 0 for an active status
	 */
	public long finishedCount(JobStatus status) {
		return this.jobs.finishedCount(status);
	}

	/**
	 * Return how many poll cycles have failed since the watcher was created.
	 * @return the count
	 */
	public long pollErrorCount() {
		return this.totalFailures.get();
	}

	@Override
	public void start() {
		this.scheduler.start();
	}

	@Override
	public void stop() {
		this.scheduler.stop();
	}

	@Override
	public void stop(Runnable callback) {
		this.scheduler.stop(callback);
	}

	@Override
	public boolean isRunning() {
		return this.scheduler.isRunning();
	}

	private void poll(PollScheduler.Run current) {
		if (current.abandoned() || !this.gate.mayPollAndPublish()) {
			return;
		}
		RimeWatcherPollObservationContext context = new RimeWatcherPollObservationContext();
		Observation observation = RimeWatcherPollObservationDocumentation.POLL
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		context.setOutcome(Outcome.FAILURE);
		try (Observation.Scope scope = observation.openScope()) {
			this.jobs.pollOnce(current::check);
			context.setOutcome(Outcome.SUCCESS);
			succeeded();
		}
		catch (RuntimeException ex) {
			// Whatever ended an abandoned cycle, stopping did: the interrupt or a checkpoint.
			if (current.abandoned()) {
				context.setOutcome(Outcome.ABANDONED);
				return;
			}
			observation.error(ex);
			failed(ex);
		}
		finally {
			observation.stop();
		}
	}

	private void succeeded() {
		Instant now = this.clock.instant();
		int failures = this.consecutiveFailures;
		this.lastPoll = now;
		this.lastSuccessfulPoll = now;
		this.consecutiveFailures = 0;
		this.lastError = null;
		if (failures > 0) {
			logger.info("RIME job watcher: RIME is reachable again after " + failures + " failed poll "
					+ ((failures == 1) ? "cycle" : "cycles") + "; watching " + this.jobs.watchedJobCount() + " jobs");
		}
	}

	private void failed(RuntimeException ex) {
		this.lastPoll = this.clock.instant();
		this.totalFailures.incrementAndGet();
		this.consecutiveFailures++;
		this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (this.consecutiveFailures == 1) {
			logger.warn("RIME job watcher: cannot poll RIME (" + this.lastError + "); keeping the "
					+ this.jobs.watchedJobCount() + " watched jobs and trying again every "
					+ this.settings.pollInterval() + ". Logged once until RIME answers again.");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("RIME job watcher: poll cycle " + this.consecutiveFailures + " of this outage failed", ex);
		}
	}

}
