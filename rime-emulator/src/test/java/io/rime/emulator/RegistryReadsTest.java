package io.rime.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The registry's reads, lists and deletes, and project deletion: what a deleted entry leaves behind.
 */
class RegistryReadsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));

	private final RimeEmulator emulator = RimeEmulator.builder().clock(this.clock).build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aDatasetIsReadByIdOrByNameWithItsValidityStatus() {
		String projectId = project("reads");
		String datasetId = registerDataset(projectId, "ref", "s3://bucket/ref.csv");

		JsonNode pending = this.http.get("/v1/registry/dataset?datasetId=" + datasetId).ok().path("dataset");
		this.clock.advance(Duration.ofSeconds(5));
		JsonNode byName = this.http.get("/v1/registry/dataset?datasetName=ref").ok().path("dataset");

		assertThat(pending.path("validityStatus").asString()).isEqualTo("VALIDITY_STATUS_PENDING");
		assertThat(byName.path("datasetId").asString()).isEqualTo(datasetId);
		assertThat(byName.path("name").asString()).isEqualTo("ref");
		assertThat(byName.path("projectIds").get(0).path("uuid").asString()).isEqualTo(projectId);
		assertThat(byName.path("dataInfo").path("connectionInfo").path("dataFile").path("path").asString())
			.isEqualTo("s3://bucket/ref.csv");
		assertThat(byName.path("validityStatus").asString()).isEqualTo("VALIDITY_STATUS_VALID");
		assertThat(byName.path("creationTime").asString()).isEqualTo("2026-02-01T00:00:00Z");
	}

	@Test
	void aModelWhoseFileIsMissingIsInvalidWithTheValidationMessage() {
		String projectId = project("invalid-model");
		String modelId = registerModel(projectId, "broken", "/does/not/exist/model.py");
		this.clock.advance(Duration.ofSeconds(5));

		JsonNode model = this.http.get("/v1/registry/model?modelId.uuid=" + modelId).ok().path("model");

		assertThat(model.path("model").path("name").asString()).isEqualTo("broken");
		assertThat(model.path("model").path("modelId").path("uuid").asString()).isEqualTo(modelId);
		assertThat(model.path("model").path("validityStatus").asString()).isEqualTo("VALIDITY_STATUS_INVALID");
		assertThat(model.path("model").path("validityStatusMessage").asString()).contains("/does/not/exist/model.py");
		assertThat(model.path("ownerDetails").path("email").asString()).isNotEmpty();
	}

	@Test
	void aProjectsDatasetsAndModelsAreListedPageByPageInRegistrationOrder() {
		String projectId = project("lists");
		List<String> registered = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			registered.add(registerDataset(projectId, "data-" + i, "s3://bucket/" + i + ".csv"));
		}
		registerModel(projectId, "m-1", "s3://bucket/m.py");
		registerDataset(project("other"), "elsewhere", "s3://bucket/x.csv");

		List<String> listed = new ArrayList<>();
		JsonNode page = this.http.get("/v1/registry/" + projectId + "/dataset?pageSize=2").ok();
		page.path("datasets").forEach((dataset) -> listed.add(dataset.path("datasetId").asString()));
		int pages = 1;
		while (page.path("hasMore").asBoolean()) {
			page = this.http.get("/v1/registry/" + projectId + "/dataset?pageSize=2&pageToken="
					+ page.path("nextPageToken").asString()).ok();
			page.path("datasets").forEach((dataset) -> listed.add(dataset.path("datasetId").asString()));
			pages++;
		}
		JsonNode models = this.http.get("/v1/registry/" + projectId + "/model").ok();

		assertThat(listed).isEqualTo(registered);
		assertThat(pages).isEqualTo(3);
		assertThat(models.path("models")).singleElement()
			.satisfies((model) -> assertThat(model.path("model").path("name").asString()).isEqualTo("m-1"));
	}

	@Test
	void aDeletedDatasetOrModelIsGoneFromReadsAndListsAndItsNameIsFree() {
		String projectId = project("deletes");
		String datasetId = registerDataset(projectId, "gone", "s3://bucket/gone.csv");
		String modelId = registerModel(projectId, "gone-model", "s3://bucket/m.py");

		JsonNode deleted = this.http.send("DELETE", "/v1/registry/dataset/" + datasetId, null, java.util.Map.of()).ok();
		this.http.send("DELETE", "/v1/registry/model/" + modelId, null, java.util.Map.of()).ok();

		assertThat(deleted.isEmpty()).isTrue();
		assertThat(this.http.get("/v1/registry/dataset?datasetId=" + datasetId).status()).isEqualTo(404);
		assertThat(this.http.get("/v1/registry/model?modelName=gone-model").status()).isEqualTo(404);
		assertThat(this.http.get("/v1/registry/" + projectId + "/dataset").ok().path("datasets")).isEmpty();
		assertThat(this.http.get("/v1/registry/" + projectId + "/model").ok().path("models")).isEmpty();
		assertThat(this.http.send("DELETE", "/v1/registry/dataset/" + datasetId, null, java.util.Map.of()).status())
			.isEqualTo(404);
		assertThat(registerDataset(projectId, "gone", "s3://bucket/again.csv")).isNotEqualTo(datasetId);
	}

	@Test
	void aDatasetInUseByARunningJobCanBeDeletedAndTheJobKeepsRunning() {
		String projectId = project("in-use");
		JsonNode job = this.http.startStressTest(projectId, "in-use", "s3://bucket/data.csv", null);
		this.clock.advance(Duration.ofMillis(1500));
		String datasetId = this.http.get("/v1/registry/" + projectId + "/dataset").ok().path("datasets").get(0)
			.path("datasetId").asString();

		this.http.send("DELETE", "/v1/registry/dataset/" + datasetId, null, java.util.Map.of()).ok();
		String running = this.http.get("/v1/jobs/" + job.path("jobId").asString()).ok().path("job").path("status").asString();
		this.clock.advance(Duration.ofMinutes(1));
		String finished = this.http.get("/v1/jobs/" + job.path("jobId").asString()).ok().path("job").path("status").asString();

		assertThat(running).isEqualTo("JOB_STATUS_RUNNING");
		assertThat(finished).isEqualTo("JOB_STATUS_SUCCEEDED");
	}

	@Test
	void aDeletedProjectDisappearsFromEveryList() {
		String projectId = project("short-lived");
		registerDataset(projectId, "data", "s3://bucket/data.csv");

		JsonNode deleted = this.http.send("DELETE", "/v1/projects/" + projectId, null, java.util.Map.of()).ok();

		assertThat(deleted.isEmpty()).isTrue();
		assertThat(this.http.get("/v1/projects/" + projectId).status()).isEqualTo(404);
		assertThat(this.http.get("/v1/projects?pageSize=100").ok().path("projects").findValuesAsString("uuid"))
			.doesNotContain(projectId);
		assertThat(this.http.get("/v1/registry/" + projectId + "/dataset").status()).isEqualTo(404);
		assertThat(this.http.get("/v1/registry/dataset?datasetName=data").status()).isEqualTo(404);
		assertThat(this.http.get("/v1/jobs/project/" + projectId).status()).isEqualTo(404);
		assertThat(this.http.post("/v1/projects", "{\"name\":\"short-lived\",\"description\":\"again\"}").status())
			.isEqualTo(200);
	}

	@Test
	void theDefaultProjectCannotBeDeleted() {
		EmulatorHttp.Answer answer = this.http.send("DELETE", "/v1/projects/" + this.emulator.defaultProjectId(), null,
				java.util.Map.of());

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.message()).contains("default project");
	}

	private String project(String name) {
		return this.http.post("/v1/projects", "{\"name\":\"" + name + "\",\"description\":\"d\"}").ok().path("project")
			.path("id").path("uuid").asString();
	}

	private String registerDataset(String projectId, String name, String path) {
		return this.http.post("/v1/registry/" + projectId + "/dataset", "{\"name\":\"" + name
				+ "\",\"dataInfo\":{\"connectionInfo\":{\"dataFile\":{\"path\":\"" + path + "\"}}}}").ok().path("datasetId")
			.asString();
	}

	private String registerModel(String projectId, String name, String path) {
		return this.http.post("/v1/registry/" + projectId + "/model", "{\"name\":\"" + name
				+ "\",\"modelInfo\":{\"modelPath\":{\"path\":\"" + path + "\"}}}").ok().path("modelId").path("uuid")
			.asString();
	}

}
