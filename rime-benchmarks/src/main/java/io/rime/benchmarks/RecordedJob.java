package io.rime.benchmarks;

import java.util.List;

/**
 * The hand-written clients' view of a {@code GET /v1/jobs/{id}} body: every field the SDK reads,
 * mapped by Jackson as a user writing the call by hand would map it.
 *
 * @param job the job
 */
public record RecordedJob(Job job) {

	/**
	 * A job.
	 * @param jobId the id
	 * @param jobType the type
	 * @param status the status
	 * @param creationTime when it was created
	 * @param startTime when it started, or {@code null}
	 * @param runningTimeSecs how long it has run
	 * @param cancellationRequested whether someone asked to cancel it
	 * @param jobProgressStr the progress text
	 * @param errorMsg the error of a failed job, or {@code null}
	 * @param jobData the stress test data
	 */
	public record Job(String jobId, String jobType, String status, String creationTime, String startTime,
			double runningTimeSecs, boolean cancellationRequested, String jobProgressStr, String errorMsg,
			JobData jobData) {
	}

	/**
	 * The job data.
	 * @param stress the stress test part
	 */
	public record JobData(Stress stress) {
	}

	/**
	 * A stress test's data.
	 * @param projectId the project
	 * @param testRunId the test run
	 * @param progress the progress
	 */
	public record Stress(Id projectId, String testRunId, Progress progress) {
	}

	/**
	 * A wrapped id.
	 * @param uuid the id
	 */
	public record Id(String uuid) {
	}

	/**
	 * The progress of a run.
	 * @param testRun the run
	 */
	public record Progress(TestRun testRun) {
	}

	/**
	 * A test run's progress.
	 * @param testRunId the run id
	 * @param status the run's status
	 * @param testBatches the batches
	 */
	public record TestRun(String testRunId, String status, List<Batch> testBatches) {
	}

	/**
	 * A test batch's progress.
	 * @param type the test type
	 * @param status the batch's status
	 */
	public record Batch(String type, String status) {
	}

}
