package io.rime.client.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;
import io.rime.client.RimeInfo;
import io.rime.client.RimeProject;

/**
 * Maps wire types to the public values. Never throws on what a server sends: unknown enum
 * values become {@code UNKNOWN_*}, unparseable times become absent.
 */
public final class WireMapper {

	private WireMapper() {
	}

	/**
	 * Map a wire job status.
	 * @param wire the wire value, for example {@code JOB_STATUS_REQUESTED}, or {@code null}
	 * @return the status
	 */
	public static JobStatus status(@Nullable String wire) {
		if (wire == null) {
			return JobStatus.UNKNOWN_JOB_STATUS;
		}
		return switch (wire) {
			case "JOB_STATUS_REQUESTED", "JOB_STATUS_PENDING" -> JobStatus.PENDING;
			case "JOB_STATUS_RUNNING" -> JobStatus.RUNNING;
			case "JOB_STATUS_FAILED" -> JobStatus.FAILING;
			case "JOB_STATUS_SUCCEEDED" -> JobStatus.SUCCEEDED;
			case "JOB_STATUS_CANCELLED" -> JobStatus.CANCELLED;
			default -> JobStatus.UNKNOWN_JOB_STATUS;
		};
	}

	/**
	 * The wire values a status filter asks the server for.
	 * @param status the status
	 * @return the wire values; empty for {@link JobStatus#UNKNOWN_JOB_STATUS}, which no server
	 * filter can express
	 */
	public static List<String> wireStatuses(JobStatus status) {
		return switch (status) {
			case PENDING -> List.of("JOB_STATUS_REQUESTED", "JOB_STATUS_PENDING");
			case RUNNING -> List.of("JOB_STATUS_RUNNING");
			case FAILING -> List.of("JOB_STATUS_FAILED");
			case SUCCEEDED -> List.of("JOB_STATUS_SUCCEEDED");
			case CANCELLED -> List.of("JOB_STATUS_CANCELLED");
			case UNKNOWN_JOB_STATUS -> List.of();
		};
	}

	/**
	 * Map a wire job.
	 * @param job the wire job
	 * @param jobId the id to use if the server left it out
	 * @return the metadata
	 */
	public static JobMetadata job(Wire.Job job, String jobId) {
		JobType type = "JOB_TYPE_MODEL_STRESS_TEST".equals(job.jobType()) ? JobType.MODEL_STRESS_TEST
				: JobType.UNKNOWN_JOB_TYPE;
		Instant started = instant(job.startTime());
		List<Wire.TestBatchProgress> batches = batches(job);
		int completed = (int) batches.stream()
			.filter((b) -> b != null && "TEST_TASK_STATUS_COMPLETED".equals(b.status()))
			.count();
		String error = job.errorMsg();
		return new JobMetadata((job.jobId() != null) ? job.jobId() : jobId, type, status(job.status()),
				(started != null) ? started.getEpochSecond() : 0,
				(job.runningTimeSecs() != null) ? job.runningTimeSecs() : 0, completed, batches.size(),
				(error != null && !error.isEmpty()) ? error : null, Boolean.TRUE.equals(job.cancellationRequested()));
	}

	/**
	 * Map a wire project.
	 * @param project the wire project, or {@code null}
	 * @param projectId the id to use if the server left it out
	 * @return the project
	 */
	public static RimeProject project(Wire.@Nullable Project project, String projectId) {
		if (project == null) {
			return new RimeProject(projectId, "", "");
		}
		String id = (project.id() != null && project.id().uuid() != null) ? project.id().uuid() : projectId;
		return new RimeProject(id, orEmpty(project.name()), orEmpty(project.description()));
	}

	/**
	 * Map the server's self-description.
	 * @param info the wire response
	 * @return the info
	 */
	public static RimeInfo info(Wire.RimeInfoResponse info) {
		return new RimeInfo(info.clusterInfoVersion(), info.buildVersion(), info.customerName(),
				(info.riPlan() != null) ? info.riPlan() : "RI_PLAN_UNSPECIFIED", instant(info.expirationTime()),
				instant(info.gracePeriodEndTime()));
	}

	/**
	 * Parse an RFC 3339 timestamp leniently.
	 * @param text the timestamp, or {@code null}
	 * @return the instant, or {@code null} if absent or unparseable
	 */
	public static @Nullable Instant instant(@Nullable String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static List<Wire.TestBatchProgress> batches(Wire.Job job) {
		Wire.JobData data = job.jobData();
		if (data == null || data.stress() == null || data.stress().progress() == null
				|| data.stress().progress().testRun() == null
				|| data.stress().progress().testRun().testBatches() == null) {
			return List.of();
		}
		return data.stress().progress().testRun().testBatches();
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

}
