package io.rime.sample;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobStatus;

/**
 * How a stress test started by this application ended, once its results were handled.
 *
 * @param jobId the job id, or {@code null} if the job could not be started
 * @param status the final status, or {@code null} if the job could not be started
 * @param resultsFile the result CSV written, or {@code null} if none was
 * @param summary what the results say, or {@code null} if none were written
 * @param problem what went wrong, or {@code null} if the job succeeded and its results were
 * written
 */
public record RunOutcome(@Nullable String jobId, @Nullable JobStatus status, @Nullable Path resultsFile,
		@Nullable ResultsSummary summary, @Nullable String problem) {

	/** Exit code of a job that succeeded and whose results were written. */
	public static final int SUCCESS = 0;

	/** Exit code of a job that failed, was cancelled or was lost. */
	public static final int JOB_FAILED = 1;

	/** Exit code when the job could not be started, its results not written, or it did not end in time. */
	public static final int NOT_COMPLETED = 2;

	/**
	 * Return whether the job succeeded and its results were written.
	 * @return whether all went well
	 */
	public boolean successful() {
		return this.problem == null;
	}

	/**
	 * Return the process exit code for this outcome when {@code rime.sample.exit-when-done} is set.
	 * @return {@link #SUCCESS}, {@link #JOB_FAILED} or {@link #NOT_COMPLETED}
	 */
	public int exitCode() {
		if (successful()) {
			return SUCCESS;
		}
		return (this.status != null && this.status != JobStatus.SUCCEEDED) ? JOB_FAILED : NOT_COMPLETED;
	}

}
