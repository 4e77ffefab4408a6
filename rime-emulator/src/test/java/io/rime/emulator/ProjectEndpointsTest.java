package io.rime.emulator;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectEndpointsTest {

	private final RimeEmulator emulator = RimeEmulator.builder().build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aCreatedProjectCanBeReadBack() {
		JsonNode created = this.http.post("/v1/projects",
				"{\"name\":\"fraud\",\"description\":\"Fraud checks\",\"tags\":[\"ci\"]}").ok().path("project");
		String id = created.path("id").path("uuid").asString();

		JsonNode read = this.http.get("/v1/projects/" + id).ok().path("project");

		assertThat(read.path("project").path("name").asString()).isEqualTo("fraud");
		assertThat(read.path("project").path("description").asString()).isEqualTo("Fraud checks");
		assertThat(read.path("project").path("modelTask").asString()).isEqualTo("MODEL_TASK_BINARY_CLASSIFICATION");
		assertThat(read.path("project").path("tags").get(0).asString()).isEqualTo("ci");
		assertThat(read.path("ownerDetails").path("email").asString()).isNotEmpty();
	}

	@Test
	void anUnspecifiedModelTaskTakesTheDefaultAndAGivenOneIsKept() {
		JsonNode unspecified = this.http.post("/v1/projects",
				"{\"name\":\"u\",\"description\":\"d\",\"modelTask\":\"MODEL_TASK_UNSPECIFIED\"}").ok().path("project");
		JsonNode regression = this.http.post("/v1/projects",
				"{\"name\":\"r\",\"description\":\"d\",\"modelTask\":\"MODEL_TASK_REGRESSION\"}").ok().path("project");

		assertThat(unspecified.path("modelTask").asString()).isEqualTo("MODEL_TASK_BINARY_CLASSIFICATION");
		assertThat(regression.path("modelTask").asString()).isEqualTo("MODEL_TASK_REGRESSION");
	}

	@Test
	void theDefaultProjectExistsFromTheStart() {
		JsonNode read = this.http.get("/v1/projects/" + this.emulator.defaultProjectId()).ok();

		assertThat(read.path("project").path("project").path("id").path("uuid").asString())
			.isEqualTo(this.emulator.defaultProjectId());
	}

	@Test
	void aDuplicateNameIsAlreadyExists() {
		this.http.post("/v1/projects", "{\"name\":\"twice\",\"description\":\"d\"}").ok();

		EmulatorHttp.Answer second = this.http.post("/v1/projects", "{\"name\":\"twice\",\"description\":\"d\"}");

		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().path("code").asInt()).isEqualTo(6);
		assertThat(second.message()).contains("twice");
	}

	@Test
	void missingAndMistypedFieldsAreNamedInTheError() {
		EmulatorHttp.Answer missing = this.http.post("/v1/projects", "{\"description\":\"d\"}");
		EmulatorHttp.Answer mistyped = this.http.post("/v1/projects", "{\"name\":42,\"description\":\"d\"}");
		EmulatorHttp.Answer badEnum = this.http.post("/v1/projects",
				"{\"name\":\"n\",\"description\":\"d\",\"modelTask\":\"MODEL_TASK_GUESSING\"}");
		EmulatorHttp.Answer notJson = this.http.post("/v1/projects", "{\"name\":");
		EmulatorHttp.Answer noBody = this.http.post("/v1/projects", null);

		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.message()).isEqualTo("name is required and must not be empty");
		assertThat(mistyped.status()).isEqualTo(400);
		assertThat(mistyped.message()).isEqualTo("name must be a string, but was 42");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.message()).contains("modelTask", "MODEL_TASK_GUESSING", "MODEL_TASK_REGRESSION");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.message()).startsWith("request body is not valid JSON");
		assertThat(noBody.status()).isEqualTo(400);
		assertThat(noBody.json().path("code").asInt()).isEqualTo(3);
	}

	@Test
	void anUnknownProjectIsNotFound() {
		EmulatorHttp.Answer answer = this.http.get("/v1/projects/no-such-project");

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.json().path("code").asInt()).isEqualTo(5);
		assertThat(answer.message()).isEqualTo("project 'no-such-project' not found");
	}

	@Test
	void listingPagesThroughEveryProjectOnce() {
		for (int i = 0; i < 23; i++) {
			this.http.post("/v1/projects", "{\"name\":\"p" + i + "\",\"description\":\"d\"}").ok();
		}
		Set<String> seen = new HashSet<>();
		int pages = 0;
		JsonNode page = this.http.get("/v1/projects?pageSize=5").ok();
		while (true) {
			pages++;
			page.path("projects").forEach((p) -> assertThat(seen.add(p.path("project").path("name").asString())).isTrue());
			if (!page.path("hasMore").asBoolean()) {
				assertThat(page.path("nextPageToken").asString()).isEmpty();
				break;
			}
			page = this.http.get("/v1/projects?pageSize=5&pageToken=" + page.path("nextPageToken").asString()).ok();
		}

		assertThat(seen).hasSize(24).contains("Default Project", "p0", "p22");
		assertThat(pages).isEqualTo(5);
	}

	@Test
	void aForgedPageTokenIsRejected() {
		EmulatorHttp.Answer answer = this.http.get("/v1/projects?pageToken=not-a-token");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.message()).contains("pageToken", "not-a-token");
	}

}
