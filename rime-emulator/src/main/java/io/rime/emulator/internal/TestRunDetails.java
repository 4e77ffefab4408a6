package io.rime.emulator.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * GetTestRun ({@code GET /v1/test-runs/{testRunId}}): a test run's {@code TestRunDetail}, with its
 * summary and severity counts once its job succeeded.
 */
final class TestRunDetails {

	private static final String RIME_VERSION = "2.10.16";

	private final EmulatorSettings settings;

	private final Results results;

	// Counting a million generated cases takes a few milliseconds; once per run is enough.
	private final Map<String, long[]> counts = new ConcurrentHashMap<>();

	TestRunDetails(EmulatorSettings settings, Results results) {
		this.settings = settings;
		this.results = results;
	}

	ApiResponse get(ApiRequest request) {
		Found found = this.results.find(request.pathVariable("testRunId"));
		RunResults run = found.run();
		RunInfo info = found.info();
		Job.State state = found.job().at(this.settings.now());
		ObjectNode json = Json.object();
		json.put("testRunId", run.testRunId());
		json.put("name", info.name());
		json.set("projectId", Json.id(info.projectId()));
		json.put("testingType", "TEST_TYPE_STRESS_TESTING_UNSPECIFIED");
		json.put("modelTask", info.modelTask());
		if (info.refDatasetId() != null) {
			json.put("refDataId", info.refDatasetId());
		}
		json.put("evalDataId", info.evalDatasetId());
		json.set("modelId", Json.id(info.modelId()));
		json.put("uploadTime", Json.timestamp(info.created()));
		info.categories().forEach(json.putArray("testCategories")::add);
		json.put("status", taskStatus(state.status()));
		json.put("rimeVersion", RIME_VERSION);
		json.put("refDataSamplingPct", 1.0);
		json.put("evalDataSamplingPct", 1.0);
		if (state.status().equals("JOB_STATUS_SUCCEEDED")) {
			long[] statusCounts = this.counts.computeIfAbsent(run.testRunId(), (id) -> run.statusCounts());
			ObjectNode metrics = json.putObject("metrics");
			metrics.put("durationMillis", Long.toString(state.runningTime().toMillis()));
			metrics.put("numInputs", Long.toString(1000));
			ObjectNode summary = metrics.putObject("summaryCounts");
			summary.put("total", Long.toString(run.caseCount()));
			summary.put("pass", Long.toString(statusCounts[0]));
			summary.put("warning", Long.toString(statusCounts[1]));
			summary.put("fail", Long.toString(statusCounts[2]));
			summary.put("skip", Long.toString(statusCounts[3]));
			// RIME's severity counts are per test batch: none, low (warning) and high (alert).
			long high = 0;
			long low = 0;
			long none = 0;
			for (int i = 0; i < run.batchCount(); i++) {
				switch (run.batch(i).path("severity").asString()) {
					case "SEVERITY_ALERT" -> high++;
					case "SEVERITY_WARNING" -> low++;
					default -> none++;
				}
			}
			metrics.putObject("severityCounts")
				.put("numNoneSeverity", Long.toString(none))
				.put("numLowSeverity", Long.toString(low))
				.put("numHighSeverity", Long.toString(high));
		}
		return ApiResponse.ok(Json.object().set("testRun", json));
	}

	private static String taskStatus(String jobStatus) {
		return switch (jobStatus) {
			case "JOB_STATUS_SUCCEEDED" -> "TEST_TASK_STATUS_COMPLETED";
			case "JOB_STATUS_FAILED" -> "TEST_TASK_STATUS_FAILED";
			case "JOB_STATUS_CANCELLED" -> "TEST_TASK_STATUS_CANCELLED";
			case "JOB_STATUS_RUNNING" -> "TEST_TASK_STATUS_RUNNING";
			default -> "TEST_TASK_STATUS_PENDING";
		};
	}

	/**
	 * What a stress test was started with, as GetTestRun shows it.
	 *
	 * @param name the run name
	 * @param projectId the project
	 * @param modelId the registered model
	 * @param refDatasetId the reference dataset, if any
	 * @param evalDatasetId the evaluation dataset
	 * @param modelTask the project's model task
	 * @param categories the requested test categories
	 * @param created when the test was started
	 */
	record RunInfo(String name, String projectId, String modelId, @Nullable String refDatasetId, String evalDatasetId,
			String modelTask, List<String> categories, Instant created) {
	}

	/**
	 * A test run with its job.
	 *
	 * @param run its results
	 * @param info what it was started with
	 * @param job its job
	 */
	record Found(RunResults run, RunInfo info, Job job) {
	}

}
