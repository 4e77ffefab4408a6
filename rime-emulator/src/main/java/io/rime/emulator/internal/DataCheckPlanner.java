package io.rime.emulator.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.rime.emulator.internal.checks.DataCheckSpec;
import io.rime.emulator.internal.checks.SkippedBatch;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decides which stress tests get computed data checks (both datasets local CSV files, or a local
 * evaluation file without a reference; not in load runs with a fixed test case count; not when
 * turned off), and runs them on two background threads.
 */
final class DataCheckPlanner implements AutoCloseable {

	/** The test categories computed from the data; batches of the others are listed with every case skipped. */
	private static final Set<String> DATA_CATEGORIES = Set.of("TEST_CATEGORY_TYPE_DRIFT",
			"TEST_CATEGORY_TYPE_ABNORMAL_INPUTS", "TEST_CATEGORY_TYPE_DATA_CLEANLINESS");

	private final EmulatorSettings settings;

	/** Computes; two threads, as the machine the emulator is sized for has two cores. */
	private final ExecutorService executor;

	/** Looks at jobs when they should be running, on time even while both workers compute. */
	private final ScheduledThreadPoolExecutor scheduler;

	DataCheckPlanner(EmulatorSettings settings) {
		this.settings = settings;
		AtomicInteger threads = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "rime-emulator-data-checks-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		this.executor = Executors.newFixedThreadPool(2, factory);
		this.scheduler = new ScheduledThreadPoolExecutor(1, factory);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Returns what a stress test checks, or {@code null} when its results are generated.
	 * @param config the test run config (already validated)
	 * @param reference the reference dataset, if any
	 * @param evaluation the evaluation dataset
	 * @return the spec, or {@code null}
	 */
	@Nullable DataCheckSpec spec(JsonNode config, Registry.@Nullable Dataset reference, Registry.Dataset evaluation) {
		if (!this.settings.dataChecks() || this.settings.testCasesPerRun() != null || evaluation.localFile() == null
				|| (reference != null && reference.localFile() == null)) {
			return null;
		}
		List<String> categories = Fields.optionalStrings(config, "categories", "testRunConfig.categories");
		JsonNode suite = config.path("testSuiteConfig");
		Set<String> excluded = new HashSet<>(
				suite.isObject() ? Fields.optionalStrings(suite, "globalExcludeColumns",
						"testRunConfig.testSuiteConfig.globalExcludeColumns") : List.of());
		Set<String> categorical = new HashSet<>(evaluation.categoricalFeatures());
		String label = evaluation.labelCol();
		if (reference != null) {
			categorical.addAll(reference.categoricalFeatures());
			label = (label != null) ? label : reference.labelCol();
		}
		return new DataCheckSpec((reference != null) ? reference.localFile() : null,
				(reference != null) ? reference.path() : "", evaluation.localFile(), evaluation.path(), label,
				categorical, excluded, categories);
	}

	DataCheckRun run(String testRunId, String jobId, DataCheckSpec spec) {
		// RIME's overall model performance test, which the generated results have no batch for
		List<SkippedBatch> modelBatches = new ArrayList<>(
				List.of(new SkippedBatch("overall_metrics", "Overall Metrics", "TEST_CATEGORY_TYPE_MODEL_PERFORMANCE", false)));
		for (ResultsGenerator.Batch batch : ResultsGenerator.BATCHES) {
			if (!DATA_CATEGORIES.contains(batch.category())) {
				modelBatches.add(new SkippedBatch(batch.type(), batch.name(), batch.category(), true));
			}
		}
		return new DataCheckRun(testRunId, jobId, spec, modelBatches, this.executor);
	}

	/**
	 * Looks at a job that checks data when it should be running, so that its checks start then
	 * even if nobody asks for its status; a look with the emulator's clock before then does
	 * nothing (the clock may be a test's).
	 * @param job the job
	 */
	void startWhenRunning(Job job) {
		if (job.dataChecks() == null) {
			return;
		}
		Duration delay = this.settings.pendingDuration();
		try {
			this.scheduler.schedule(() -> job.at(this.settings.now()), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// the emulator is closing: the job starts its checks when its status is read
		}
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.executor.shutdownNow();
	}

}
