package io.rime.client.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * REST v1 response bodies, as far as the SDK reads them. Every field may be absent (proto3 JSON
 * leaves out defaults) and unknown fields are ignored; enums stay strings so that values added
 * by newer servers never fail parsing.
 */
final class Wire {

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
			@Nullable Boolean hasMore) implements Page {
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
			@Nullable Boolean hasMore) implements Page {
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
			@Nullable Boolean hasMore) implements Page {
	}

	/** One test case. */
	public record TestCase(@Nullable String testBatchType, @Nullable List<String> features, @Nullable String status,
			@Nullable String severity, @Nullable Double importanceScore, @Nullable String testCategory) {
	}

	/** A page of ListTestCases. */
	public record ListTestCasesResponse(@Nullable List<TestCase> testCases, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) implements Page {
	}

	/** The response of GetRIMEInfo. */
	public record RimeInfoResponse(@Nullable String clusterInfoVersion, @Nullable String customerName,
			@Nullable String expirationTime, @Nullable String gracePeriodEndTime, @Nullable String riPlan,
			@Nullable String buildVersion) {
	}

	/**
	 * One page of a listing: whether more follow, and the token that asks for the next.
	 */
	public interface Page {

		/**
		 * Return the token of the next page.
		 * @return the token, or {@code null}
		 */
		@Nullable String nextPageToken();

		/**
		 * Return whether more pages follow.
		 * @return {@code true} if so, {@code null} if the server left the field out
		 */
		@Nullable Boolean hasMore();

	}

}
