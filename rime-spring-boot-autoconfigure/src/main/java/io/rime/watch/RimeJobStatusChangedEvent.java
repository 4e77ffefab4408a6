package io.rime.watch;

import java.io.Serial;

import org.springframework.context.ApplicationEvent;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;

/**
 * Published by the {@link RimeJobWatcher} for every status change it observes on a watched job,
 * in the order observed, for dashboards and audit. A job the watcher sees for the first time has
 * no previous status and gets no event; a job started through the context's {@code RimeClient}
 * starts as {@link JobStatus#PENDING}. A change to a final status is published before the
 * {@link RimeJobFinishedEvent}.
 */
public class RimeJobStatusChangedEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String projectId;

	private final JobStatus previousStatus;

	private final JobMetadata metadata;

	/**
	 * Create an event.
	 * @param source the watcher that publishes it
	 * @param projectId the job's project
	 * @param previousStatus the status observed before
	 * @param metadata the job's metadata with the new status; its {@code name} is the job id
	 */
	public RimeJobStatusChangedEvent(Object source, String projectId, JobStatus previousStatus,
			JobMetadata metadata) {
		super(source);
		this.projectId = projectId;
		this.previousStatus = previousStatus;
		this.metadata = metadata;
	}

	/**
	 * Return the job id.
	 * @return the id
	 */
	public String jobId() {
		return this.metadata.name();
	}

	/**
	 * Return the id of the project the job runs in.
	 * @return the project id
	 */
	public String projectId() {
		return this.projectId;
	}

	/**
	 * Return the status observed before this change.
	 * @return the previous status
	 */
	public JobStatus previousStatus() {
		return this.previousStatus;
	}

	/**
	 * Return the new status.
	 * @return the status
	 */
	public JobStatus status() {
		return this.metadata.status();
	}

	/**
	 * Return the job's metadata as observed with the new status.
	 * @return the metadata
	 */
	public JobMetadata metadata() {
		return this.metadata;
	}

	@Override
	public String toString() {
		return "RimeJobStatusChangedEvent[jobId=" + jobId() + ", projectId=" + this.projectId + ", "
				+ this.previousStatus + " -> " + status() + "]";
	}

}
