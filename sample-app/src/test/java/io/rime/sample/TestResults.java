package io.rime.sample;

import java.nio.file.Path;

/**
 * Where the sample's tests let it write result CSVs: under {@code target}, so nothing lands in the
 * repository and {@code mvn clean} removes them. Files are named by job id, so tests share it.
 */
public final class TestResults {

	public static final String PROPERTY = "rime.sample.results-dir=target/test-rime-results";

	public static final Path FOLDER = Path.of("target", "test-rime-results");

	private TestResults() {
	}

}
