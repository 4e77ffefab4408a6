package io.rime.client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Using the SDK without Spring" example, compiled and run against the emulator.
 */
class ReadmeExampleTest {

	@TempDir
	Path directory;

	@Test
	void theReadmeExampleRunsTheSeedsTitanicStressTestAndWritesItsResults() throws Exception {
		try (RimeEmulator emulator = TestRime.emulator()) {
			Path results = this.directory.resolve("results.csv");
			JobMetadata finished = readmeExample(emulator.baseUrl().toString(), emulator.apiKey(),
					Duration.ofMillis(50), results);
			assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
			assertThat(Files.readAllLines(results).get(0)).isEqualTo("test_name,feature(s),status");
		}
	}

	@Test
	void theReadmeShowsExactlyThisExample() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("## Using the SDK without Spring");
		int start = readme.indexOf("try (RimeClient rime", section);
		// up to the try block's closing brace: the test's copy returns its result there
		int end = readme.lastIndexOf('}', readme.indexOf("```", start));
		String source = Files.readString(Path.of("src/test/java/io/rime/client/ReadmeExampleTest.java"));

		assertThat(section).isPositive();
		assertThat(withoutWhitespace(source)).contains(withoutWhitespace(readme.substring(start, end)));
	}

	@Test
	void theReadmesSdkAndEmulatorExamplesImportEveryTypeTheyUse() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		for (String section : List.of("## Using the SDK without Spring", "## The emulator")) {
			int start = readme.indexOf("```java\n", readme.indexOf(section)) + "```java\n".length();
			String example = readme.substring(start, readme.indexOf("```", start));
			List<String> imports = example.lines()
				.filter((line) -> line.startsWith("import "))
				.map((line) -> line.substring("import ".length(), line.length() - 1))
				.toList();
			String code = example.lines()
				.filter((line) -> !line.startsWith("import "))
				.collect(Collectors.joining("\n"))
				.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
			Matcher type = Pattern.compile("\\b(?:new |\\()?([A-Z][A-Za-z]+)\\b(?=[ .(<])").matcher(code);
			List<String> imported = new ArrayList<>();
			for (String name : imports) {
				imported.add(Class.forName(name).getSimpleName());
			}
			while (type.find()) {
				String simpleName = type.group(1);
				if (!simpleName.equals("String") && !simpleName.equals("System") && !simpleName.equals("SUCCEEDED")) {
					assertThat(imported).as(section + " uses " + simpleName).contains(simpleName);
				}
			}
		}
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

	// README snippet starts here; address, key, poll rate and file are parameters only for the test.
	static JobMetadata readmeExample(String address, String apiKey, Duration pollRate, Path resultsFile) {
		try (RimeClient rime = RimeClient.builder()
			.address(address)
			.apiKey(apiKey)
			.build()) {
			RimeProject project = rime.createProject("titanic", "Survival model checks");
			Map<String, Object> config = Map.of(
					"run_name", "Titanic",
					"data_info", Map.of(
							"label_col", "Survived",
							"ref_path", "s3://rime-datasets/titanic/titanic_example.csv",
							"eval_path", "s3://rime-datasets/titanic/titanic_example.csv"),
					"model_info", Map.of("path", "s3://rime-models/titanic_s3_test/titanic_example_model.py"));
			RimeStressTestJob job = rime.startStressTest(config, project.projectId());
			JobMetadata finished = job.waitUntilFinish(pollRate, Duration.ofMinutes(30));
			if (finished.status() == JobStatus.SUCCEEDED) {
				job.getResultCsv(resultsFile, "0.12.0");
			}
			return finished;
		}
	}

}
