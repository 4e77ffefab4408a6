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
	public record Project(@Nullable Id id, @Nullable String name, @Nullable String description,
			@Nullable String modelTask) {
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

	/** One test batch's result. */
	public record BatchResult(@Nullable String testType, @Nullable String testName, @Nullable String description,
			@Nullable String testCategory, @Nullable String durationInMillis, @Nullable String severity,
			@Nullable SummaryCounts summaryCounts, @Nullable List<String> failingFeatures) {
	}

	/** Test case counts by status; int64 values, sent as strings. */
	public record SummaryCounts(@Nullable String total, @Nullable String pass, @Nullable String warning,
			@Nullable String fail, @Nullable String skip) {
	}

	/** Test batch counts by severity; int64 values, sent as strings. */
	public record SeverityCounts(@Nullable String numNoneSeverity, @Nullable String numLowSeverity,
			@Nullable String numHighSeverity) {
	}

	/** A test run's metrics. */
	public record TestRunMetrics(@Nullable String durationMillis, @Nullable SummaryCounts summaryCounts,
			@Nullable SeverityCounts severityCounts) {
	}

	/** A test run, as GetTestRun returns it. */
	public record TestRunDetail(@Nullable String testRunId, @Nullable String name, @Nullable Id projectId,
			@Nullable Id modelId, @Nullable String refDataId, @Nullable String evalDataId, @Nullable String status,
			@Nullable String rimeVersion, @Nullable String uploadTime, @Nullable TestRunMetrics metrics) {
	}

	/** The response of GetTestRun. */
	public record TestRunResponse(@Nullable TestRunDetail testRun) {
	}

	/** One metric of a test case. */
	public record TestMetric(@Nullable String metric, @Nullable String category, @Nullable String intValue,
			@Nullable Double floatValue, @Nullable String strValue, @Nullable Values intList,
			@Nullable Values floatList, @Nullable Values strList, @Nullable MonitorInfo testCaseMonitorInfo) {
	}

	/** A list value of a metric: strings for int64 and text, numbers for doubles. */
	public record Values(@Nullable List<Object> values) {
	}

	/** What a metric is monitored against. */
	public record MonitorInfo(@Nullable Threshold threshold) {
	}

	/** A metric's threshold. */
	public record Threshold(@Nullable Double low, @Nullable Double high, @Nullable String type) {
	}

	/** A registered dataset. */
	public record Dataset(@Nullable String datasetId, @Nullable String name, @Nullable List<Id> projectIds,
			@Nullable String creationTime, tools.jackson.databind.@Nullable JsonNode dataInfo,
			@Nullable String validityStatus, @Nullable String validityStatusMessage) {
	}

	/** The response of GetDataset. */
	public record DatasetResponse(@Nullable Dataset dataset) {
	}

	/** A page of ListDatasets. */
	public record ListDatasetsResponse(@Nullable List<Dataset> datasets, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) implements Page {
	}

	/** A registered model. */
	public record Model(@Nullable Id modelId, @Nullable String name, @Nullable List<Id> projectIds,
			@Nullable String creationTime, tools.jackson.databind.@Nullable JsonNode modelInfo,
			@Nullable String validityStatus, @Nullable String validityStatusMessage) {
	}

	/** A model with its owner, as read and listed. */
	public record ModelWithOwner(@Nullable Model model) {
	}

	/** The response of GetModel. */
	public record ModelResponse(@Nullable ModelWithOwner model) {
	}

	/** A page of ListModels. */
	public record ListModelsResponse(@Nullable List<ModelWithOwner> models, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) implements Page {
	}

	/** A page of ListBatchResults. */
	public record ListBatchResultsResponse(@Nullable List<BatchResult> testBatches, @Nullable String nextPageToken,
			@Nullable Boolean hasMore) implements Page {
	}

	/** One test case. */
	public record TestCase(@Nullable String testBatchType, @Nullable String testCaseId, @Nullable List<String> features,
			@Nullable String status, @Nullable String severity, @Nullable Double importanceScore,
			@Nullable String testCategory, @Nullable List<TestMetric> metrics) {
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
