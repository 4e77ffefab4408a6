package io.rime.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResultCsvTests {

	private static final Duration POLL = Duration.ofMillis(40);

	private final RimeEmulator emulator = TestRime.emulatorBuilder().testCasesPerRun(2500).build().start();

	private final RimeClient client = TestRime.client(this.emulator);

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void withoutAPinTheNewestFormatIsWritten() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file);
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0))
			.isEqualTo("test_name,feature(s),status,test_type,severity,importance_score,test_category");
		assertThat(lines).hasSize(2501);
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> assertThat(line)
			.matches("[^,]+,(\"[^\"]*\"|[^,]*),TEST_CASE_STATUS_(PASS|WARNING|FAIL|SKIP),[a-z_]+,SEVERITY_[A-Z]+,"
					+ "[0-9.E-]+,TEST_CATEGORY_TYPE_[A-Z_]+"));
	}

	@Test
	void theRowsAreSeparatedByCrLfAsRfc4180Says() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file, "0.12.0");
		assertThat(Files.readString(file)).startsWith("test_name,feature(s),status\r\n").endsWith("\r\n");
	}

	@Test
	void pinningVersion0_12_0WritesThreeColumns() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file, "0.12.0");
		List<String> lines = Files.readAllLines(file);
		assertThat(lines.get(0)).isEqualTo("test_name,feature(s),status");
		assertThat(lines).hasSize(2501);
		assertThat(lines.subList(1, lines.size()))
			.allSatisfy((line) -> assertThat(line).matches("[^,]+,(\"[^\"]*\"|[^,]*),TEST_CASE_STATUS_[A-Z]+"));
	}

	@Test
	void aPinBetweenTwoFormatsSelectsTheOlderOne() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file, "0.13.2");
		assertThat(Files.readAllLines(file).get(0)).isEqualTo("test_name,feature(s),status");
	}

	@Test
	void testNamesAreTheDisplayNamesOfTheBatchResults() throws IOException {
		Path file = this.directory.resolve("results.csv");
		RimeStressTestJob job = succeededJob();
		job.getResultCsv(file, "1.0.0");
		// what RIME calls each test type, read from RIME itself
		String testRunId = TestRime.get(this.emulator, "/v1/jobs/" + job.jobId() + "/test-run-id").path("testRunId")
			.asString();
		Map<String, String> displayNames = new HashMap<>();
		TestRime.get(this.emulator, "/v1/batch-results?pageSize=100&testRunId=" + testRunId)
			.path("testBatches")
			.forEach((batch) -> displayNames.put(batch.path("testType").asString(), batch.path("testName").asString()));
		List<String> lines = Files.readAllLines(file);
		assertThat(displayNames).hasSize(10);
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> {
			String[] cells = line.split(",");
			String testType = cells[cells.length - 4];
			assertThat(displayNames).containsKey(testType);
			assertThat(cells[0]).isEqualTo(displayNames.get(testType)).isNotEqualTo(testType);
		});
	}

	@Test
	void theFileIsOverwritten() throws IOException {
		Path file = this.directory.resolve("results.csv");
		Files.writeString(file, "old content that is longer than a header line would be, so no remains show\n"
				.repeat(100));
		succeededJob().getResultCsv(file, "0.12.0");
		assertThat(Files.readAllLines(file)).hasSize(2501).doesNotContain("old content");
	}

	@Test
	void whenTheDownloadFailsMidStreamTheOldFileIsUntouchedAndNoTemporaryFileRemains() throws IOException {
		Path file = this.directory.resolve("results.csv");
		Files.writeString(file, "previous results\n");
		RimeStressTestJob job = succeededJob();
		this.emulator.faults().add(Fault.on("GET", "/v1/test-cases").cutBody());
		assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(() -> job.getResultCsv(file));
		assertThat(Files.readString(file)).isEqualTo("previous results\n");
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void resultsOfAJobThatHasNotSucceededAreRefusedWithTheSeedsMessage() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		Path file = this.directory.resolve("results.csv");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> job.getResultCsv(file))
			.withMessageMatching("Job has status (PENDING|RUNNING); it must have status SUCCEEDED to get results");
		assertThat(file).doesNotExist();
	}

	@Test
	void testCasesAreReadPageByPage() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file);
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/test-cases")).hasSize(3);
		assertThat(Files.readString(file, StandardCharsets.UTF_8).lines()).hasSize(2501);
	}

	@Test
	void aResultFileHasThePermissionsOfAnyFileTheProcessCreates() throws IOException {
		Path reference = Files.createFile(this.directory.resolve("reference.txt"));
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file);
		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(reference));
	}

	@Test
	void aRimeVersionAsThePinGivesTheFormatThatExistedAtThatVersion() throws IOException {
		Path file = this.directory.resolve("results.csv");
		succeededJob().getResultCsv(file, "2.10.16");
		assertThat(Files.readAllLines(file).get(0))
			.isEqualTo("test_name,feature(s),status,test_type,severity,importance_score,test_category");
	}

	private RimeStressTestJob succeededJob() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		assertThat(job.waitUntilFinish(POLL, Duration.ofSeconds(10)).status()).isEqualTo(JobStatus.SUCCEEDED);
		return job;
	}

}
