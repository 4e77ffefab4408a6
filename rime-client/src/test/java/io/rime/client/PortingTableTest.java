package io.rime.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.rime.client.registry.DataInfo;
import io.rime.client.registry.ModelInfo;
import io.rime.client.registry.RimeDataset;
import io.rime.client.registry.RimeModel;
import io.rime.client.results.RimeTestRun;
import io.rime.client.results.TestCase;
import io.rime.client.results.TestMetric;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "From the Python SDK" table: every Java cell is in {@link #portingTable} below, which runs
 * them in the table's order against the emulator, and so is the typed-results example.
 */
class PortingTableTest {

	private static final Path SOURCE = Path.of("src/test/java/io/rime/client/PortingTableTest.java");

	@Test
	void everyCallOfThePortingTableWorksAgainstTheEmulator() throws IOException {
		try (RimeEmulator emulator = TestRime.emulator();
				RimeClient rime = TestRime.client(emulator)) {
			Outcome outcome = portingTable(rime, TestRime.resource("titanic_example.csv").toString(),
					TestRime.resource("titanic_example_model.py").toString());

			assertThat(outcome.seedClientAddress()).isEqualTo("https://my_vpc.rime.com");
			assertThat(outcome.finished()).isEqualTo(JobStatus.SUCCEEDED);
			assertThat(outcome.testCases()).isPositive();
			assertThat(outcome.deleted()).containsExactly(true, true, true);
		}
		finally {
			Files.deleteIfExists(Path.of("results.csv"));
		}
	}

	@Test
	void theReadmeShowsOnlyCallsThatThisTestRuns() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("## From the Python SDK");
		int table = readme.indexOf("| Python | Java |", section);
		int tableEnd = readme.indexOf("\n\n", table);
		String source = withoutWhitespace(Files.readString(SOURCE));
		List<String> calls = new ArrayList<>();
		for (String row : readme.substring(table, tableEnd).split("\n")) {
			String[] cells = row.split("\\| ");
			if (cells.length < 3) {
				continue;
			}
			Matcher code = Pattern.compile("`([^`]+\\([^`]*)`").matcher(cells[2]);
			while (code.find()) {
				calls.add(code.group(1));
			}
		}
		int example = readme.indexOf("RimeTestRun run = job.getTestRun();");
		// up to the gate's verdict: the table's copy goes on with its own assertions there
		String gate = readme.substring(example, readme.indexOf("\n\t\treturn", example));

		assertThat(section).isPositive();
		assertThat(calls).hasSizeGreaterThan(25)
			.allSatisfy((call) -> assertThat(source).as(call).contains(withoutWhitespace(call)));
		assertThat(source).contains(withoutWhitespace(gate));
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

	// The table's Java cells, in its order; values the README leaves to the reader are parameters.
	static Outcome portingTable(RimeClient rime, String dataPath, String modelPath) throws IOException {
		String seedClientAddress;
		try (RimeClient seed = RimeClient.builder().address("my_vpc.rime.com").apiKey("api-key").build()) {
			seedClientAddress = seed.address().toString();
		}
		String projectId = rime.createProject("foo", "bar").projectId();
		RimeProject prices = rime.createProject("prices", "Price model", ModelTask.REGRESSION);
		Map<String, Object> seedConfig = Map.of("run_name", "Titanic",
				"data_info", Map.of("label_col", "Survived", "ref_path", dataPath, "eval_path", dataPath),
				"model_info", Map.of("path", modelPath));
		RimeStressTestJob job = rime.startStressTest(seedConfig, projectId);
		RimeStressTestJob onCustomImage = rime.startStressTest(seedConfig, projectId,
				new CustomImage("company/engine:latest", new CustomImage.PullSecret("my_secret_name")));
		List<RimeStressTestJob> jobs = rime.listStressTestJobs(List.of(JobStatus.fromName("RUNNING"),
				JobStatus.fromName("SUCCEEDED")), projectId);
		job.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10));
		JobMetadata status = job.getStatus(true, true);
		JobMetadata finished = job.waitUntilFinish(Duration.ofSeconds(5), Duration.ofMinutes(30));
		job.getResultCsv(Path.of("results.csv"), "0.12.0");
		RimeDataset dataset = rime.registerDataset(projectId, "titanic-ref", DataInfo.file(dataPath).withLabelCol("Survived"));
		RimeModel model = rime.registerModel(projectId, "titanic-model", ModelInfo.path(modelPath));
		List<Object> reads = List.of(rime.getDataset(dataset.datasetId()), rime.getDatasetByName("titanic-ref"),
				rime.listDatasets(projectId), rime.getModel(model.modelId()), rime.getModelByName("titanic-model"),
				rime.listModels(projectId));
		Map<String, Object> twoXConfig = Map.of("run_name", "nightly", "model_id", model.modelId(),
				"data_info", Map.of("ref_dataset_id", dataset.datasetId(), "eval_dataset_id", dataset.datasetId()));
		RimeStressTestJob twoX = rime.startStressTest(twoXConfig, projectId);
		RimeStressTestJob typed = rime.startStressTest(TestRunConfig.builder().runName("nightly").modelId(model.modelId())
			.referenceDatasetId(dataset.datasetId()).evaluationDatasetId(dataset.datasetId()).build(), projectId);
		// README snippet (typed results) starts here
		RimeTestRun run = job.getTestRun();
		if (run.hasFailures()) {
			try (Stream<TestCase> failures = run.failures()) {
				failures.forEach((failure) -> System.out.println(failure.testName() + " " + failure.features() + " "
						+ failure.metric("psi").map(TestMetric::number).orElse(null)));
			}
		}
		// README snippet ends here
		long testCases = run.summaryCounts().total();
		assertThat(run.testBatches()).isNotEmpty();
		try (Stream<TestCase> cases = run.testCases()) {
			assertThat(cases.count()).isEqualTo(testCases);
		}
		assertThat(run.worstSeverity()).isNotNull();
		for (RimeStressTestJob started : List.of(onCustomImage, twoX, typed)) {
			started.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10));
		}
		List<Boolean> deleted = List.of(rime.deleteDataset(dataset.datasetId()), rime.deleteModel(model.modelId()),
				rime.deleteProject(projectId));
		assertThat(prices.modelTask()).isEqualTo(ModelTask.REGRESSION);
		assertThat(jobs).isNotNull();
		assertThat(status.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(reads).hasSize(6);
		return new Outcome(seedClientAddress, finished.status(), testCases, deleted);
	}

	record Outcome(String seedClientAddress, JobStatus finished, long testCases, List<Boolean> deleted) {
	}

}
