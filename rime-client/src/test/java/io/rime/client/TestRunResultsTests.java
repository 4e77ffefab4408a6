package io.rime.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.client.results.RimeTestRun;
import io.rime.client.results.Severity;
import io.rime.client.results.SummaryCounts;
import io.rime.client.results.TestBatch;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestCaseStatus;
import io.rime.client.results.TestMetric;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Typed results: a deploy gate reads what failed, how badly and by how much, without a CSV.
 */
class TestRunResultsTests {

	private static final Duration POLL = Duration.ofMillis(50);

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aSucceededJobsTestRunSaysWhatWasTestedAndCountsItsCases() {
		RimeStressTestJob job = succeededJob();

		RimeTestRun run = job.getTestRun();

		assertThat(run.testRunId()).isNotEmpty();
		assertThat(run.name()).isEqualTo("Titanic");
		assertThat(run.projectId()).isEqualTo(this.emulator.defaultProjectId());
		assertThat(run.modelId()).isNotEmpty();
		assertThat(run.referenceDatasetId()).isNotEmpty();
		assertThat(run.evaluationDatasetId()).isNotEmpty();
		assertThat(run.status()).isEqualTo("COMPLETED");
		assertThat(run.rimeVersion()).isEqualTo("2.10.16");
		assertThat(run.testBatches()).hasSize(10);
		SummaryCounts counts = run.summaryCounts();
		assertThat(counts.total()).isEqualTo(counts.pass() + counts.warning() + counts.fail() + counts.skip())
			.isEqualTo(run.testBatches().stream().mapToLong((batch) -> batch.summaryCounts().total()).sum());
		assertThat(run.severityCounts().none() + run.severityCounts().low() + run.severityCounts().high()).isEqualTo(10);
		assertThat(run.duration()).isPositive();
	}

	@Test
	void testBatchesCarryTheirDisplayNameCategorySeverityCountsAndFailingFeatures() {
		RimeTestRun run = succeededJob().getTestRun();

		TestBatch duplicates = run.testBatches().stream().filter((b) -> b.testType().equals("duplicate_rows")).findFirst()
			.orElseThrow();
		assertThat(duplicates.testName()).isEqualTo("Duplicate Row");
		assertThat(duplicates.category()).isEqualTo(TestCategory.DATA_CLEANLINESS);
		for (TestBatch batch : run.testBatches()) {
			Set<String> notPassing;
			try (Stream<TestCase> cases = run.testCases(List.of(batch.testType()), List.of())) {
				notPassing = cases.filter((c) -> c.status() == TestCaseStatus.FAIL || c.status() == TestCaseStatus.WARNING)
					.flatMap((c) -> c.features().stream())
					.collect(Collectors.toSet());
			}
			assertThat(batch.failingFeatures()).containsExactlyInAnyOrderElementsOf(notPassing);
			assertThat(batch.severity()).isEqualTo((batch.summaryCounts().fail() > 0) ? Severity.ALERT
					: (batch.summaryCounts().warning() > 0) ? Severity.WARNING : Severity.PASS);
		}
	}

	@Test
	void everyTestCaseStreamsWithItsMetricsAndADriftCaseHasItsPsiAndThreshold() {
		RimeTestRun run = succeededJob().getTestRun();

		List<TestCase> cases;
		try (Stream<TestCase> stream = run.testCases()) {
			cases = stream.toList();
		}

		assertThat(cases).hasSize((int) run.summaryCounts().total());
		assertThat(cases).allSatisfy((testCase) -> {
			assertThat(testCase.metrics()).isNotEmpty();
			assertThat(testCase.testName()).isNotEmpty();
		});
		TestCase drift = cases.stream().filter((c) -> c.testType().equals("numeric_feature_drift"))
			.filter((c) -> c.status() != TestCaseStatus.SKIP).findFirst().orElseThrow();
		TestMetric psi = drift.metric("psi").orElseThrow();
		assertThat(psi.key()).isEqualTo("DRIFT_STAT:psi");
		assertThat(psi.threshold()).isEqualTo(new TestMetric.Threshold(0.2, 0.6, "TYPE_UPPER_BOUND"));
		assertThat(psi.value()).isEqualTo(psi.floatValue());
		assertThat(drift.category()).isEqualTo(TestCategory.DRIFT);
		assertThat(drift.testName()).isEqualTo("Numeric Feature Drift");
		TestCase outliers = cases.stream().filter((c) -> c.testType().equals("numeric_outliers")).findFirst().orElseThrow();
		assertThat(outliers.metric("count").orElseThrow().intValue()).isNotNull();
	}

