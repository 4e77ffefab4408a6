package io.rime.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
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
import io.rime.client.internal.Durations;
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
 * set, to learn how it ended; never a call per active job. Cycles run at a fixed rate on a
 * private single thread, started and stopped with the application context as a
 * {@link SmartLifecycle}; the application's own scheduling is left alone.
 * <p>
 * Each finished job is announced as claim, publish, confirm through a {@link RimeWatcherLedger}.
 * With the default in-memory ledger and gate, every instance of a service announces its own jobs.
 * With a shared ledger and a {@link RimeWatcherLeadership} gate, one instance of the cluster polls
 * and publishes: the others hand the jobs started through their clients to the ledger, a new
 * leader reloads the watched jobs from it and runs a cycle at once, and a cycle that loses its
 * lease ends before its next call or event.
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

	private final @Nullable RimeWatcherLeadership leadership;

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

	private final AtomicLong ledgerErrors = new AtomicLong();

	private volatile boolean ledgerFailing;

	private volatile long fencedEpoch;

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
		this(client, publisher, settings, gate, RimeWatcherLedger.inMemory(), observationRegistry,
				observationConvention, clock);
	}

	/**
	 * Create a watcher that records what it watches and announces in a ledger.
	 * @param client the client to poll with
	 * @param publisher where events go
	 * @param settings how to poll
	 * @param gate decides whether this instance may poll and publish; a
	 * {@link RimeWatcherLeadership} is also asked before each call and event of a cycle
	 * @param ledger where the watched and announced jobs are recorded
	 * @param observationRegistry where the poll cycles are observed
	 * @param observationConvention a convention replacing the default one of the poll cycles'
	 * observation, or {@code null}
	 * @param clock the clock for the times the watcher reports
	 */
	public RimeJobWatcher(RimeClient client, ApplicationEventPublisher publisher, RimeWatcherSettings settings,
			RimeWatcherGate gate, RimeWatcherLedger ledger, ObservationRegistry observationRegistry,
			@Nullable RimeWatcherPollObservationConvention observationConvention, Clock clock) {
		this.settings = settings;
		this.gate = gate;
		this.leadership = (gate instanceof RimeWatcherLeadership elected) ? elected : null;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.clock = clock;
		this.jobs = new JobTracker(this, client, publisher, settings, ledger, clock);
		this.scheduler = new PollScheduler(settings.pollInterval(), settings.shutdownTimeout(), this::poll);
		if (this.leadership != null) {
			// A new leader does not wait for the next tick: jobs that ended while nobody led are due.
			this.leadership.onGranted(this.scheduler::runNow);
		}
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
				this.jobs.watchedJobCount(), (this.leadership != null) ? this.leadership.clusterState() : null);
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

	/**
	 * Return how many claims of finished jobs had the given outcome: with watchers across replicas,
	 * {@code TAKEN} counts jobs another leader announced, {@code FENCED} writes of a deposed leader.
	 * @param claim the outcome
	 * @return the count
	 */
	public long claimCount(RimeWatcherLedger.Claim claim) {
		return this.jobs.claimCount(claim);
	}

	/**
	 * Return how many finished events were announced again because an earlier leader never
	 * confirmed them.
	 * @return the count
	 */
	public long redeliveryCount() {
		return this.jobs.redeliveryCount();
	}

	/**
	 * Poll on threads of this factory, such as one of virtual threads; call it before the watcher
	 * starts. Default: a daemon platform thread named {@code rime-watcher}.
	 * @param threadFactory the factory
	 */
	public void setThreadFactory(ThreadFactory threadFactory) {
		this.scheduler.threadFactory(threadFactory);
	}

	/**
	 * Return how often the ledger could not be reached or refused a write.
	 * @return the count
	 */
	public long ledgerErrorCount() {
		return this.ledgerErrors.get();
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
		if (current.abandoned()) {
			return;
		}
		long epoch = (this.leadership != null) ? this.leadership.epoch() : 0;
		if (!this.gate.mayPollAndPublish() || (this.leadership != null && epoch == 0)) {
			follow();
			return;
		}
		RimeWatcherPollObservationContext context = new RimeWatcherPollObservationContext();
		Observation observation = RimeWatcherPollObservationDocumentation.POLL
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.start();
		context.setOutcome(Outcome.FAILURE);
		try (Observation.Scope scope = observation.openScope()) {
			this.jobs.pollOnce(epoch, () -> checkpoint(current));
			context.setOutcome(Outcome.SUCCESS);
			succeeded();
		}
		catch (LeaseLostException ex) {
			context.setOutcome(Outcome.REVOKED);
		}
		catch (RimeWatcherFencedException ex) {
			context.setOutcome(Outcome.FENCED);
			fenced(epoch);
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

	// Before each call to RIME and each event: stopping or a lost lease ends the cycle there.
	private void checkpoint(PollScheduler.Run current) {
		current.check();
		if (this.leadership != null && !this.leadership.mayPollAndPublish()) {
			throw new LeaseLostException();
		}
	}

	// A follower polls nothing; it hands the jobs started through its client to the ledger.
	private void follow() {
		if (this.leadership != null) {
			this.jobs.standDown();
		}
		try {
			this.jobs.registerStarted();
			if (this.ledgerFailing) {
				this.ledgerFailing = false;
				logger.info("RIME job watcher: the watcher ledger is reachable again");
			}
		}
		catch (RuntimeException ex) {
			ledgerFailed(ex);
		}
	}

	private void fenced(long epoch) {
		this.jobs.standDown();
		if (this.leadership != null) {
			this.leadership.fenced(epoch);
		}
		if (this.fencedEpoch != epoch) {
			this.fencedEpoch = epoch;
			logger.warn("RIME job watcher: another instance was granted leadership after this one's (epoch " + epoch
					+ "); this instance stops polling and publishing until it is granted again");
		}
	}

	private void ledgerFailed(RuntimeException ex) {
		this.ledgerErrors.incrementAndGet();
		if (!this.ledgerFailing) {
			this.ledgerFailing = true;
			logger.warn("RIME job watcher: cannot reach the watcher ledger (" + ex.getClass().getSimpleName() + ": "
					+ ex.getMessage() + "); jobs started here stay queued and no events are published until it"
					+ " answers. Logged once until it does.");
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
		if (ex instanceof RimeWatcherLedgerException) {
			this.ledgerErrors.incrementAndGet();
		}
		this.lastPoll = this.clock.instant();
		this.totalFailures.incrementAndGet();
		this.consecutiveFailures++;
		this.lastError = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		if (this.consecutiveFailures == 1) {
			String what = (ex instanceof RimeWatcherLedgerException) ? "reach the watcher ledger" : "poll RIME";
			logger.warn("RIME job watcher: cannot " + what + " (" + this.lastError + "); keeping the "
					+ this.jobs.watchedJobCount() + " watched jobs and trying again every "
					+ Durations.format(this.settings.pollInterval()) + ". Logged once until RIME answers again.");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("RIME job watcher: poll cycle " + this.consecutiveFailures + " of this outage failed", ex);
		}
	}

	/**
	 * Ends a cycle whose leader lost its lease: it makes no more calls and publishes nothing.
	 */
	private static final class LeaseLostException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		LeaseLostException() {
			super("The lease of the watcher's leadership expired", null, false, false);
		}

	}

}
