package io.rime.client.results;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The results of a stress test: what was tested, the summary counts, the test batches, and the test cases
 * streamed page by page, with helpers to gate a deploy on the outcome. Summary and batches are read once;
 * every {@link #testCases()} call reads the cases from RIME again, one page at a time.
 */
public final class RimeTestRun {

	private final String testRunId;

	private final String name;

	private final String projectId;

	private final String modelId;

	private final @Nullable String referenceDatasetId;

	private final @Nullable String evaluationDatasetId;

	private final String status;

	private final String rimeVersion;

	private final SummaryCounts summaryCounts;

	private final SeverityCounts severityCounts;

	private final Duration duration;

	private final List<TestBatch> testBatches;

	private final TestCaseReader testCases;

	/**
	 * Create a test run; the SDK reads one with {@code RimeStressTestJob.getTestRun()}, and a test of code
	 * that gates on results can build one.
	 * @param testRunId the test run id
	 * @param name the run name
	 * @param projectId the project
	 * @param modelId the registered model tested
	 * @param referenceDatasetId the reference dataset, or {@code null}
	 * @param evaluationDatasetId the evaluation dataset, or {@code null} if RIME did not say
	 * @param status RIME's status of the test run, such as {@code COMPLETED}
	 * @param rimeVersion the RIME version that ran the tests, empty if unknown
	 * @param summaryCounts all test cases by status
	 * @param severityCounts the test batches by severity
	 * @param duration how long the test run took
	 * @param testBatches the results per test type
	 * @param testCases reads the test cases
	 */
	public RimeTestRun(String testRunId, String name, String projectId, String modelId,
			@Nullable String referenceDatasetId, @Nullable String evaluationDatasetId, String status,
			String rimeVersion, SummaryCounts summaryCounts, SeverityCounts severityCounts, Duration duration,
			List<TestBatch> testBatches, TestCaseReader testCases) {
		this.testRunId = testRunId;
		this.name = name;
		this.projectId = projectId;
		this.modelId = modelId;
		this.referenceDatasetId = referenceDatasetId;
		this.evaluationDatasetId = evaluationDatasetId;
		this.status = status;
		this.rimeVersion = rimeVersion;
		this.summaryCounts = summaryCounts;
		this.severityCounts = severityCounts;
		this.duration = duration;
		this.testBatches = List.copyOf(testBatches);
		this.testCases = testCases;
	}

	/**
	 * Return the test run id.
	 * @return the id
	 */
	public String testRunId() {
		return this.testRunId;
	}

	/**
	 * Return the run name the stress test was started with.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the project the test run is filed under.
	 * @return the project id
	 */
	public String projectId() {
		return this.projectId;
	}

	/**
	 * Return the registered model that was tested.
	 * @return the model id
	 */
	public String modelId() {
		return this.modelId;
	}

	/**
	 * Return the registered reference dataset.
	 * @return the dataset id, or {@code null}
	 */
	public @Nullable String referenceDatasetId() {
		return this.referenceDatasetId;
	}

	/**
	 * Return the registered evaluation dataset.
	 * @return the dataset id, or {@code null} if RIME did not say
	 */
	public @Nullable String evaluationDatasetId() {
		return this.evaluationDatasetId;
	}

	/**
	 * Return RIME's status of the test run.
	 * @return for example {@code COMPLETED}
	 */
	public String status() {
		return this.status;
	}

	/**
	 * Return the RIME version that ran the tests.
	 * @return the version, such as {@code 2.10.16}, or empty
	 */
	public String rimeVersion() {
		return this.rimeVersion;
	}

	/**
	 * Return all test cases by status.
	 * @return the counts
	 */
	public SummaryCounts summaryCounts() {
		return this.summaryCounts;
	}

	/**
	 * Return the test batches by severity.
	 * @return the counts
	 */
	public SeverityCounts severityCounts() {
		return this.severityCounts;
	}

	/**
	 * Return how long the test run took.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * Return the results per test type.
	 * @return the test batches, in RIME's order
	 */
	public List<TestBatch> testBatches() {
		return this.testBatches;
	}

	/**
	 * Stream all test cases, reading them page by page: one page is held at a time, so a million test
	 * cases take little memory. Close the stream (try-with-resources) when not reading it to the end.
	 * @return the test cases
	 */
	public Stream<TestCase> testCases() {
		return this.testCases.read(List.of(), List.of());
	}

	/**
	 * Stream the test cases of some test types and features, filtered by RIME, page by page.
	 * @param testTypes the test types, such as {@code numeric_feature_drift}; empty for all
	 * @param features the feature names; empty for all
	 * @return the test cases
	 */
	public Stream<TestCase> testCases(Collection<String> testTypes, Collection<String> features) {
		return this.testCases.read(List.copyOf(testTypes), List.copyOf(features));
	}

	/**
	 * Return whether any test case failed: the one question a deploy gate asks.
	 * @return whether the fail count is above zero
	 */
	public boolean hasFailures() {
		return this.summaryCounts.fail() > 0;
	}

	/**
	 * Return the test batches with at least one failed test case.
	 * @return the failing batches, in RIME's order
	 */
	public List<TestBatch> failingBatches() {
		return this.testBatches.stream().filter(TestBatch::hasFailures).toList();
	}

	/**
	 * Stream the failed test cases, with their metrics, reading only the test types that have failures.
	 * Close the stream when not reading it to the end.
	 * @return the failed test cases
	 */
	public Stream<TestCase> failures() {
		List<String> failingTypes = failingBatches().stream().map(TestBatch::testType).toList();
		if (failingTypes.isEmpty()) {
			return Stream.empty();
		}
		return this.testCases.read(failingTypes, List.of()).filter(TestCase::failed);
	}

	/**
	 * Return the most severe outcome of any test batch.
	 * @return the worst severity, {@link Severity#UNSPECIFIED} if there are no batches
	 */
	public Severity worstSeverity() {
		return this.testBatches.stream()
			.map(TestBatch::severity)
			.max(Comparator.naturalOrder())
			.orElse(Severity.UNSPECIFIED);
	}

	@Override
	public String toString() {
		return "RimeTestRun[testRunId=" + this.testRunId + ", name=" + this.name + ", status=" + this.status
				+ ", summaryCounts=" + this.summaryCounts + "]";
	}

}
