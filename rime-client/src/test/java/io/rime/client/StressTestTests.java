package io.rime.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StressTestTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void theSeedsTitanicExampleRunsToSuccess() {
		RimeProject project = this.client.createProject("foo", "bar");
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig(), project.projectId());
		JobMetadata finished = job.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10));
		assertThat(finished.status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(finished.name()).isEqualTo(job.jobId());
		assertThat(finished.type()).isEqualTo(JobType.MODEL_STRESS_TEST);
		assertThat(finished.completedTestBatches()).isEqualTo(finished.totalTestBatches()).isPositive();
		assertThat(this.client.listStressTestJobs(null, project.projectId())).containsExactly(job);
	}

	@Test
	void oneClientStartsAndReadsJobsFromManyThreadsAtOnce() throws Exception {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<RimeStressTestJob>> starts = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				starts.add(threads.submit(() -> {
					RimeStressTestJob job = this.client.startStressTest(config);
					assertThat(job.getStatus().name()).isEqualTo(job.jobId());
					return job;
				}));
			}
			Set<RimeStressTestJob> started = new HashSet<>();
			for (Future<RimeStressTestJob> start : starts) {
				started.add(start.get(30, TimeUnit.SECONDS));
			}
			assertThat(started).hasSize(40);
			assertThat(this.client.listStressTestJobs(null, this.emulator.defaultProjectId()))
				.containsExactlyInAnyOrderElementsOf(started);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void theSeedFormRegistersTheDatasetsAndTheModelBeforeStarting() {
		this.client.startStressTest(TestRime.titanicConfig());
		List<String> posts = this.emulator.requests().stream().filter((r) -> r.method().equals("POST"))
			.map((r) -> r.path().replace(this.emulator.defaultProjectId(), "{project}")).toList();
		assertThat(posts).containsExactly("/v1/registry/{project}/dataset", "/v1/registry/{project}/dataset",
				"/v1/registry/{project}/model", "/v1/stress-tests/{project}");
	}

	@Test
	void whenNoProjectIsGivenTheDefaultProjectIsUsed() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		assertThat(this.client.listStressTestJobs(null, this.emulator.defaultProjectId())).containsExactly(job);
	}

	@Test
	void whenNoProjectIsGivenAndNoDefaultIsConfiguredTheErrorSaysHowToSetOne() {
		try (RimeClient noDefault = TestRime.clientBuilder(this.emulator).defaultProjectId(null).build()) {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> noDefault.startStressTest(TestRime.titanicConfig()))
				.withMessageContaining("defaultProjectId(");
		}
		assertThat(this.emulator.requests()).isEmpty();
	}

	@Test
	void theRimeV1FormIsPassedThrough() {
		Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		int before = this.emulator.requests().size();
		RimeStressTestJob job = this.client.startStressTest(config);
		assertThat(this.emulator.requests().subList(before, this.emulator.requests().size()))
			.extracting((r) -> r.method() + " " + r.path())
			.containsExactly("POST /v1/stress-tests/" + this.emulator.defaultProjectId());
		assertThat(job.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10)).status())
			.isEqualTo(JobStatus.SUCCEEDED);
	}

	@Test
	void aCustomImageReachesTheServerWithItsPullSecret() {
		CustomImage image = new CustomImage("company/does-not-exist:latest", new CustomImage.PullSecret("my_secret"));
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig(), null, image);
		JobMetadata finished = job.waitUntilFinish(Duration.ofMillis(50), Duration.ofSeconds(10));
		assertThat(finished.status()).isEqualTo(JobStatus.FAILING);
		assertThat(finished.errorMessage()).contains("company/does-not-exist:latest");
		JsonNode recorded = TestRime.get(this.emulator, "/v1/jobs/" + job.jobId() + "?view=JOB_VIEW_FULL")
			.path("job").path("jobData").path("stress").path("customImage").path("customImage");
		assertThat(recorded.path("name").asString()).isEqualTo("company/does-not-exist:latest");
		assertThat(recorded.path("pullSecret").path("name").asString()).isEqualTo("my_secret");
	}

	@Test
	void whenADatasetFailsValidationNoStressTestIsStartedAndTheErrorSaysWhy() {
		Map<String, Object> config = TestRime.titanicConfig();
		String data = TestRime.resource("titanic_example.csv").toString();
		config.put("data_info", Map.of("label_col", "NoSuchColumn", "eval_path", data));
		assertThatExceptionOfType(RimeException.class).isThrownBy(() -> this.client.startStressTest(config))
			.withMessageContaining("dataset '" + data + "'")
			.withMessageContaining("NoSuchColumn")
			.withMessageContaining("no stress test was started");
		assertThat(TestRime.requestsTo(this.emulator, "POST", "/v1/stress-tests")).isEmpty();
	}

	@Test
	void theWaitForValidationIsBoundedAndNoStressTestIsStartedAfterIt() {
		try (RimeEmulator slow = TestRime.emulatorBuilder().validationDuration(Duration.ofMinutes(5)).build().start();
				RimeClient impatient = TestRime.clientBuilder(slow).validationTimeout(Duration.ofMillis(200)).build()) {
			long start = System.nanoTime();
			assertThatExceptionOfType(RimeException.class).isThrownBy(() -> impatient.startStressTest(TestRime.titanicConfig()))
				.withMessageStartingWith("RIME did not validate the dataset '")
				.withMessageEndingWith(" within PT0.2S; no stress test was started");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
			assertThat(TestRime.requestsTo(slow, "POST", "/v1/stress-tests/")).isEmpty();
		}
	}

	@Test
	void whenTheServerRejectsAV1ConfigTheApiExceptionCarriesItsMessage() {
		Map<String, Object> config = Map.of("runName", "r", "modelId", Map.of("uuid", "no-such-model"), "dataInfo",
				Map.of("evalDatasetId", "no-such-dataset"));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.startStressTest(config))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(400);
				assertThat(ex.getGrpcCode()).isEqualTo(3);
				assertThat(ex.getServerMessage()).contains("no-such-model");
			});
	}

}
