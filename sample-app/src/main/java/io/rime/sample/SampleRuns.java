package io.rime.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.rime.client.CustomImage;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.watch.RimeJobFinishedEvent;
import io.rime.watch.RimeJobStatusChangedEvent;

/**
 * Starts the Titanic stress tests of this application and handles their end: when the watcher
 * reports a job this application started as finished, a succeeded job's results are written to
 * {@code <rime.sample.results-dir>/<jobId>.csv} and summarised in the log. Jobs started by
 * anyone else are left alone.
 */
@Component
public class SampleRuns {

	private static final Log logger = LogFactory.getLog(SampleRuns.class);

	private static final int MAX_FAILING_TESTS_LOGGED = 20;

	private final RimeClient client;

	private final SampleProject project;

	private final TitanicData data;

	private final SampleProperties properties;

	private final SampleTasks tasks;

	private final Map<String, CompletableFuture<RunOutcome>> runs = new ConcurrentHashMap<>();

	private final Object startLock = new Object();

	SampleRuns(RimeClient client, SampleProject project, TitanicData data, SampleProperties properties,
			SampleTasks tasks) {
		this.client = client;
		this.project = project;
		this.data = data;
		this.properties = properties;
		this.tasks = tasks;
	}

	/**
	 * Start the Titanic stress test with the configured data.
	 * @param projectId the project, or {@code null} for the sample's project
	 * @param runName the run name
	 * @return the started run
	 * @throws IllegalArgumentException if the configuration is not valid
	 * @throws io.rime.client.RimeApiException if RIME refuses, with status 404 for an unknown
	 * project
	 */
	public StartedRun start(@Nullable String projectId, String runName) {
		String project = (projectId != null) ? projectId : this.project.get().projectId();
		TitanicData.Paths paths = this.data.paths();
		// The seed SDK's form: RIME registers the datasets and the model from these paths first.
		Map<String, Object> dataInfo = new LinkedHashMap<>();
		dataInfo.put("label_col", this.properties.getLabelCol());
		dataInfo.put("ref_path", paths.refPath());
		dataInfo.put("eval_path", paths.evalPath());
		Map<String, Object> config = Map.of("run_name", runName, "data_info", dataInfo, "model_info",
				Map.of("path", paths.modelPath()));

		// A custom image: use one when the model needs libraries that the cluster's default RIME
		// image lacks (a Python package, a native library). Build it FROM the RIME testing image,
		// push it to a registry the cluster can pull from, and name the Kubernetes pull secret that
		// already exists on the cluster (the secret's name, never the credential):
		//
		//   CustomImage image = new CustomImage("registry.example.com/rime-titanic:1.0",
		//           new CustomImage.PullSecret("rime-registry"));
		//   RimeStressTestJob job = client.startStressTest(config, projectId, image);
		//
		// Here the image comes from rime.sample.custom-image; without one, the default image is used.
		CustomImage image = customImage();
		RimeStressTestJob job;
		CompletableFuture<RunOutcome> outcome = new CompletableFuture<>();
		// Holding the lock until the job is registered here means a finished event for it cannot
		// be looked up before it is known; the lookup waits on the sample's thread, never the watcher's.
		synchronized (this.startLock) {
			job = (image != null) ? this.client.startStressTest(config, project, image)
					: this.client.startStressTest(config, project);
			this.runs.put(job.jobId(), outcome);
		}
		return new StartedRun(job, project, runName, outcome);
	}

	@EventListener
	void onStatusChanged(RimeJobStatusChangedEvent event) {
		// only logged, so no need to wait for a start in progress
		if (this.runs.containsKey(event.jobId())) {
			logger.info("Job " + event.jobId() + ": " + event.previousStatus() + " -> " + event.status());
		}
	}

	@EventListener
	void onJobFinished(RimeJobFinishedEvent event) {
		// Listeners run on the watcher's thread, which must not wait: neither for a start in progress
		// (it holds the lock while RIME validates the data, which may take minutes) nor for the
		// download. Both happen on the sample's own thread.
		this.tasks.execute(() -> {
			CompletableFuture<RunOutcome> outcome;
			synchronized (this.startLock) {
				outcome = this.runs.get(event.jobId());
			}
			if (outcome == null || outcome.isDone()) {
				return;
			}
			outcome.complete(handleFinished(event));
			this.runs.remove(event.jobId());
		});
	}

	private RunOutcome handleFinished(RimeJobFinishedEvent event) {
		String jobId = event.jobId();
		if (!event.succeeded()) {
			logger.error("Job " + jobId + " ended " + event.status() + ": " + event.reason());
			return new RunOutcome(jobId, event.status(), null, null, event.reason());
		}
		Path file = this.properties.getResultsDir().resolve(jobId + ".csv");
		try {
			Files.createDirectories(this.properties.getResultsDir());
			event.job().getResultCsv(file);
			ResultsSummary summary = ResultsSummary.of(event.testRun());
			logSummary(jobId, file, summary);
			return new RunOutcome(jobId, event.status(), file, summary, null);
		}
		catch (IOException | RuntimeException ex) {
			logger.error("Job " + jobId + " succeeded, but its results could not be read or written to " + file + ": "
					+ ex.getMessage(), ex);
			return new RunOutcome(jobId, event.status(), null, null, "results not written: " + ex.getMessage());
		}
	}

	private static void logSummary(String jobId, Path file, ResultsSummary summary) {
		logger.info("Job " + jobId + " SUCCEEDED: " + summary.testCases() + " test results written to " + file);
		logger.info("Job " + jobId + " results by status: " + summary.countsLine() + "; worst severity "
				+ summary.worstSeverity());
		if (!summary.dataFindings().isEmpty()) {
			logger.info("Job " + jobId + " data checks, the largest value of each:");
			summary.dataFindings().forEach((finding) -> logger.info("  " + finding.line()));
		}
		if (summary.failingTests().isEmpty()) {
			logger.info("Job " + jobId + ": no failing tests");
			return;
		}
		logger.info("Job " + jobId + " failing tests (" + summary.failures() + " test cases in "
				+ summary.failingTests().size() + " tests):");
		summary.failingTests()
			.entrySet()
			.stream()
			.limit(MAX_FAILING_TESTS_LOGGED)
			.forEach((test) -> logger.info("  FAIL " + test.getKey()
					+ (test.getValue().isEmpty() ? "" : " on " + String.join(", ", test.getValue()))));
		if (summary.failingTests().size() > MAX_FAILING_TESTS_LOGGED) {
			logger.info("  ... and " + (summary.failingTests().size() - MAX_FAILING_TESTS_LOGGED)
					+ " more failing tests, see " + file);
		}
	}

	private @Nullable CustomImage customImage() {
		String name = this.properties.getCustomImage();
		if (name == null || name.isBlank()) {
			return null;
		}
		String secret = this.properties.getCustomImagePullSecret();
		return new CustomImage(name, (secret != null && !secret.isBlank()) ? new CustomImage.PullSecret(secret) : null);
	}

	/**
	 * A stress test this application started.
	 *
	 * @param job the job
	 * @param projectId the project it runs in
	 * @param runName its run name
	 * @param outcome completes once the job has finished and its results were handled
	 */
	public record StartedRun(RimeStressTestJob job, String projectId, String runName,
			CompletableFuture<RunOutcome> outcome) {
	}

}
