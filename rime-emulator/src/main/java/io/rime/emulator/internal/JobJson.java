package io.rime.emulator.internal;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a job as REST v1 {@code JobMetadata}.
 */
final class JobJson {

	private final ArchivedLogs archivedLogs;

	JobJson(ArchivedLogs archivedLogs) {
		this.archivedLogs = archivedLogs;
	}

	ObjectNode write(Job job, Job.State state, boolean fullView) {
		ObjectNode json = Json.object();
		json.put("jobId", job.id());
		Job.StressRun run = job.stressRun();
		if (run != null) {
			json.put("jobType", "JOB_TYPE_MODEL_STRESS_TEST");
		}
		json.put("status", state.status());
		json.put("creationTime", Json.timestamp(job.created()));
		if (state.startTime() != null) {
			json.put("startTime", Json.timestamp(state.startTime()));
		}
		if (state.completionTime() != null) {
			json.put("completionTime", Json.timestamp(state.completionTime()));
		}
		json.put("runningTimeSecs", state.runningTime().toMillis() / 1000.0);
		json.put("cancellationRequested", job.cancellationRequested());
		if (run != null) {
			writeStressData(json.putObject("jobData").putObject("stress"), job, run, state, fullView);
			if (fullView) {
				json.put("jobProgressStr", state.completedBatches() + "/" + job.batchCount() + " test batches complete");
			}
		}
		if ("JOB_STATUS_FAILED".equals(state.status())) {
			json.put("errorMsg", job.failure());
			if (run != null) {
				Instant expires = state.completionTime().plus(ArchivedLogs.LINK_LIFETIME);
				ObjectNode logs = json.putObject("archivedJobLogs");
				logs.putObject("url").put("url", this.archivedLogs.signedUrl(job.id(), expires));
				logs.put("expirationTime", Json.timestamp(expires));
			}
		}
		return json;
	}

	private void writeStressData(ObjectNode stress, Job job, Job.StressRun run, Job.State state, boolean fullView) {
		stress.set("projectId", Json.id(job.projectId()));
		stress.put("testRunId", run.testRunId());
		if (!fullView) {
			return;
		}
		if (run.customImage() != null) {
			stress.set("customImage", run.customImage());
		}
		ObjectNode testRun = stress.putObject("progress").putObject("testRun");
		testRun.put("testRunId", run.testRunId());
		testRun.put("status", taskStatus(state.status()));
		ArrayNode batches = testRun.putArray("testBatches");
		List<String> types = job.batchTypes();
		for (int i = 0; i < types.size(); i++) {
			String batchStatus;
			if (i < state.completedBatches()) {
				batchStatus = "TEST_TASK_STATUS_COMPLETED";
			}
			else if (i == state.completedBatches() && state.status().equals("JOB_STATUS_RUNNING")) {
				batchStatus = "TEST_TASK_STATUS_RUNNING";
			}
			else {
				batchStatus = state.terminal() ? taskStatus(state.status()) : "TEST_TASK_STATUS_PENDING";
			}
			batches.addObject().put("type", types.get(i)).put("status", batchStatus);
		}
	}

	private static String taskStatus(String jobStatus) {
		return switch (jobStatus) {
			case "JOB_STATUS_RUNNING" -> "TEST_TASK_STATUS_RUNNING";
			case "JOB_STATUS_SUCCEEDED" -> "TEST_TASK_STATUS_COMPLETED";
			case "JOB_STATUS_FAILED" -> "TEST_TASK_STATUS_FAILED";
			case "JOB_STATUS_CANCELLED" -> "TEST_TASK_STATUS_CANCELLED";
			default -> "TEST_TASK_STATUS_PENDING";
		};
	}

}
