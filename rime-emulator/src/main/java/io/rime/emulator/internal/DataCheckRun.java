package io.rime.emulator.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.rime.emulator.internal.checks.DataCheckReport;
import io.rime.emulator.internal.checks.DataCheckSpec;
import io.rime.emulator.internal.checks.DataChecks;
import io.rime.emulator.internal.checks.MalformedCsvException;
import io.rime.emulator.internal.checks.SkippedBatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A test run whose results are computed from its CSV files, on a background thread, once its job
 * is running; its job ends when both the job's running time and the computation are over. The
 * computation counts as started when the job began running, so a job whose checks take longer
 * than its running time runs that much longer, on any clock.
 */
final class DataCheckRun implements RunResults {

	private static final Duration CLOCK_AHEAD = Duration.ofSeconds(1);

	private final String testRunId;

	private final String jobId;

	private final DataCheckSpec spec;

	private final List<SkippedBatch> modelBatches;

	private final Executor executor;

	private final AtomicBoolean started = new AtomicBoolean();

	private final long totalBytes;

	private volatile boolean cancelled;

	private volatile long bytesRead;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile long queuedNanos;

	/** From the start request to the end of the computation, or null while it runs. */
	private volatile @Nullable Duration elapsed;

	private volatile @Nullable String failure;

	private volatile @Nullable DataCheckReport report;

	private volatile Duration took = Duration.ZERO;

	DataCheckRun(String testRunId, String jobId, DataCheckSpec spec, List<SkippedBatch> modelBatches,
			Executor executor) {
		this.testRunId = testRunId;
		this.jobId = jobId;
		this.spec = spec;
		this.modelBatches = List.copyOf(modelBatches);
		this.executor = executor;
		this.totalBytes = Math.max(1, ((spec.reference() != null) ? spec.reference().toFile().length() : 0)
				+ spec.evaluation().toFile().length());
	}

	/** Starts computing on the executor, once. */
	void start() {
		if (this.started.compareAndSet(false, true)) {
			this.queuedNanos = System.nanoTime();
			try {
				this.executor.execute(this::compute);
			}
			catch (RejectedExecutionException ex) {
				this.failure = "The emulator is shutting down";
				finish();
			}
		}
	}

	private void compute() {
		long began = System.nanoTime();
		try {
			computeAndRecord(began);
		}
		finally {
			this.done.countDown();
		}
	}

	private void computeAndRecord(long began) {
		try {
			DataCheckReport computed = DataChecks.run(this.spec, this.testRunId, this.modelBatches, (bytes) -> {
				this.bytesRead = bytes;
				if (this.cancelled) {
					throw new CancellationException("job " + this.jobId + " was cancelled");
				}
			});
			this.took = Duration.ofNanos(System.nanoTime() - began);
			this.report = computed;
		}
		catch (CancellationException ex) {
			return; // never finishes: the job ends as cancelled
		}
		catch (MalformedCsvException | java.io.UncheckedIOException ex) {
			this.failure = "The data checks could not read the data: " + ex.getMessage();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			this.failure = "The data checks failed: " + ex;
		}
		finish();
	}

	private void finish() {
		this.elapsed = Duration.ofNanos(System.nanoTime() - this.queuedNanos);
		this.done.countDown();
	}

	void cancel() {
		this.cancelled = true;
	}

	/**
	 * How long the computation took from the request to start it, or null while it runs (or when
	 * it was cancelled).
	 */
	@Nullable Duration elapsed() {
		return this.elapsed;
	}

	/**
	 * Waits for the computation when the emulator's clock ran ahead of real time since it was
	 * started (a test's clock moved forward), so that the results follow that clock.
	 * @param sinceRunning how much emulator time passed since the job began running
	 */
	void awaitIfClockRanAhead(Duration sinceRunning) {
		if (!this.started.get() || this.elapsed != null || this.cancelled) {
			return;
		}
		long real = System.nanoTime() - this.queuedNanos;
		if (sinceRunning.toNanos() - real > CLOCK_AHEAD.toNanos()) {
			try {
				this.done.await(1, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Why the computation failed, or null. */
	@Nullable String failure() {
		return this.failure;
	}

	/** How far the computation got, from 0 to 1. */
	double progress() {
		return (this.elapsed != null) ? 1 : Math.min(1, (double) this.bytesRead / this.totalBytes);
	}

	@Override
	public String testRunId() {
		return this.testRunId;
	}

	@Override
	public String jobId() {
		return this.jobId;
	}

	@Override
	public List<String> batchTypes() {
		DataCheckReport computed = this.report;
		return (computed != null) ? computed.batchTypes() : DataChecks.plannedBatchTypes(this.spec, this.modelBatches);
	}

	@Override
	public ObjectNode batch(int index) {
		ObjectNode batch = report().batches().get(index).deepCopy();
		boolean computedBatch = !this.modelBatches.stream()
			.anyMatch((skipped) -> skipped.type().equals(batch.path("testType").asString()));
		// the pass computes every data batch together, so each reports the pass's time
		batch.put("durationInMillis", Long.toString(computedBatch ? this.took.toMillis() : 0));
		return batch;
	}

	@Override
	public long caseCount() {
		return report().testCases().size();
	}

	@Override
	public ObjectNode testCase(long index) {
		return report().testCases().get((int) index);
	}

	private DataCheckReport report() {
		DataCheckReport computed = this.report;
		if (computed == null) {
			throw new IllegalStateException("the data checks of test run " + this.testRunId + " are not done");
		}
		return computed;
	}

}
