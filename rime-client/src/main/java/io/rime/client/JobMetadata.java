package io.rime.client;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a job's state. The first five components are the seed SDK's status keys.
 *
 * @param name the job id
 * @param type the job type
 * @param status the job status
 * @param startTimeSecs when the job started running, in seconds since the epoch; 0 before it starts,
 * and when the server's time cannot be read or has no zone (so cannot name an instant)
 * @param runningTimeSecs seconds the job has run so far, or in total once finished; 0 when the
 * server reports none or one that cannot be (negative, NaN or infinite)
 * @param completedTestBatches test batches completed so far; 0 when the server reports no progress
 * @param totalTestBatches test batches in the run; 0 when the server reports no progress
 * @param errorMessage the server's error message for a failed job, or {@code null}
 * @param cancellationRequested whether someone asked to cancel the job
 */
public record JobMetadata(String name, JobType type, JobStatus status, long startTimeSecs, double runningTimeSecs,
		int completedTestBatches, int totalTestBatches, @Nullable String errorMessage, boolean cancellationRequested) {
}
