package io.rime.emulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.rime.emulator.internal.SeedingApi;
import org.jspecify.annotations.Nullable;

/**
 * Puts state into a {@link RimeEmulator} without HTTP, for tests: projects, registered datasets
 * and models whose validation has already succeeded, stress test configs that use them, and jobs
 * in a chosen state or finishing at a chosen time on the emulator's clock, with generated results
 * or with {@link SeededResults results of chosen statuses}. Get one with
 * {@link RimeEmulator#seed()}.
 *
 * <pre>{@code
 * String project = emulator.seed().project("fraud");
 * Map<String, Object> config = emulator.seed().testRunConfig(project);   // ready for startStressTest
 * String running = emulator.seed().stressTest(project, Seeder.JobState.RUNNING);
 * String failing = emulator.seed().stressTest(project,
 *         SeededResults.empty().batch("subset_accuracy", SeededResults.Status.PASS, SeededResults.Status.FAIL));
 * }</pre>
 */
public final class Seeder {

	private static final Duration SHORTEST = Duration.ofMillis(1);

	private final Supplier<SeedingApi> api;

	Seeder(Supplier<SeedingApi> api) {
		this.api = api;
	}

	/**
	 * Creates a project.
	 * @param name a name no other project of the emulator has
	 * @return the project id
	 * @throws IllegalArgumentException when a project of that name exists
	 */
	public String project(String name) {
		return this.api.get().project(requireText(name, "name"), "Seeded by a test");
	}

	/**
	 * Registers a remote dataset (the Titanic features, label {@code Survived}) whose validation has
	 * succeeded.
	 * @param projectId an existing project
	 * @return the dataset id
	 * @throws IllegalArgumentException when there is no such project
	 */
	public String dataset(String projectId) {
		return this.api.get().dataset(requireText(projectId, "projectId"), SeedingApi.REMOTE_DATA, "Survived");
	}

	/**
	 * Registers a local CSV dataset whose validation has succeeded: its header gives the features of
	 * the stress tests that use it.
	 * @param projectId an existing project
	 * @param csv a CSV file with a header
	 * @param labelColumn a column of the header
	 * @return the dataset id
	 * @throws IllegalArgumentException when there is no such project, or the file or column does
	 * not exist
	 */
	public String dataset(String projectId, Path csv, String labelColumn) {
		if (csv == null || !Files.isRegularFile(csv)) {
			throw new IllegalArgumentException("Seeded dataset csv must be an existing file, but was " + csv);
		}
		return this.api.get().dataset(requireText(projectId, "projectId"), csv.toAbsolutePath().toString(),
				requireText(labelColumn, "labelColumn"));
	}

	/**
	 * Registers a remote model whose validation has succeeded.
	 * @param projectId an existing project
	 * @return the model id
	 * @throws IllegalArgumentException when there is no such project
	 */
	public String model(String projectId) {
		return this.api.get().model(requireText(projectId, "projectId"), SeedingApi.REMOTE_MODEL);
	}

	/**
	 * Registers a dataset and a model and returns a RIME v1 {@code testRunConfig} that uses them,
	 * ready for {@code RimeClient.startStressTest(config, projectId)}.
	 * @param projectId an existing project
	 * @return a new modifiable config
	 */
	public Map<String, Object> testRunConfig(String projectId) {
		return config(dataset(projectId), model(projectId));
	}

	/**
	 * Registers a local CSV dataset and a model and returns a RIME v1 {@code testRunConfig} that
	 * uses them.
	 * @param projectId an existing project
	 * @param csv a CSV file with a header
	 * @param labelColumn a column of the header
	 * @return a new modifiable config
	 */
	public Map<String, Object> testRunConfig(String projectId, Path csv, String labelColumn) {
		return config(dataset(projectId, csv, labelColumn), model(projectId));
	}

