package io.rime.watch;

import java.io.Serial;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.function.SingletonSupplier;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.RimeStressTestJob;
import io.rime.client.results.RimeTestRun;

/**
 * Published by the {@link RimeJobWatcher} once per job and application context (with watchers
 * across replicas, once per cluster, in the leader's context) when a watched job has ended: {@link JobStatus#SUCCEEDED}, {@link JobStatus#FAILING}, {@link JobStatus#CANCELLED},
 * or {@link JobStatus#UNKNOWN_JOB_STATUS} when RIME no longer knows the job (it expired while
 * the watcher could not see how it ended; {@link #reason()} says so). Listeners run on the
 * watcher's thread, so long work belongs on an executor of the application's.
 */
public class RimeJobFinishedEvent extends ApplicationEvent {

	@Serial
	private static final long serialVersionUID = 1L;

	private final String projectId;

	private final JobMetadata metadata;

	private final String reason;

	private final transient Supplier<RimeStressTestJob> job;

	private final boolean redelivered;
	private final transient Supplier<RimeTestRun> testRun;

	/**
	 * Create an event.
	 * @param source the watcher that publishes it
	 * @param projectId the job's project
	 * @param metadata the job's final metadata; its {@code name} is the job id
	 * @param reason how the job ended, in a sentence
	 * @param job supplies the job handle; called at most once, when a listener asks for it
	 */
	public RimeJobFinishedEvent(Object source, String projectId, JobMetadata metadata, String reason,
			Supplier<RimeStressTestJob> job) {
		this(source, projectId, metadata, reason, job, false);
	}

	/**
	 * Create an event.
	 * @param source the watcher that publishes it
	 * @param projectId the job's project
	 * @param metadata the job's final metadata; its {@code name} is the job id
	 * @param reason how the job ended, in a sentence
	 * @param job supplies the job handle; called at most once, when a listener asks for it
	 * @param redelivered whether an earlier delivery of this event may have reached listeners
	 */
	public RimeJobFinishedEvent(Object source, String projectId, JobMetadata metadata, String reason,
			Supplier<RimeStressTestJob> job, boolean redelivered) {
		super(source);
		this.projectId = projectId;
		this.metadata = metadata;
		this.reason = reason;
		this.job = SingletonSupplier.of(job);
		this.redelivered = redelivered;
		this.testRun = SingletonSupplier.of(() -> {
			if (!succeeded()) {
				throw new IllegalStateException("Job " + jobId() + " ended " + status()
						+ "; only a job that SUCCEEDED has a test run");
			}
			return job().getTestRun();
		});
	}

	/**
	 * Return the job id.
	 * @return the id
	 */
	public String jobId() {
		return this.metadata.name();
	}

	/**
	 * Return the id of the project the job ran in.
	 * @return the project id
	 */
	public String projectId() {
		return this.projectId;
	}

	/**
	 * Return the job handle, for example to download the results. For a job started through the
	 * context's {@code RimeClient} it is the handle the start returned; for a job the watcher found
	 * by listing, the first call asks RIME for it (one call, on the caller's thread).
	 * @return the job
	 * @throws io.rime.client.RimeApiException with status 404 if the job has expired
	 */
	public RimeStressTestJob job() {
		return this.job.get();
	}

	/**
	 * Return the results of a succeeded job, typed, to gate on them: read from RIME at the first call (on
	 * the caller's thread, so prefer an executor of the application's to the watcher's thread), then
	 * reused; its test cases are read page by page whenever they are streamed.
	 * @return the test run
	 * @throws IllegalStateException if the job did not succeed
	 */
	public RimeTestRun testRun() {
		return this.testRun.get();
	}

	/**
	 * Return the job's final metadata as RIME reported it.
	 * @return the metadata
	 */
	public JobMetadata metadata() {
		return this.metadata;
	}

	/**
	 * Return how the job ended.
	 * @return the final status; {@link JobStatus#UNKNOWN_JOB_STATUS} when RIME no longer knows
	 * the job
	 */
	public JobStatus status() {
		return this.metadata.status();
	}

	/**
	 * Return whether the job ended with {@link JobStatus#SUCCEEDED}.
	 * @return whether it succeeded
	 */
	public boolean succeeded() {
		return this.metadata.status() == JobStatus.SUCCEEDED;
	}

	/**
	 * Return how the job ended, in a sentence, with RIME's error message for a failed job.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	/**
	 * Return RIME's error message of a failed job.
	 * @return the message, or {@code null}
	 */
	public @Nullable String errorMessage() {
		return this.metadata.errorMessage();
	}

	/**
	 * Return whether this event is announced again: with watchers across replicas
	 * ({@code rime.watcher.cluster.enabled=true}), a leader that died or was deposed while its
	 * listeners ran never confirmed the first delivery, so the next leader delivers it again. A
	 * listener should be idempotent on the job id.
	 * @return {@code true} for a redelivery
	 */
	public boolean redelivered() {
		return this.redelivered;
	}

	@Override
	public String toString() {
		return "RimeJobFinishedEvent[jobId=" + jobId() + ", projectId=" + this.projectId + ", status=" + status()
				+ ", reason=" + this.reason + (this.redelivered ? ", redelivered" : "") + "]";
	}

}
