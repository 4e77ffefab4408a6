package io.rime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged application as the README says, after {@code package}:
 * {@code java -jar sample-app/target/sample-app-*.jar --rime.sample.exit-when-done=true}, from
 * a fresh working folder, and checks its exit code, its log and the results file.
 */
class ExitWhenDoneIT {

	private static final Pattern WRITTEN = Pattern
		.compile("Job ([0-9a-f-]{36}) SUCCEEDED: 99 test results written to rime-results/\\1\\.csv");

	private Path workingFolder;

	@BeforeEach
	void workingFolder() {
		this.workingFolder = TemporaryFolders.create("sample-app-run-");
	}

	@AfterEach
	void deleteWorkingFolder() throws IOException {
		TemporaryFolders.delete(this.workingFolder);
	}

	@Test
	void theMainJobExitsZeroOnceItsStressTestSucceededAndItsResultsAreWritten() throws Exception {
		Run run = run("--rime.sample.exit-when-done=true");

		assertThat(run.exitCode()).as(run.output()).isZero();
		Matcher written = WRITTEN.matcher(run.output());
		assertThat(written.find()).as(run.output()).isTrue();
		Path csv = this.workingFolder.resolve("rime-results").resolve(written.group(1) + ".csv");
		assertThat(Files.readAllLines(csv, StandardCharsets.UTF_8)).hasSize(100);
		assertThat(run.output()).containsPattern("Job " + written.group(1) + ": \\d+ / 16 tests completed")
			.contains(" results by status: PASS ")
			.doesNotContain("Tomcat started");
	}

	@Test
	void theMainJobRunsToItsEndInAotModeOnTheJvm() throws Exception {
		// AOT fixes the application type at build time, where the sample is a web application.
		Run run = run(List.of("-Dspring.aot.enabled=true"), "--rime.sample.exit-when-done=true",
				"--spring.main.web-application-type=servlet", "--server.port=0");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(WRITTEN.matcher(run.output()).find()).as(run.output()).isTrue();
		assertThat(run.output()).contains("Starting AOT-processed SampleApplication");
	}

	@Test
	void theMainJobExitsNonZeroWhenItsStressTestFails() throws Exception {
		// the emulator fails any image whose name contains 'does-not-exist'
		Run run = run("--rime.sample.exit-when-done=true",
				"--rime.sample.custom-image=registry.example.com/does-not-exist:1.0");

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).containsPattern("Job [0-9a-f-]{36} ended FAILING: .*Failed to pull image");
		assertThat(this.workingFolder.resolve("rime-results")).doesNotExist();
	}

	private Run run(String... arguments) throws Exception {
		return run(List.of(), arguments);
	}

	private Run run(List<String> jvmOptions, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", executableJar().toString()));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile("sample-app-run-", ".log");
		Process process = new ProcessBuilder(command).directory(this.workingFolder.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the application exits by itself").isTrue();
			return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
		}
		finally {
			process.destroyForcibly();
			Files.deleteIfExists(log);
		}
	}

	private static Path executableJar() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			List<Path> jars = files.filter((file) -> file.getFileName().toString().matches("sample-app-.*\\.jar"))
				.toList();
			assertThat(jars).as("exactly one jar matches sample-app/target/sample-app-*.jar").hasSize(1);
			return jars.get(0).toAbsolutePath();
		}
	}

	private record Run(int exitCode, String output) {
	}

}
