package io.rime.client.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rime.client.JobStatus;
import io.rime.client.RimeException;

/**
 * The seed's {@code get_result_csv}: batch results name each test type, test cases are streamed
 * page by page into the CSV.
 */
final class ResultsDownloader {

	private final RimeApi api;

	private final Observations observations;

	private final PagedReads pagedReads;

	/**
	 * Create the downloader.
	 * @param api the API
	 * @param observations observes the operation
	 * @param pagedReads walks the pages of batch results and test cases
	 */
	public ResultsDownloader(RimeApi api, Observations observations, PagedReads pagedReads) {
		this.api = api;
		this.observations = observations;
		this.pagedReads = pagedReads;
	}

	/**
	 * Write a succeeded job's results.
	 * @param jobId the job id
	 * @param file the target file, replaced atomically
	 * @param format the CSV format
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public void download(String jobId, Path file, CsvFormat format) {
		this.observations.observe("get_result_csv", null, jobId, (context) -> {
			// The whole download, every page of batches and test cases, is one listing's time.
			long deadline = this.pagedReads.deadline();
			Wire.Job job = this.api.getJob("get_result_csv", jobId, false);
			JobStatus status = WireMapper.status((job != null) ? job.status() : null);
			if (job == null || status != JobStatus.SUCCEEDED) {
				throw new IllegalStateException(
						"Job has status " + status + "; it must have status SUCCEEDED to get results");
			}
			String testRunId = testRunId(jobId, job);
			ResultCsvWriter.write(file, format, batches(testRunId, deadline), testCases(testRunId, deadline));
			return file;
		});
	}

	private String testRunId(String jobId, Wire.Job job) {
		Wire.StressTest stress = (job.jobData() != null) ? job.jobData().stress() : null;
		String testRunId = (stress != null) ? stress.testRunId() : null;
		if (testRunId == null || testRunId.isEmpty()) {
			testRunId = this.api.testRunId(jobId).testRunId();
		}
		if (testRunId == null || testRunId.isEmpty()) {
			throw new RimeException("RIME reports no test run for job '" + jobId + "'");
		}
		return testRunId;
	}

	private Map<String, Wire.BatchResult> batches(String testRunId, long deadline) {
		Map<String, Wire.BatchResult> batches = new HashMap<>();
		this.pagedReads.forEach("get_result_csv", deadline, (token) -> this.api.listBatchResults(testRunId, token), (page) -> {
			if (page.testBatches() != null) {
				page.testBatches().stream().filter((batch) -> batch != null && batch.testType() != null)
					.forEach((batch) -> batches.put(batch.testType(), batch));
			}
		});
		return batches;
	}

	// Pages come whole or not at all, so a page fetched again after a cut adds no row twice.
	private ResultCsvWriter.PageSource testCases(String testRunId, long deadline) {
		PagedReads.Cursor<Wire.ListTestCasesResponse> pages = this.pagedReads.open("get_result_csv", deadline,
				(token) -> this.api.listTestCases(testRunId, token));
		return () -> {
			for (Wire.ListTestCasesResponse page = pages.next(); page != null; page = pages.next()) {
				// A null element (a server bug) would otherwise surface as a NullPointerException.
				List<Wire.TestCase> cases = (page.testCases() != null)
						? page.testCases().stream().filter(Objects::nonNull).toList() : List.of();
				if (!cases.isEmpty()) {
					return cases;
				}
			}
			return List.of();
		};
	}

}
