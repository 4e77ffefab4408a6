package io.rime.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.rime.emulator.RecordedRequest;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each malformed argument fails with an {@link IllegalArgumentException} that names the value and
 * what was expected, before anything is sent.
 */
class BadInputTests {

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
	void aNullProjectNameIsRejected() {
		rejected(() -> this.client.createProject(null, "d"), "name is null; expected a non-blank text");
	}

	@Test
	void aBlankProjectNameIsRejected() {
		rejected(() -> this.client.createProject("  ", "d"), "name is '  '; expected a non-blank text");
	}

	@Test
	void aNullConfigIsRejected() {
		rejected(() -> this.client.startStressTest(null), "testRunConfig is null; expected the seed form");
	}

	@Test
	void anEmptyConfigIsRejected() {
		rejected(() -> this.client.startStressTest(Map.of()), "testRunConfig is empty; expected the seed form");
	}

	@Test
	void aSeedConfigWithoutRunNameIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.remove("run_name");
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.run_name is missing; expected a name for the test run");
	}

	@Test
	void aSeedConfigWithoutEvalPathIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("data_info", Map.of("label_col", "Survived", "ref_path", "s3://b/ref.csv"));
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.data_info.eval_path is missing; expected the path of the evaluation dataset");
	}

	@Test
	void aSeedConfigWithoutModelPathIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("model_info", Map.of());
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.model_info.path is missing; expected the path of the model");
	}

	@Test
	void aV1ConfigWithoutRunNameIsRejected() {
		rejected(() -> this.client.startStressTest(Map.of("modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e"))), "testRunConfig.runName is missing; expected a name for the test run");
	}

	@Test
	void aV1ConfigWithoutModelIdIsRejected() {
		rejected(() -> this.client.startStressTest(Map.of("runName", "r", "dataInfo", Map.of("evalDatasetId", "e"))),
				"testRunConfig.modelId is missing; expected an object");
	}

	@Test
	void aV1ConfigWithoutEvalDatasetIdIsRejected() {
		rejected(() -> this.client.startStressTest(Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("refDatasetId", "x"))),
				"testRunConfig.dataInfo.evalDatasetId is missing; expected the id of a registered evaluation dataset");
	}

	@Test
	void mixingTheTwoFormsIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("runName", "r");
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig mixes the seed form [run_name, data_info, model_info] with the RIME v1 form [runName]");
	}

	@Test
	void aValueOfTheWrongTypeIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("run_name", 42);
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.run_name is 42; expected a name for the test run");
	}

	@Test
	void aSectionOfTheWrongTypeIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("data_info", List.of("s3://b/eval.csv"));
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.data_info is [\"s3://b/eval.csv\"]; expected an object");
	}

	@Test
	void anUnknownSeedKeyIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("model_info", Map.of("path", "s3://b/model.py", "pth", "typo"));
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.model_info has the unknown key 'pth'; expected only [path]");
	}

	@Test
	void aValueThatIsNotJsonIsRejected() {
		Map<String, Object> config = TestRime.titanicConfig();
		config.put("run_name", Path.of("titanic"));
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.run_name is a sun.nio.fs.UnixPath (titanic); expected a JSON value");
	}

	@Test
	void aNumberThatIsNotJsonIsRejected() {
		Map<String, Object> config = new HashMap<>(Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e")));
		config.put("runTimeInfo", Map.of("weight", Double.NaN));
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.runTimeInfo.weight is NaN; JSON has no NaN or infinity");
	}

	@Test
	void aConfigThatContainsItselfIsRejected() {
		Map<String, Object> config = new HashMap<>(Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e")));
		List<Object> categories = new ArrayList<>();
		categories.add(categories);
		config.put("categories", categories);
		rejected(() -> this.client.startStressTest(config),
				"testRunConfig.categories[0] contains itself; expected a tree of JSON values");
	}

	@Test
	void aBlankProjectIdIsRejected() {
		rejected(() -> this.client.startStressTest(TestRime.titanicConfig(), " "),
				"projectId is ' '; expected a non-blank id");
		rejected(() -> this.client.getProject(""), "projectId is ''; expected a non-blank id");
		rejected(() -> this.client.listStressTestJobs(null, ""), "projectId is ''; expected a non-blank id");
	}

	@Test
	void aCustomImageWithABlankNameIsRejected() {
		rejected(() -> new CustomImage(" "), "CustomImage name is ' '; expected an image reference");
	}

	@Test
	void aPullSecretWithABlankNameIsRejected() {
		rejected(() -> new CustomImage.PullSecret(""), "PullSecret name is ''; expected the name of a pull secret");
	}

	@Test
	void aCustomImageGivenTwiceIsRejected() {
		Map<String, Object> config = Map.of("runName", "r", "modelId", Map.of("uuid", "m"), "dataInfo",
				Map.of("evalDatasetId", "e"), "runTimeInfo", Map.of("customImage", Map.of("managedImageName", "x")));
		rejected(() -> this.client.startStressTest(config, null, new CustomImage("a/b:1")),
				"testRunConfig.runTimeInfo.customImage is set and a customImage argument was given");
	}

	@Test
	void anUnknownStatusNameIsRejectedListingTheKnownOnes() {
		rejected(() -> JobStatus.fromName("DONE"), "Unknown job status name 'DONE'; expected one of "
				+ "UNKNOWN_JOB_STATUS, PENDING, RUNNING, FAILING, SUCCEEDED, CANCELLED");
	}

	@Test
	void aNullElementInTheStatusFilterIsRejected() {
		rejected(() -> this.client.listStressTestJobs(Arrays.asList(JobStatus.RUNNING, null), null),
				"statusFilters[1] is null; expected a JobStatus");
	}

	@Test
	void aZeroPollRateIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.whenFinished(Duration.ZERO), "pollRate is PT0S; expected more than zero");
	}

	@Test
	void aNegativePollRateIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.getStatus(false, true, Duration.ofSeconds(-1)),
				"pollRate is PT-1S; expected more than zero");
	}

	@Test
	void aPollRateOverAnHourIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.waitUntilFinish(Duration.ofMinutes(61), Duration.ofHours(2)),
				"pollRate is PT1H1M; expected more than zero and at most one hour");
	}

	@Test
	void aNegativeTimeoutIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.waitUntilFinish(Duration.ofSeconds(1), Duration.ofSeconds(-5)),
				"timeout is PT-5S; expected zero or a positive duration");
	}

	@Test
	void aNullResultPathIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.getResultCsv(null), "file is null; expected the path of the CSV file to write");
	}

	@Test
	void aDirectoryAsResultPathIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.getResultCsv(this.directory),
				"file '" + this.directory + "' is a directory; expected the path of a file");
	}

	@Test
	void aVersionThatIsNotSemverIsRejected() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.getResultCsv(this.directory.resolve("r.csv"), "1.0"),
				"Results CSV version '1.0' is not a semantic version; expected MAJOR.MINOR.PATCH, one of 0.12.0, 1.0.0");
	}

	@Test
	void anUnsupportedVersionIsRejectedListingTheSupportedOnes() {
		RimeStressTestJob job = startJob();
		rejected(() -> job.getResultCsv(this.directory.resolve("r.csv"), "0.11.9"),
				"Results CSV version '0.11.9' is older than every format this SDK writes; expected one of 0.12.0, 1.0.0");
	}

	@Test
	void aBlankJobIdIsRejected() {
		rejected(() -> this.client.getStressTestJob(" "), "jobId is ' '; expected a non-blank id");
		rejected(() -> this.client.getStressTestJob(null), "jobId is null; expected a non-blank id");
	}

	private RimeStressTestJob startJob() {
		return this.client.startStressTest(TestRime.titanicConfig());
	}

	private void rejected(ThrowingCallable call, String expectedMessageStart) {
		List<RecordedRequest> before = new ArrayList<>(this.emulator.requests());
		assertThatIllegalArgumentException().isThrownBy(call).withMessageStartingWith(expectedMessageStart);
		assertThat(this.emulator.requests()).isEqualTo(before);
	}

}
