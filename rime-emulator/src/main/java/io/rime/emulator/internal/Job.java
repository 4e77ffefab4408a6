package io.rime.emulator.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job whose status follows from the clock: nothing runs in the background. A job goes
 * REQUESTED, PENDING, RUNNING, then SUCCEEDED or FAILED, or CANCELLED when a cancel request
 * takes effect before it ends.
 */
final class Job {

	static final int TEST_BATCHES = ResultsGenerator.BATCHES.size();

	private final String id;

	private final long sequence;

	private final String projectId;

	private final Instant created;

	private final Instant pendingAt;

	private final Instant runningAt;

	private final Instant naturalEnd;

	private final @Nullable String failure;

	private final @Nullable StressRun stressRun;

	private volatile @Nullable Instant cancelEffectiveAt;

	Job(String id, long sequence, String projectId, Instant created, Duration requested, Duration pending,
			Duration running, @Nullable String failure, boolean failsBeforeRunning, @Nullable StressRun stressRun) {
		this.id = id;
		this.sequence = sequence;
		this.projectId = projectId;
		this.created = created;
		this.pendingAt = created.plus(requested);
		this.runningAt = this.pendingAt.plus(pending);
		this.naturalEnd = failsBeforeRunning ? this.runningAt : this.runningAt.plus(running);
		this.failure = failure;
		this.stressRun = stressRun;
	}

	String id() {
		return this.id;
	}

	long sequence() {
		return this.sequence;
	}

	String projectId() {
		return this.projectId;
	}

	Instant created() {
		return this.created;
	}

	@Nullable String failure() {
		return this.failure;
	}

	@Nullable StressRun stressRun() {
		return this.stressRun;
	}

	boolean cancellationRequested() {
		return this.cancelEffectiveAt != null;
	}

	/**
	 * Asks for the job to be cancelled; the first request counts.
	 * @param effectiveAt when the cancellation takes effect
	 */
	synchronized void requestCancel(Instant effectiveAt) {
		if (this.cancelEffectiveAt == null) {
			this.cancelEffectiveAt = effectiveAt;
		}
	}

	/**
	 * Returns the job's state at a time.
	 * @param now the time
	 * @return the state
	 */
	State at(Instant now) {
		Instant cancelAt = this.cancelEffectiveAt;
		boolean cancelled = cancelAt != null && cancelAt.isBefore(this.naturalEnd);
		Instant end = cancelled ? cancelAt : this.naturalEnd;
		if (!now.isBefore(end)) {
			String status = cancelled ? "JOB_STATUS_CANCELLED"
					: (this.failure != null) ? "JOB_STATUS_FAILED" : "JOB_STATUS_SUCCEEDED";
			boolean ran = end.isAfter(this.runningAt);
			return new State(status, ran ? this.runningAt : null, end,
					ran ? Duration.between(this.runningAt, end) : Duration.ZERO, completedBatches(end));
		}
		if (!now.isBefore(this.runningAt)) {
			return new State("JOB_STATUS_RUNNING", this.runningAt, null, Duration.between(this.runningAt, now),
					completedBatches(now));
		}
		String status = now.isBefore(this.pendingAt) ? "JOB_STATUS_REQUESTED" : "JOB_STATUS_PENDING";
		return new State(status, null, null, Duration.ZERO, 0);
	}

	private int completedBatches(Instant time) {
		if (!time.isAfter(this.runningAt)) {
			return 0;
		}
		if (this.failure == null && !time.isBefore(this.naturalEnd)) {
			return TEST_BATCHES;
		}
		long total = Duration.between(this.runningAt, this.naturalEnd).toNanos();
		long done = Duration.between(this.runningAt, time).toNanos();
		return (total <= 0) ? TEST_BATCHES : (int) Math.min(TEST_BATCHES, done * TEST_BATCHES / total);
	}

	/**
	 * What a stress test job runs.
	 *
	 * @param testRunId the id of the test run it produces
	 * @param customImage the {@code runTimeInfo.customImage} it was started with, if any
	 */
	record StressRun(String testRunId, @Nullable JsonNode customImage) {
	}

	/**
	 * A job's state at one time.
	 *
	 * @param status the REST v1 status name
	 * @param startTime when it began running, if it did
	 * @param completionTime when it finished, if it did
	 * @param runningTime how long it ran or has been running
	 * @param completedBatches how many test batches are complete
	 */
	record State(String status, @Nullable Instant startTime, @Nullable Instant completionTime, Duration runningTime,
			int completedBatches) {

		boolean terminal() {
			return this.completionTime != null;
		}

	}

}
