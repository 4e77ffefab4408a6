package io.rime.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import io.rime.client.JobStatus;
import io.rime.client.RimeException;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;

/**
 * Reads a succeeded job's results: the test run, its batches, and its test cases as a stream that reads
 * one page when the previous one is used up. The typed results and the results CSV both read through it.
 */
final class ResultsReader {

	private final RimeApi api;

	private final Observations observations;

	private final PagedReads pagedReads;

	/**
	 * Create the reader.
	 * @param api the API
	 * @param observations observes each call
	 * @param pagedReads walks the pages of batch results and test cases
	 */
	ResultsReader(RimeApi api, Observations observations, PagedReads pagedReads) {
		this.api = api;
		this.observations = observations;
		this.pagedReads = pagedReads;
	}

	/**
	 * Read a succeeded job's test run.
	 * @param jobId the job id
	 * @return the test run, whose test cases are read when streamed
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public RimeTestRun testRun(String jobId) {
		return this.observations.observe("get_test_run", null, jobId, (context) -> {
			String testRunId = succeededTestRunId("get_test_run", jobId);
			Wire.TestRunResponse response = this.api.getTestRun("get_test_run", testRunId);
			Wire.TestRunDetail detail = (response.testRun() != null) ? response.testRun()
					: new Wire.TestRunDetail(null, null, null, null, null, null, null, null, null, null);
			Map<String, TestBatch> batches = batches("get_test_run", testRunId, this.pagedReads.deadline());
			Wire.TestRunMetrics metrics = detail.metrics();
			SummaryCounts counts = (metrics != null && metrics.summaryCounts() != null)
					? ResultsMapper.counts(metrics.summaryCounts())
					: batches.values().stream().map(TestBatch::summaryCounts).reduce(SummaryCounts.NONE, SummaryCounts::plus);
			String status = (detail.status() != null) ? detail.status().replace("TEST_TASK_STATUS_", "") : "COMPLETED";
			return new RimeTestRun(testRunId, orEmpty(detail.name()), uuid(detail.projectId()), uuid(detail.modelId()),
					emptyToNull(detail.refDataId()), emptyToNull(detail.evalDataId()), status,
					orEmpty(detail.rimeVersion()), counts,
					ResultsMapper.severityCounts((metrics != null) ? metrics.severityCounts() : null),
					Duration.ofMillis(ResultsMapper.int64((metrics != null) ? metrics.durationMillis() : null)),
					List.copyOf(batches.values()),
					// Each stream is a listing of its own, timed from when it is opened.
					(testTypes, features) -> testCases("list_test_cases", this.pagedReads.deadline(), testRunId, batches,
							testTypes, features));
		});
	}

	/**
	 * Return when a listing started now must end.
	 * @return the deadline, in {@link System#nanoTime()} terms
	 */
	long deadline() {
		return this.pagedReads.deadline();
	}

	/**
	 * Return the test run of a job that has succeeded.
	 * @param operation the SDK operation, for the calls
	 * @param jobId the job id
	 * @return the test run id
	 * @throws IllegalStateException if the job has not succeeded
	 */
	String succeededTestRunId(String operation, String jobId) {
		Wire.Job job = this.api.getJob(operation, jobId, false);
		JobStatus status = WireMapper.status((job != null) ? job.status() : null);
		if (job == null || status != JobStatus.SUCCEEDED) {
			throw new IllegalStateException("Job has status " + status + "; it must have status SUCCEEDED to get results");
		}
		Wire.StressTest stress = (job.jobData() != null) ? job.jobData().stress() : null;
		String testRunId = (stress != null) ? stress.testRunId() : null;
		if (testRunId == null || testRunId.isEmpty()) {
			testRunId = this.api.testRunId(operation, jobId).testRunId();
		}
		if (testRunId == null || testRunId.isEmpty()) {
			throw new RimeException("RIME reports no test run for job '" + jobId + "'");
		}
		return testRunId;
	}

