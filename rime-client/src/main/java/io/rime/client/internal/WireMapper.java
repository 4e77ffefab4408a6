package io.rime.client.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobMetadata;
import io.rime.client.JobStatus;
import io.rime.client.JobType;
import io.rime.client.ModelTask;
import io.rime.client.RimeInfo;
import io.rime.client.RimeProject;

/**
 * Maps wire types to the public values. Never throws on what a server sends: unknown enum
 * values become {@code UNKNOWN_*}; times that are unparseable or have no zone, and running times
 * that cannot be (negative, NaN, infinite), become unknown.
 */
final class WireMapper {

	private static final int[] POWERS_OF_TEN = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
			100_000_000, 1_000_000_000 };

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
				seconds(job.runningTimeSecs()), completed, batches.size(),
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
		return new RimeProject(id, orEmpty(project.name()), orEmpty(project.description()),
				ModelTask.fromWireName(project.modelTask()));
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
		Instant utc = utcInstant(text);
		if (utc != null) {
			return utc;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	// The form servers send, UTC with 'Z' and up to nine fraction digits, read without a
	// DateTimeFormatter, which costs a few microseconds per call; anything else returns null and goes
	// the slow, lenient way.
	private static @Nullable Instant utcInstant(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || length == 21 || text.charAt(4) != '-' || text.charAt(7) != '-'
				|| text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
				|| text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int fraction = (length > 20) ? digits(text, 20, length - 1) : 0;
		if (year < 0 || month < 1 || month > 12 || day < 1
				|| (day > 28 && day > YearMonth.of(year, month).lengthOfMonth()) || hour > 23 || minute > 59
				|| second > 59 || fraction < 0) {
			return null;
		}
		int nanos = fraction * POWERS_OF_TEN[9 - Math.max(0, length - 21)];
		return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
	}

	// The number in text[from, to), or -1 if a character is not an ASCII digit.
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	// A running time that cannot be (negative, NaN, infinite) is as unknown as a missing one.
	private static double seconds(@Nullable Double seconds) {
		return (seconds != null && Double.isFinite(seconds) && seconds >= 0) ? seconds : 0;
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
