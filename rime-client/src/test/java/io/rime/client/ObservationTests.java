package io.rime.client;

import java.nio.file.Path;
import java.time.Duration;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.client.RestClient;

import io.rime.emulator.Fault;
import io.rime.client.observation.DefaultRimeClientObservationConvention;
import io.rime.client.observation.RimeClientObservationContext;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ObservationTests {

	private final RimeEmulator emulator = TestRime.emulator();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final RimeClient client = TestRime.clientBuilder(this.emulator).observationRegistry(this.registry).build();

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aSuccessfulOperationIsObservedWithItsOutcome() {
		this.client.getRimeInfo();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("rime.client.operation")
			.hasContextualNameEqualTo("rime get_rime_info")
			.hasLowCardinalityKeyValue("rime.operation", "get_rime_info")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasBeenStopped();
	}

	@Test
	void idsAreOnlyHighCardinalityKeys() {
		RimeStressTestJob job = this.client.startStressTest(TestRime.titanicConfig());
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("rime.client.operation")
			.that()
			.hasLowCardinalityKeyValue("rime.operation", "start_stress_test")
			.hasHighCardinalityKeyValue("rime.project.id", this.emulator.defaultProjectId())
			.hasHighCardinalityKeyValue("rime.job.id", job.jobId())
			.doesNotHaveLowCardinalityKeyValueWithKey("rime.job.id");
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservationWithAKeyValue("rime.operation", "register_dataset")
			.hasAnObservationWithAKeyValue("rime.operation", "register_model");
	}

	@Test
	void everySdkOperationIsObservedUnderItsDocumentedName(@TempDir Path directory) {
		RimeProject project = this.client.createProject("observed", "every operation");
		this.client.getProject(project.projectId());
		this.client.listProjects();
		RimeStressTestJob finished = this.client.startStressTest(TestRime.titanicConfig(), project.projectId());
		finished.waitUntilFinish(Duration.ofMillis(40), Duration.ofSeconds(10));
		finished.getResultCsv(directory.resolve("r.csv"));
		this.client.startStressTest(TestRime.titanicConfig()).cancel();
		this.client.listStressTestJobs();
		this.client.getRimeInfo();
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasAnObservationWithAKeyValue("rime.operation", "create_project")
			.hasAnObservationWithAKeyValue("rime.operation", "get_project")
			.hasAnObservationWithAKeyValue("rime.operation", "list_projects")
			.hasAnObservationWithAKeyValue("rime.operation", "register_dataset")
			.hasAnObservationWithAKeyValue("rime.operation", "register_model")
			.hasAnObservationWithAKeyValue("rime.operation", "start_stress_test")
			.hasAnObservationWithAKeyValue("rime.operation", "get_job")
			.hasAnObservationWithAKeyValue("rime.operation", "get_result_csv")
			.hasAnObservationWithAKeyValue("rime.operation", "cancel_job")
			.hasAnObservationWithAKeyValue("rime.operation", "list_jobs")
			.hasAnObservationWithAKeyValue("rime.operation", "get_rime_info")
			.hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.allSatisfy((context) -> assertThat(context.getName()).isEqualTo("rime.client.operation")));
	}

	@Test
	void aClientErrorIsObservedAsSuch() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getProject("missing"));
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("error.type", "RimeApiException")
			.hasHighCardinalityKeyValue("rime.project.id", "missing");
	}

	@Test
	void aServerErrorIsObservedAsSuch() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(500));
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(this.client::getRimeInfo);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR");
	}

	@Test
	void aConnectionFailureIsObservedAsSuch() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").closeConnection());
		assertThatExceptionOfType(RimeConnectionException.class).isThrownBy(this.client::getRimeInfo);
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("rime.client.operation")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CONNECTION_ERROR")
			.hasLowCardinalityKeyValue("error.type", "RimeConnectionException");
	}

	@Test
	void aGivenRestClientBuilderIsUsedAndItsHttpObservationsNestUnderTheOperationTaggedWithThePathTemplate() {
		RestClient.Builder builder = RestClient.builder().observationRegistry(this.registry);
		try (RimeClient onBuilder = TestRime.clientBuilder(this.emulator).observationRegistry(this.registry)
			.restClientBuilder(builder).build()) {
			RimeProject project = onBuilder.getProject(this.emulator.defaultProjectId());
			assertThat(project.projectId()).isEqualTo(this.emulator.defaultProjectId());
		}
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasLowCardinalityKeyValue("uri", "/v1/projects/{projectId}")
			.hasParentObservationContextMatching(
					(parent) -> "rime.client.operation".equals(((Observation.ContextView) parent).getName()));
	}

	@Test
	void theConventionCanBeReplaced() {
		DefaultRimeClientObservationConvention custom = new DefaultRimeClientObservationConvention("my.rime") {
			@Override
			public KeyValues getLowCardinalityKeyValues(RimeClientObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("team", "ml");
			}
		};
		try (RimeClient customized = TestRime.clientBuilder(this.emulator).observationRegistry(this.registry)
			.observationConvention(custom).build()) {
			customized.getRimeInfo();
		}
		TestObservationRegistryAssert.assertThat(this.registry)
			.hasSingleObservationThat()
			.hasNameEqualTo("my.rime")
			.hasLowCardinalityKeyValue("team", "ml")
			.hasLowCardinalityKeyValue("rime.operation", "get_rime_info");
	}

}