	/**
	 * Read a test run's batches, all pages.
	 * @param operation the SDK operation, for the calls
	 * @param testRunId the test run
	 * @param deadline when the listing must end, from {@link PagedReads#deadline()}
	 * @return the batches by test type, in RIME's order
	 */
	Map<String, TestBatch> batches(String operation, String testRunId, long deadline) {
		Map<String, TestBatch> batches = new LinkedHashMap<>();
		this.pagedReads.forEach(operation, deadline, (token) -> this.api.listBatchResults(operation, testRunId, token), (page) -> {
			if (page.testBatches() != null) {
				page.testBatches().stream()
					.filter((batch) -> batch != null && batch.testType() != null)
					.forEach((batch) -> batches.put(batch.testType(), ResultsMapper.batch(batch)));
			}
		});
		return batches;
	}

	/**
	 * Stream a test run's test cases; each page is read when the stream reaches it, as one observed
	 * {@code list_test_cases} call unless the stream is part of another operation.
	 * @param operation the SDK operation: {@code list_test_cases}, or the operation reading the stream
	 * @param deadline when the listing must end, from {@link PagedReads#deadline()}
	 * @param testRunId the test run
	 * @param batches the batches, for display names and categories
	 * @param testTypes the test types to select, empty for all
	 * @param features the feature names to select, empty for all
	 * @return the test cases
	 */
	Stream<TestCase> testCases(String operation, long deadline, String testRunId, Map<String, TestBatch> batches,
			Collection<String> testTypes, Collection<String> features) {
		List<String> types = checked(testTypes, "testTypes");
		// RIME filters features by their URL-safe base64 id.
		List<String> featureIds = checked(features, "features").stream()
			.map((feature) -> Base64.getUrlEncoder().encodeToString(feature.getBytes(StandardCharsets.UTF_8)))
			.toList();
		Pages pages = new Pages(operation, deadline, testRunId, batches, types, featureIds);
		return StreamSupport.stream(pages, false).onClose(pages::close);
	}

	private static List<String> checked(@Nullable Collection<String> values, String name) {
		if (values == null) {
			throw new IllegalArgumentException(name + " is null; expected a collection, empty for all");
		}
		List<String> list = new ArrayList<>(values.size());
		int index = 0;
		for (String value : values) {
			list.add(Checks.text(value, name + "[" + index++ + "]"));
		}
		return list;
	}

	private static String uuid(Wire.@Nullable Id id) {
		return (id != null && id.uuid() != null) ? id.uuid() : "";
	}

	private static String orEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static @Nullable String emptyToNull(@Nullable String text) {
		return (text != null && !text.isEmpty()) ? text : null;
	}

	/**
	 * The test cases, one page in memory at a time: a page is read, through the listing's cursor, when the
	 * previous one is used up. Pages come whole or not at all, so a page fetched again adds no case twice.
	 */
	private final class Pages extends Spliterators.AbstractSpliterator<TestCase> {

		private final Map<String, TestBatch> batches;

		private final PagedReads.Cursor<Wire.ListTestCasesResponse> cursor;

		private Iterator<Wire.TestCase> page = Collections.emptyIterator();

		private boolean done;

		Pages(String operation, long deadline, String testRunId, Map<String, TestBatch> batches, List<String> testTypes,
				List<String> featureIds) {
			super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
			this.batches = batches;
			// Read on its own, a page is one observed list_test_cases call; inside get_result_csv, part of that.
			this.cursor = ResultsReader.this.pagedReads.open(operation, deadline, (token) -> operation.equals("list_test_cases")
					? ResultsReader.this.observations.observe(operation, null, null,
							(context) -> ResultsReader.this.api.listTestCases(operation, testRunId, testTypes, featureIds,
									token))
					: ResultsReader.this.api.listTestCases(operation, testRunId, testTypes, featureIds, token));
		}

		@Override
		public boolean tryAdvance(Consumer<? super TestCase> action) {
			while (!this.page.hasNext()) {
				if (this.done) {
					return false;
				}
				readPage();
			}
			action.accept(ResultsMapper.testCase(this.page.next(), this.batches));
			return true;
		}

		private void readPage() {
			Wire.ListTestCasesResponse response = this.cursor.next();
			if (response == null) {
				this.done = true;
				return;
			}
			// A null element (a server bug) would otherwise surface as a NullPointerException.
			this.page = (response.testCases() != null)
					? response.testCases().stream().filter(Objects::nonNull).iterator() : Collections.emptyIterator();
		}

		void close() {
			this.done = true;
			this.page = Collections.emptyIterator();
		}

	}

}
