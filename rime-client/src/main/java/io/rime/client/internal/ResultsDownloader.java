package io.rime.client.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;

/**
 * The seed's {@code get_result_csv}, on the same reader as the typed results: batch results name each
 * test type, test cases are streamed page by page into the CSV.
 */
final class ResultsDownloader {

	private static final String OPERATION = "get_result_csv";

	private final ResultsReader reader;

	private final Observations observations;

	/**
	 * Create the downloader.
	 * @param reader reads the results
	 * @param observations observes the operation
	 */
	ResultsDownloader(ResultsReader reader, Observations observations) {
		this.reader = reader;
		this.observations = observations;
	}

	/**
	 * Write a succeeded job's results.
	 * @param jobId the job id
	 * @param file the target file, replaced atomically
	 * @param format the CSV format
	 * @throws IllegalStateException if the job has not succeeded
	 */
	public void download(String jobId, Path file, CsvFormat format) {
		this.observations.observe(OPERATION, null, jobId, (context) -> {
			// The whole download, every page of batches and test cases, is one listing's time.
			long deadline = this.reader.deadline();
			String testRunId = this.reader.succeededTestRunId(OPERATION, jobId);
			Map<String, TestBatch> batches = this.reader.batches(OPERATION, testRunId, deadline);
			try (Stream<TestCase> testCases = this.reader.testCases(OPERATION, deadline, testRunId, batches, List.of(),
					List.of())) {
				ResultCsvWriter.write(file, format, testCases);
			}
			return file;
		});
	}

}
