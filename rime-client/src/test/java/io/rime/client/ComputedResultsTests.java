package io.rime.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.client.results.RimeTestRun;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.client.results.TestMetric;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK reads the results that the emulator computes from local CSV files like any others: typed,
 * with their metrics, and as CSV.
 */
class ComputedResultsTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@TempDir
	Path directory;

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void theTypedResultsCarryTheComputedValuesWithTheirThresholds() throws IOException {
		RimeStressTestJob job = succeededJob();

		RimeTestRun run = job.getTestRun();
		TestCase drift;
		try (Stream<TestCase> cases = run.testCases(List.of("numeric_feature_drift"), List.of("x"))) {
			drift = cases.findFirst().orElseThrow();
		}

		assertThat(drift.status()).isEqualTo(TestCaseStatus.FAIL);
		TestMetric psi = drift.metric("psi").orElseThrow();
		assertThat(psi.key()).isEqualTo("DRIFT_STAT:psi");
		assertThat(psi.number()).isGreaterThan(0.6);
		assertThat(psi.threshold()).isEqualTo(new TestMetric.Threshold(0.2, 0.6, "TYPE_UPPER_BOUND"));
		assertThat(drift.metric("ks_p_value").orElseThrow().number()).isLessThan(0.05);
		assertThat(run.testBatches()).extracting(TestBatch::testType).startsWith("numeric_feature_drift",
				"categorical_feature_drift", "categorical_label_drift");
		TestBatch unseen = run.testBatches().stream().filter((batch) -> batch.testType().equals("unseen_categorical"))
			.findFirst().orElseThrow();
		assertThat(unseen.failingFeatures()).containsExactly("colour");
		assertThat(run.summaryCounts().total()).isEqualTo(23);
	}

	@Test
	void theResultCsvHoldsTheComputedStatusOfEachDataCheck() throws IOException {
		RimeStressTestJob job = succeededJob();
		Path file = this.directory.resolve("results.csv");
		job.getResultCsv(file);

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).contains(
				"Numeric Feature Drift,x,TEST_CASE_STATUS_FAIL,numeric_feature_drift,SEVERITY_ALERT,0.0,TEST_CATEGORY_TYPE_DRIFT",
				"Unseen Categorical,colour,TEST_CASE_STATUS_FAIL,unseen_categorical,SEVERITY_ALERT,0.0,"
						+ "TEST_CATEGORY_TYPE_ABNORMAL_INPUTS",
				"Label Drift (Categorical),label,TEST_CASE_STATUS_PASS,categorical_label_drift,SEVERITY_PASS,0.0,"
						+ "TEST_CATEGORY_TYPE_DRIFT",
				"Duplicate Row,,TEST_CASE_STATUS_FAIL,duplicate_rows,SEVERITY_ALERT,0.0,TEST_CATEGORY_TYPE_DATA_CLEANLINESS");
		assertThat(lines).anySatisfy((line) -> assertThat(line)
			.startsWith("Subset Accuracy,x,TEST_CASE_STATUS_SKIP,subset_accuracy,SEVERITY_UNSPECIFIED"));
	}

	/** Two CSVs whose x shifts by 40 and whose colour gets an unseen value in the evaluation. */
	private RimeStressTestJob succeededJob() throws IOException {
		StringBuilder ref = new StringBuilder("x,colour,label\n");
		StringBuilder eval = new StringBuilder("x,colour,label\n");
		for (int i = 0; i < 300; i++) {
			ref.append(i % 50).append(",").append((i % 2 == 0) ? "red" : "blue").append(",").append(i % 2).append('\n');
			eval.append(i % 50 + 40).append(",").append((i % 2 == 0) ? "red" : "pink").append(",").append(i % 2)
				.append('\n');
		}
		Path refFile = Files.writeString(this.directory.resolve("ref.csv"), ref);
		Path evalFile = Files.writeString(this.directory.resolve("eval.csv"), eval);
		Map<String, Object> config = new LinkedHashMap<>();
		config.put("run_name", "computed");
		config.put("data_info", Map.of("label_col", "label", "ref_path", refFile.toString(), "eval_path",
				evalFile.toString()));
		config.put("model_info", Map.of("path", TestRime.resource("titanic_example_model.py").toString()));

		RimeStressTestJob job = this.client.startStressTest(config);
		assertThat(job.waitUntilFinish(Duration.ofMillis(40), Duration.ofSeconds(30)).status())
			.isEqualTo(JobStatus.SUCCEEDED);
		return job;
	}

}
