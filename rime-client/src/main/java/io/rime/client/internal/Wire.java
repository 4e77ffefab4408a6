package io.rime.client.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.rime.client.RimeException;

/**
 * REST v1 response bodies, as far as the SDK reads them. Every field may be absent (proto3 JSON
 * leaves out defaults) and unknown fields are ignored; enums stay strings so that values added
 * by newer servers never fail parsing.
 */
public final class Wire {

	private Wire() {
	}

	/** An object id, {@code {"uuid": "…"}}. */
	public record Id(@Nullable String uuid) {
	}

	/** A project. */
	public record Project(@Nullable Id id, @Nullable String name, @Nullable String description) {
	}

	/** A project with owner details, as read and listed. */
	public record ProjectWithDetails(@Nullable Project project) {
	}

	/** The response of CreateProject. */
	public record CreateProjectResponse(@Nullable Project project) {
	}

	/** The response of GetProject. */
	public record GetProjectResponse(@Nullable ProjectWithDetails project) {
	}

	/** A page of ListProjects. */
	public record ListProjectsResponse(@Nullable List<ProjectWithDetails> projects, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) {
	}

	/** A job's metadata. */
	public record Job(@Nullable String jobId, @Nullable String jobType, @Nullable String status,
			@Nullable String startTime, @Nullable Double runningTimeSecs, @Nullable JobData jobData,
			@Nullable Boolean cancellationRequested, @Nullable ArchivedJobLogs archivedJobLogs,
			@Nullable String errorMsg) {
	}

	/** Type-specific job data. */
	public record JobData(@Nullable StressTest stress) {
	}

	/** Stress-test job data. */
	public record StressTest(@Nullable Id projectId, @Nullable String testRunId, @Nullable StressProgress progress) {
	}

	/** Stress-test progress (full view only). */
	public record StressProgress(@Nullable TestRunProgress testRun) {
	}

	/** Test-run progress. */
	public record TestRunProgress(@Nullable List<TestBatchProgress> testBatches) {
	}

	/** One test batch's progress. */
	public record TestBatchProgress(@Nullable String type, @Nullable String status) {
	}

	/** The link to a job's archived logs. */
	public record ArchivedJobLogs(@Nullable SafeUrl url) {
	}

	/** A URL wrapper. */
	public record SafeUrl(@Nullable String url) {
	}

	/** The response of GetJob and StartStressTest. */
	public record JobResponse(@Nullable Job job) {
	}

	/** A page of ListJobsForProject. */
	public record ListJobsResponse(@Nullable List<Job> jobs, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) {
	}

	/** The response of GetTestRunID. */
	public record TestRunIdResponse(@Nullable String testRunId) {
	}

	/** The response of RegisterDataset. */
	public record RegisterDatasetResponse(@Nullable String datasetId, @Nullable Id registryValidationJobId) {
	}

	/** The response of RegisterModel. */
	public record RegisterModelResponse(@Nullable Id modelId, @Nullable Id registryValidationJobId) {
	}

	/** One test batch's result: the display name of a test type. */
	public record BatchResult(@Nullable String testType, @Nullable String testName, @Nullable String testCategory) {
	}

	/** A page of ListBatchResults. */
	public record ListBatchResultsResponse(@Nullable List<BatchResult> testBatches, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) {
	}

	/** One test case. */
	public record TestCase(@Nullable String testBatchType, @Nullable List<String> features, @Nullable String status,
			@Nullable String severity, @Nullable Double importanceScore, @Nullable String testCategory) {
	}

	/** A page of ListTestCases. */
	public record ListTestCasesResponse(@Nullable List<TestCase> testCases, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) {
	}

	/** The response of GetRIMEInfo. */
	public record RimeInfoResponse(@Nullable String clusterInfoVersion, @Nullable String customerName,
			@Nullable String expirationTime, @Nullable String gracePeriodEndTime, @Nullable String riPlan,
			@Nullable String buildVersion) {
	}

	/**
	 * Whether a page says more follow; a missing flag, or a flag without a token, ends the walk.
	 * @param hasMore the page's {@code hasMore}
	 * @param nextPageToken the page's {@code nextPageToken}
	 * @return whether to fetch another page
	 */
	public static boolean hasMore(@Nullable Boolean hasMore, @Nullable String nextPageToken) {
		return Boolean.TRUE.equals(hasMore) && nextPageToken != null && !nextPageToken.isEmpty();
	}

	/**
	 * The token of the page after this one, or {@code null} at the end. A server that hands back
	 * the token it was given would otherwise keep a listing going forever.
	 * @param hasMore the page's {@code hasMore}
	 * @param nextPageToken the page's {@code nextPageToken}
	 * @param currentPageToken the token this page was asked for with, {@code null} for the first
	 * @param operation the SDK operation, for the message
	 * @return the next token, or {@code null}
	 * @throws RimeException if the server repeats the current token
	 */
	public static @Nullable String nextPageToken(@Nullable Boolean hasMore, @Nullable String nextPageToken,
			@Nullable String currentPageToken, String operation) {
		if (!hasMore(hasMore, nextPageToken)) {
			return null;
		}
		if (nextPageToken.equals(currentPageToken)) {
			throw new RimeException("RIME answered " + operation + " with the page token it was asked for ('"
					+ nextPageToken + "') and hasMore=true; stopped so that the listing does not loop forever");
		}
		return nextPageToken;
	}

}
