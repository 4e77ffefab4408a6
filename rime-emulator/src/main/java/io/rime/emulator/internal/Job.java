package io.rime.emulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job whose status follows from the clock, and for a stress test with local CSV data also from
 * its data checks, which run in the background once it is RUNNING. A job goes REQUESTED, PENDING,
 * RUNNING, then SUCCEEDED or FAILED, or CANCELLED when a cancel request takes effect before it
 * ends.
 */
final class Job {

	static final List<String> GENERATED_BATCH_TYPES = ResultsGenerator.BATCHES.stream()
		.map(ResultsGenerator.Batch::type)
		.toList();

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

	private volatile @Nullable DataCheckRun dataChecks;

	private volatile @Nullable List<String> seededBatchTypes;

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

	/** Why the job fails: its start failed, or its data checks did; null otherwise. */
	@Nullable String failure() {
		if (this.failure != null) {
			return this.failure;
		}
		DataCheckRun checks = this.dataChecks;
		return (checks != null) ? checks.failure() : null;
	}

	/**
	 * Makes the job check data while it runs; set right after the job is created.
	 * @param checks the computation
	 */
	void checkData(DataCheckRun checks) {
		this.dataChecks = checks;
	}

	/**
	 * Makes the job's progress list the batches of results a test seeded; set right after the job
	 * is created.
	 * @param batchTypes the test types of the seeded batches, in order
	 */
	void seededBatchTypes(List<String> batchTypes) {
		this.seededBatchTypes = List.copyOf(batchTypes);
	}

	@Nullable DataCheckRun dataChecks() {
		return this.dataChecks;
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
			DataCheckRun checks = this.dataChecks;
			if (checks != null) {
				checks.cancel();
			}
		}
	}

	/**
	 * Returns the job's state at a time.
	 * @param now the time
	 * @return the state
	 */
	State at(Instant now) {
		DataCheckRun checks = this.dataChecks;
		if (checks != null && !now.isBefore(this.runningAt) && this.cancelEffectiveAt == null) {
			checks.start(); // the data are checked while the job runs
			checks.awaitIfClockRanAhead(Duration.between(this.runningAt, now));
		}
		Instant end = end(checks);
		Instant cancelAt = this.cancelEffectiveAt;
		boolean cancelled = cancelAt != null && (end == null || cancelAt.isBefore(end));
		if (cancelled) {
			end = cancelAt;
		}
		if (end != null && !now.isBefore(end)) {
			String status = cancelled ? "JOB_STATUS_CANCELLED"
					: (failure() != null) ? "JOB_STATUS_FAILED" : "JOB_STATUS_SUCCEEDED";
			boolean ran = end.isAfter(this.runningAt);
			return new State(status, ran ? this.runningAt : null, end,
					ran ? Duration.between(this.runningAt, end) : Duration.ZERO, completedBatches(end, end));
		}
		if (!now.isBefore(this.runningAt)) {
			return new State("JOB_STATUS_RUNNING", this.runningAt, null, Duration.between(this.runningAt, now),
					completedBatches(now, end));
		}
		String status = now.isBefore(this.pendingAt) ? "JOB_STATUS_REQUESTED" : "JOB_STATUS_PENDING";
		return new State(status, null, null, Duration.ZERO, 0);
	}

	/**
	 * When the job ends unless it is cancelled: at its natural end, or for a job that checks data,
	 * when the checks are also done (or at once when they failed); null while they run.
	 */
	private @Nullable Instant end(@Nullable DataCheckRun checks) {
		if (checks == null) {
			return this.naturalEnd;
		}
		Duration elapsed = checks.elapsed();
		if (elapsed == null) {
			return null;
		}
		Instant finished = this.runningAt.plus(elapsed);
		if (checks.failure() != null) {
			return finished.isAfter(this.runningAt) ? finished : this.runningAt;
		}
		return finished.isAfter(this.naturalEnd) ? finished : this.naturalEnd;
	}

	int batchCount() {
		return batchTypes().size();
	}

	List<String> batchTypes() {
		DataCheckRun checks = this.dataChecks;
		if (checks != null) {
			return checks.batchTypes();
		}
		List<String> seeded = this.seededBatchTypes;
		return (seeded != null) ? seeded : GENERATED_BATCH_TYPES;
	}

	private int completedBatches(Instant time, @Nullable Instant end) {
		int batches = batchCount();
		if (!time.isAfter(this.runningAt)) {
			return 0;
		}
		if (failure() == null && end != null && !time.isBefore(end)) {
			return batches;
		}
		long total = Duration.between(this.runningAt, this.naturalEnd).toNanos();
		long done = Duration.between(this.runningAt, time).toNanos();
		double share = (total <= 0) ? 1 : Math.min(1, (double) done / total);
		DataCheckRun checks = this.dataChecks;
		if (checks != null) {
			share = Math.min(share, checks.progress());
		}
		return (int) Math.max(0, Math.min(batches - ((end == null) ? 1 : 0), Math.floor(share * batches)));
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
