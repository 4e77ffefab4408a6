package io.rime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Summaries of result CSVs.
 */
class ResultsSummaryTests {

	@TempDir
	Path folder;

	@Test
	void quotedFieldsWithCommasAndQuotesAreOneFeature() throws IOException {
		Path csv = write("test_name,feature(s),status\r\n"
				+ "Subset Accuracy,\"Age,Fare\",TEST_CASE_STATUS_FAIL\r\n"
				+ "\"Odd \"\"name\"\"\",Sex,TEST_CASE_STATUS_FAIL\r\n"
				+ "Subset Accuracy,Pclass,TEST_CASE_STATUS_PASS\r\n");

		ResultsSummary summary = ResultsSummary.read(csv);

		assertThat(summary.testCases()).isEqualTo(3);
		assertThat(summary.countsLine()).isEqualTo("PASS 1, WARNING 0, FAIL 2, SKIP 0");
		assertThat(summary.failingTests()).containsExactly(
				java.util.Map.entry("Subset Accuracy", Set.of("Age,Fare")),
				java.util.Map.entry("Odd \"name\"", Set.of("Sex")));
	}

	@Test
	void aStatusOutsideTheKnownFourIsCountedAfterThem() throws IOException {
		Path csv = write("test_name,feature(s),status\nA,x,TEST_CASE_STATUS_WARNING\nB,y,TEST_CASE_STATUS_NEW\n");

		assertThat(ResultsSummary.read(csv).countsLine()).isEqualTo("PASS 0, WARNING 1, FAIL 0, SKIP 0, NEW 1");
	}

	@Test
	void aFileWithoutTheStatusColumnIsRejectedNamingTheColumns() throws IOException {
		Path csv = write("test_name,feature(s)\nA,x\n");

		assertThatIOException().isThrownBy(() -> ResultsSummary.read(csv))
			.withMessageContaining("has no 'status' column; its columns are [test_name, feature(s)]");
	}

	private Path write(String content) throws IOException {
		return Files.writeString(this.folder.resolve("results.csv"), content, StandardCharsets.UTF_8);
	}

}