	@Test
	void testCasesAreFilteredByTestTypeAndFeatureOnTheServer() {
		RimeTestRun run = succeededJob().getTestRun();

		List<TestCase> cases;
		try (Stream<TestCase> stream = run.testCases(List.of("numeric_feature_drift", "unseen_categorical"),
				List.of("Age"))) {
			cases = stream.toList();
		}

		assertThat(cases).isNotEmpty().allSatisfy((testCase) -> {
			assertThat(testCase.testType()).isIn("numeric_feature_drift", "unseen_categorical");
			assertThat(testCase.features()).containsExactly("Age");
		});
		assertThat(TestRime.requestsTo(this.emulator, "GET", "/v1/test-cases").get(0).target())
			.contains("listTestCasesQuery.testTypes=numeric_feature_drift")
			.contains("listTestCasesQuery.urlSafeFeatureIds=QWdl");
	}

	@Test
	void theGatingHelpersAnswerWhatFailedAndHowBadly() {
		RimeTestRun run = succeededJob().getTestRun();

		List<TestCase> failures;
		try (Stream<TestCase> stream = run.failures()) {
			failures = stream.toList();
		}

		assertThat(run.hasFailures()).isEqualTo(run.summaryCounts().fail() > 0).isTrue();
		assertThat(failures).hasSize((int) run.summaryCounts().fail()).allMatch(TestCase::failed);
		assertThat(run.failingBatches()).allMatch(TestBatch::hasFailures)
			.extracting(TestBatch::testType)
			.containsExactlyInAnyOrderElementsOf(failures.stream().map(TestCase::testType).distinct().toList());
		assertThat(run.worstSeverity()).isEqualTo(Severity.ALERT);
	}

	@Test
	void aStreamReadsOnePageAtATimeAndNoMoreOnceClosed() {
		try (RimeEmulator many = TestRime.emulatorBuilder().testCasesPerRun(3500).build().start();
				RimeClient manyClient = TestRime.client(many)) {
			RimeStressTestJob job = manyClient.startStressTest(generatedResultsConfig());
			job.waitUntilFinish(POLL, Duration.ofSeconds(10));
			RimeTestRun run = job.getTestRun();

			try (Stream<TestCase> stream = run.testCases()) {
				assertThat(stream.limit(1500).count()).isEqualTo(1500);
			}

			assertThat(TestRime.requestsTo(many, "GET", "/v1/test-cases")).hasSize(2);
		}
	}

	@Test
	void theResultsOfAJobThatHasNotSucceededAreRefused() {
		RimeStressTestJob job = this.client.startStressTest(generatedResultsConfig());

		assertThatIllegalStateException().isThrownBy(job::getTestRun)
			.withMessageMatching("Job has status (PENDING|RUNNING); it must have status SUCCEEDED to get results");
	}

	@Test
	void aTestRunCanBeBuiltForTestingAGateWithoutRime() {
		TestCase failing = new TestCase("numeric_feature_drift", "Numeric Feature Drift", "c-1", List.of("Age"),
				TestCaseStatus.FAIL, Severity.ALERT, 0.0, TestCategory.DRIFT, List.of());
		TestBatch batch = new TestBatch("numeric_feature_drift", "Numeric Feature Drift", "", TestCategory.DRIFT,
				Severity.ALERT, new SummaryCounts(1, 0, 0, 1, 0), List.of("Age"), Duration.ofMillis(5));
		RimeTestRun run = new RimeTestRun("tr", "n", "p", "m", null, "e", "COMPLETED", "2.10.16",
				new SummaryCounts(1, 0, 0, 1, 0), new io.rime.client.results.SeverityCounts(0, 0, 1), Duration.ZERO,
				List.of(batch), (types, features) -> Stream.of(failing));

		assertThat(run.hasFailures()).isTrue();
		assertThat(run.failures()).containsExactly(failing);
		assertThat(run.worstSeverity()).isEqualTo(Severity.ALERT);
	}

	// Remote data: the emulator generates results of its ten test types instead of computing data checks.
	private static Map<String, Object> generatedResultsConfig() {
		return Map.of("run_name", "Titanic",
				"data_info", Map.of("label_col", "Survived", "ref_path", "s3://rime-datasets/titanic/titanic_example.csv",
						"eval_path", "s3://rime-datasets/titanic/titanic_example.csv"),
				"model_info", Map.of("path", "s3://rime-models/titanic_s3_test/titanic_example_model.py"));
	}

	private RimeStressTestJob succeededJob() {
		RimeStressTestJob job = this.client.startStressTest(generatedResultsConfig());
		assertThat(job.waitUntilFinish(POLL, Duration.ofSeconds(10)).status()).isEqualTo(JobStatus.SUCCEEDED);
		return job;
	}

}
