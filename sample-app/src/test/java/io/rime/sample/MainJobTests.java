package io.rime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.rime.client.JobStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The main job, end to end on the embedded emulator: the application starts the Titanic stress
 * test by itself, logs its progress, and writes and summarises its results when it has finished.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = TestResults.PROPERTY)
@ExtendWith(OutputCaptureExtension.class)
class MainJobTests {

	@Autowired
	private MainJob mainJob;

	@Test
	void whenTheApplicationStartsThenTheTitanicStressTestRunsAndItsResultsAreWrittenAndSummarised(CapturedOutput output)
			throws IOException {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.mainJob.outcome().isDone());
		RunOutcome outcome = this.mainJob.outcome().join();
		assertThat(outcome.problem()).isNull();
		assertThat(outcome.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(outcome.exitCode()).isZero();
		String jobId = outcome.jobId();

		// the CSV: rime-results/<jobId>.csv, one row per test case: the emulator's data checks computed from
		// the Titanic split, and 11 features x 5 model batches and one overall model batch, each skipped
		Path csv = TestResults.FOLDER.resolve(jobId + ".csv");
		assertThat(outcome.resultsFile()).isEqualTo(csv);
		List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
		assertThat(lines.get(0))
			.isEqualTo("test_name,feature(s),status,test_type,severity,importance_score,test_category");
		List<String[]> rows = lines.subList(1, lines.size()).stream().map((line) -> line.split(",", -1)).toList();
		assertThat(rows).hasSize(99).allSatisfy((row) -> assertThat(row).hasSize(7));
		Set<String> features = new LinkedHashSet<>();
		rows.forEach((row) -> features.add(row[1]));
		// the label has its own drift test; duplicate rows and nulls per row are about whole rows
		assertThat(features).containsExactlyInAnyOrder("PassengerId", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch",
				"Ticket", "Fare", "Cabin", "Embarked", "Survived", "");
		assertThat(lines).contains("Numeric Feature Drift,Fare,TEST_CASE_STATUS_PASS,numeric_feature_drift,"
				+ "SEVERITY_PASS,0.0,TEST_CATEGORY_TYPE_DRIFT");

		// the summary agrees with the file
		Map<String, Integer> counts = new LinkedHashMap<>();
		Arrays.asList("PASS", "WARNING", "FAIL", "SKIP").forEach((status) -> counts.put(status, 0));
		Map<String, Set<String>> failing = new LinkedHashMap<>();
		for (String[] row : rows) {
			String status = row[2].substring("TEST_CASE_STATUS_".length());
			counts.merge(status, 1, Integer::sum);
			if (status.equals("FAIL")) {
				failing.computeIfAbsent(row[0], (name) -> new LinkedHashSet<>()).add(row[1]);
			}
		}
		String log = output.getAll();
		// the README's "What you will see", line by line
		assertThat(log).contains("RIME: 'rime.address' is not set, so the client uses the embedded emulator at"
				+ " http://127.0.0.1:");
		assertThat(log).containsPattern("Created RIME project 'titanic-sample' \\([0-9a-f-]{36}\\)");
		assertThat(log).contains("Using the bundled Titanic data (200 reference rows, 100 evaluation rows) and"
				+ " stand-in model, copied to ");
		assertThat(log).contains("Started stress test 'titanic' as job " + jobId + " in project 'titanic-sample'");
		assertThat(log).containsPattern(Pattern.compile("Job " + jobId + ": \\d+ / 16 tests completed"));
		assertThat(log).contains("Job " + jobId + ": PENDING -> RUNNING", "Job " + jobId + ": RUNNING -> SUCCEEDED");
		assertThat(log).contains("Job " + jobId + " SUCCEEDED: 99 test results written to " + csv);
		assertThat(log).contains("Job " + jobId + " results by status: PASS " + counts.get("PASS") + ", WARNING "
				+ counts.get("WARNING") + ", FAIL " + counts.get("FAIL") + ", SKIP " + counts.get("SKIP"));
		// what the emulator computed from the Titanic split, with its values
		assertThat(log).contains("Job " + jobId + " data checks, the largest value of each:",
				"  PASS Numeric Feature Drift on Fare: psi 0.175 (warning from 0.2, fail from 0.6)",
				"  PASS Categorical Feature Drift on Pclass: psi 0.0493 (warning from 0.2, fail from 0.6)",
				"  PASS Nulls Per Feature Drift on Cabin: null_rate_change 0.04 (warning from 0.01, fail from 0.05)",
				"  PASS Duplicate Row: rate 0 (warning from 0.01, fail from 0.05)");
		if (failing.isEmpty()) {
			assertThat(log).contains("Job " + jobId + ": no failing tests");
		}
		else {
			assertThat(log).contains("Job " + jobId + " failing tests (" + counts.get("FAIL") + " test cases in "
					+ failing.size() + " tests):");
		}
		failing.forEach((test, on) -> assertThat(log).contains("  FAIL " + test + " on " + String.join(", ", on)));
	}

}
