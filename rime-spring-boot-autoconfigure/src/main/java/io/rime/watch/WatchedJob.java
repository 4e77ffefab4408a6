package io.rime.watch;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;

/**
 * A job the {@link RimeJobWatcher} watches, as last observed.
 *
 * @param jobId the job id
 * @param projectId the job's project
 * @param status the last observed status: {@link JobStatus#PENDING} or {@link JobStatus#RUNNING}
 * @param metadata what RIME last reported of the job, progress included; {@code null} for a job
 * started through the context's client that no poll has seen yet
 */
public record WatchedJob(String jobId, String projectId, JobStatus status, @Nullable JobMetadata metadata) {
}
