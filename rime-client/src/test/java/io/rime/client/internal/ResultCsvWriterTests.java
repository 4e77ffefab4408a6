package io.rime.client.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.client.RimeConnectionException;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResultCsvWriterTests {

	private static final Map<String, TestBatch> BATCHES = Map.of("unseen_categorical",
			ResultsMapper.batch(new Wire.BatchResult("unseen_categorical", "Unseen Categorical", null,
					"TEST_CATEGORY_TYPE_ABNORMAL_INPUTS", null, null, null, null)));

	@TempDir
	Path directory;

	@Test
	void theReferenceExampleIsWrittenInFormat0_12_0() throws IOException {
		Path file = this.directory.resolve("r.csv");
		ResultCsvWriter.write(file, CsvFormat.V0_12_0, cases(
				wire("unseen_categorical", List.of("country"), "TEST_CASE_STATUS_WARNING", "SEVERITY_WARNING", 0.12,
						"TEST_CATEGORY_TYPE_ABNORMAL_INPUTS"),
				wire("unseen_categorical", List.of("device"), null, "SEVERITY_PASS", null, null)));
		assertThat(Files.readString(file)).isEqualTo("test_name,feature(s),status\r\n"
				+ "Unseen Categorical,country,TEST_CASE_STATUS_WARNING\r\n"
				+ "Unseen Categorical,device,TEST_CASE_STATUS_PASS\r\n");
	}

	@Test
	void format1_0_0AddsTypeSeverityScoreAndCategory() throws IOException {
		Path file = this.directory.resolve("r.csv");
		ResultCsvWriter.write(file, CsvFormat.V1_0_0, cases(
				wire("unseen_categorical", List.of("country"), "TEST_CASE_STATUS_FAIL", "SEVERITY_ALERT", 0.12, null),
				wire("other_test", List.of(), null, null, null, null)));
		assertThat(Files.readAllLines(file)).containsExactly(
				"test_name,feature(s),status,test_type,severity,importance_score,test_category",
				"Unseen Categorical,country,TEST_CASE_STATUS_FAIL,unseen_categorical,SEVERITY_ALERT,0.12,"
						+ "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS",
				"other_test,,TEST_CASE_STATUS_PASS,other_test,SEVERITY_UNSPECIFIED,0.0,TEST_CATEGORY_TYPE_UNSPECIFIED");
	}

	@Test
	void severalFeaturesShareOneQuotedCell() throws IOException {
		Path file = this.directory.resolve("r.csv");
		ResultCsvWriter.write(file, CsvFormat.V0_12_0, cases(wire("subset", List.of("age", "say \"hi\"", "sex"),
				"TEST_CASE_STATUS_SKIP", null, null, null)));
		assertThat(Files.readAllLines(file).get(1)).isEqualTo("subset,\"age,say \"\"hi\"\",sex\",TEST_CASE_STATUS_SKIP");
	}

	@Test
	void aMillionRowsAreStreamedPageByPage() throws IOException {
		Path file = this.directory.resolve("r.csv");
		Iterator<Integer> pageNumbers = Stream.iterate(0, (i) -> i + 1).limit(1000).iterator();
		AtomicLong bytesOnDiskBeforeTheLastPage = new AtomicLong();
		ResultCsvWriter.write(file, CsvFormat.V0_12_0, Stream.generate(() -> {
			if (!pageNumbers.hasNext()) {
				return List.<TestCase>of();
			}
			int page = pageNumbers.next();
			if (page == 999) {
				// Rows already written reach the disk before the next page is fetched: memory holds
				// one page, not the whole CSV.
				bytesOnDiskBeforeTheLastPage.set(temporaryFileSize());
			}
			List<TestCase> cases = new ArrayList<>(1000);
			for (int i = 0; i < 1000; i++) {
				cases.add(ResultsMapper.testCase(wire("unseen_categorical", List.of("f" + page + "_" + i), null, null,
						null, null), BATCHES));
			}
			return cases;
		}).takeWhile((page) -> !page.isEmpty()).flatMap(List::stream));
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			assertThat(reader.lines().count()).isEqualTo(1_000_001);
		}
		assertThat(bytesOnDiskBeforeTheLastPage.get()).isGreaterThan(Files.size(file) * 9 / 10);
	}

	private long temporaryFileSize() {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((f) -> f.getFileName().toString().endsWith(".tmp")).mapToLong((f) -> f.toFile().length())
				.sum();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void whenAPageFailsTheOldFileStaysAndNoTemporaryFileRemains() throws IOException {
		Path file = this.directory.resolve("r.csv");
		Files.writeString(file, "old\n");
		Stream<TestCase> failing = Stream.of(0, 1).map((i) -> {
			if (i == 0) {
				return ResultsMapper.testCase(wire("t", List.of("f"), null, null, null, null), Map.of());
			}
			throw new RimeConnectionException("cut", null);
		});
		assertThatExceptionOfType(RimeConnectionException.class)
			.isThrownBy(() -> ResultCsvWriter.write(file, CsvFormat.V0_12_0, failing));
		assertThat(Files.readString(file)).isEqualTo("old\n");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void whenTheDirectoryCannotBeWrittenTheFailureNamesTheFile() {
		Path file = this.directory.resolve("missing").resolve("r.csv");
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> ResultCsvWriter.write(file, CsvFormat.V0_12_0, Stream.empty()))
			.withMessageContaining(file.toString());
	}

	private static Wire.TestCase wire(String testType, List<String> features, @Nullable String status,
			@Nullable String severity, @Nullable Double importanceScore, @Nullable String category) {
		return new Wire.TestCase(testType, null, features, status, severity, importanceScore, category, null);
	}

	private static Stream<TestCase> cases(Wire.TestCase... cases) {
		return Stream.of(cases).map((testCase) -> ResultsMapper.testCase(testCase, BATCHES));
	}

}
