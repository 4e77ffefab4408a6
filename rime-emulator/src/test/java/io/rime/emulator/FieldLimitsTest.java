package io.rime.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RIME limits names to 255 characters and free text to 5,000: one huge name would make every page
 * of a listing too big for every client.
 */
class FieldLimitsTest {

	private static final String NAME_255 = "n".repeat(255);

	private static final String NAME_256 = "n".repeat(256);

	private final RimeEmulator emulator = RimeEmulator.builder().build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@TempDir
	Path temp;

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aProjectNameOf255CharactersIsTakenAndOneOf256IsRejectedNamingTheField() {
		EmulatorHttp.Answer longest = this.http.post("/v1/projects", project(NAME_255, "d"));
		EmulatorHttp.Answer tooLong = this.http.post("/v1/projects", project(NAME_256, "d"));

		assertThat(longest.status()).isEqualTo(200);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().path("code").asInt()).isEqualTo(3);
		assertThat(tooLong.message()).isEqualTo("name must be at most 255 characters long, but has 256");
	}

	@Test
	void charactersAreCountedNotBytesOrUtf16Units() {
		EmulatorHttp.Answer emoji = this.http.post("/v1/projects", project("\uD83D\uDE80".repeat(255), "d"));

		assertThat(emoji.status()).isEqualTo(200);
	}

	@Test
	void anEightMegabyteProjectNameIsRejectedAndListingsStayUsable() {
		EmulatorHttp.Answer huge = this.http.post("/v1/projects", project("x".repeat(8 * 1024 * 1024), "d"));

		assertThat(huge.status()).isEqualTo(400);
		assertThat(huge.message()).isEqualTo("name must be at most 255 characters long, but has 8388608");
		JsonNode listing = this.http.get("/v1/projects").ok();
		assertThat(listing.path("projects")).hasSize(1);
	}

	@Test
	void descriptionsUseCasesAndEthicalConsiderationsAreLimitedTo5000Characters() {
		String text5000 = "t".repeat(5000);
		String text5001 = "t".repeat(5001);

		EmulatorHttp.Answer longest = this.http.post("/v1/projects", "{\"name\":\"a\",\"description\":\"" + text5000
				+ "\",\"useCase\":\"" + text5000 + "\",\"ethicalConsideration\":\"" + text5000 + "\"}");
		EmulatorHttp.Answer description = this.http.post("/v1/projects", project("b", text5001));
		EmulatorHttp.Answer useCase = this.http.post("/v1/projects",
				"{\"name\":\"c\",\"description\":\"d\",\"useCase\":\"" + text5001 + "\"}");
		EmulatorHttp.Answer ethics = this.http.post("/v1/projects",
				"{\"name\":\"e\",\"description\":\"d\",\"ethicalConsideration\":\"" + text5001 + "\"}");

		assertThat(longest.status()).isEqualTo(200);
		assertThat(description.status()).isEqualTo(400);
		assertThat(description.message()).isEqualTo("description must be at most 5000 characters long, but has 5001");
		assertThat(useCase.status()).isEqualTo(400);
		assertThat(useCase.message()).isEqualTo("useCase must be at most 5000 characters long, but has 5001");
		assertThat(ethics.status()).isEqualTo(400);
		assertThat(ethics.message())
			.isEqualTo("ethicalConsideration must be at most 5000 characters long, but has 5001");
	}

	@Test
	void aTagOver255CharactersIsRejectedByItsIndex() {
		EmulatorHttp.Answer answer = this.http.post("/v1/projects",
				"{\"name\":\"t\",\"description\":\"d\",\"tags\":[\"ok\",\"" + NAME_256 + "\"]}");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.message()).isEqualTo("tags[1] must be at most 255 characters long, but has 256");
	}

	@Test
	void datasetModelAndRunNamesOver255CharactersAreRejectedNamingTheField() throws IOException {
		String projectId = this.emulator.defaultProjectId();
		String data = Files.writeString(this.temp.resolve("d.csv"), "a,Survived\n1,0\n").toString();

		EmulatorHttp.Answer dataset = this.http.post("/v1/registry/" + projectId + "/dataset", "{\"name\":\""
				+ NAME_256 + "\",\"dataInfo\":{\"connectionInfo\":{\"dataFile\":{\"path\":\"" + data + "\"}}}}");
		EmulatorHttp.Answer model = this.http.post("/v1/registry/" + projectId + "/model",
				"{\"name\":\"" + NAME_256 + "\",\"modelInfo\":{\"modelPath\":{\"path\":\"s3://m/m.py\"}}}");
		EmulatorHttp.Answer run = this.http.post("/v1/stress-tests/" + projectId, "{\"testRunConfig\":{\"runName\":\""
				+ NAME_256 + "\",\"modelId\":{\"uuid\":\"m\"},\"dataInfo\":{\"evalDatasetId\":\"d\"}}}");

		assertThat(dataset.status()).isEqualTo(400);
		assertThat(dataset.message()).isEqualTo("name must be at most 255 characters long, but has 256");
		assertThat(model.status()).isEqualTo(400);
		assertThat(model.message()).isEqualTo("name must be at most 255 characters long, but has 256");
		assertThat(run.status()).isEqualTo(400);
		assertThat(run.message()).isEqualTo("testRunConfig.runName must be at most 255 characters long, but has 256");
		assertThat(this.http.startStressTest(projectId, NAME_255.substring(6), data, null).path("jobId").asString())
			.isNotEmpty();
	}

	private static String project(String name, String description) {
		return "{\"name\":\"" + name + "\",\"description\":\"" + description + "\"}";
	}

}
