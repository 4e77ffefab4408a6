package io.rime.watch;

import java.time.Instant;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;

/**
 * A job the {@link RimeJobWatcher} saw finish, as announced in its {@link RimeJobFinishedEvent}.
 *
 * @param jobId the job id
 * @param projectId the job's project
 * @param status the final status, {@link JobStatus#UNKNOWN_JOB_STATUS} when RIME no longer knew it
 * @param reason how the job ended, in a sentence
 * @param finishedAt when the watcher saw that it had ended
 * @param metadata the job's final metadata
 */
public record FinishedJob(String jobId, String projectId, JobStatus status, String reason, Instant finishedAt,
		JobMetadata metadata) {
}