	/**
	 * Adds a stress test job that is in the given state now; it moves on from there on the
	 * emulator's clock with its pending and running durations (at least a millisecond each).
	 * @param projectId an existing project
	 * @param state the state it is in now
	 * @return the job id
	 */
	public String stressTest(String projectId, JobState state) {
		if (state == null) {
			throw new IllegalArgumentException("Seeded job state must not be null; expected one of "
					+ java.util.Arrays.toString(JobState.values()));
		}
		SeedingApi api = this.api.get();
		Instant now = api.settings().now();
		Duration pending = atLeastShortest(api.settings().pendingDuration());
		Duration running = atLeastShortest(api.settings().runningDuration());
		String id = requireText(projectId, "projectId");
		return switch (state) {
			case PENDING -> api.stressTest(id, now, pending, running, null, null);
			case RUNNING -> api.stressTest(id, now.minus(pending), pending, running, null, null);
			case SUCCEEDED -> api.stressTest(id, now.minus(pending).minus(running), pending, running, null, null);
			case FAILED -> api.stressTest(id, now.minus(pending).minus(running), pending, running,
					"Seeded failure: the stress test failed", null);
			case CANCELLED -> api.stressTest(id, now.minus(pending), pending, running, null, now);
		};
	}

	/**
	 * Adds a stress test job that runs until the given time and then succeeds; a time that has
	 * passed gives a job that succeeded then.
	 * @param projectId an existing project
	 * @param finishAt when it succeeds, on the emulator's clock
	 * @return the job id
	 */
	public String stressTestFinishingAt(String projectId, Instant finishAt) {
		return finishingAt(projectId, finishAt, null);
	}

	private String finishingAt(String projectId, Instant finishAt, @Nullable SeededResults results) {
		if (finishAt == null) {
			throw new IllegalArgumentException("Seeded job finishAt must not be null");
		}
		SeedingApi api = this.api.get();
		Instant now = api.settings().now();
		Duration pending = atLeastShortest(api.settings().pendingDuration());
		Duration running = finishAt.isAfter(now) ? Duration.between(now, finishAt)
				: atLeastShortest(api.settings().runningDuration());
		Instant runningAt = finishAt.isAfter(now) ? now : finishAt.minus(running);
		return api.stressTest(requireText(projectId, "projectId"), runningAt.minus(pending), pending, running, null,
				null, (results != null) ? results.batches() : null);
	}

	/**
	 * Adds a stress test job that succeeded just now with the given results: a test run whose
	 * batches and test cases have the chosen statuses, read through the results endpoints.
	 * @param projectId an existing project
	 * @param results the results it ends with
	 * @return the job id
	 */
	public String stressTest(String projectId, SeededResults results) {
		requireResults(results);
		SeedingApi api = this.api.get();
		Instant now = api.settings().now();
		Duration pending = atLeastShortest(api.settings().pendingDuration());
		Duration running = atLeastShortest(api.settings().runningDuration());
		return api.stressTest(requireText(projectId, "projectId"), now.minus(pending).minus(running), pending, running,
				null, null, results.batches());
	}

	/**
	 * Adds a stress test job that runs until the given time and then succeeds with the given
	 * results; a time that has passed gives a job that succeeded then.
	 * @param projectId an existing project
	 * @param finishAt when it succeeds, on the emulator's clock
	 * @param results the results it ends with
	 * @return the job id
	 */
	public String stressTestFinishingAt(String projectId, Instant finishAt, SeededResults results) {
		requireResults(results);
		return finishingAt(projectId, finishAt, results);
	}

	private static Map<String, Object> config(String datasetId, String modelId) {
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("runName", "seeded-run");
		config.put("modelId", Map.of("uuid", modelId));
		config.put("dataInfo", Map.of("refDatasetId", datasetId, "evalDatasetId", datasetId));
		return config;
	}

	private static void requireResults(@Nullable SeededResults results) {
		if (results == null) {
			throw new IllegalArgumentException(
					"Seeded results must not be null; expected SeededResults.empty().batch(testType, statuses...)");
		}
	}

	private static Duration atLeastShortest(Duration duration) {
		return (duration.compareTo(SHORTEST) < 0) ? SHORTEST : duration;
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Seeded " + name + " must not be empty, but was '" + value + "'");
		}
		return value;
	}

	/**
	 * The states a seeded stress test job can start in.
	 */
	public enum JobState {

		/** Waiting to run. */
		PENDING,

		/** Running, with progress following the clock. */
		RUNNING,

		/** Succeeded just now; its results can be read. */
		SUCCEEDED,

		/** Failed just now. */
		FAILED,

		/** Cancelled just now. */
		CANCELLED

	}

}
