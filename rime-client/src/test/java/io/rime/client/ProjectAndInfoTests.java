package io.rime.client;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProjectAndInfoTests {

	private final RimeEmulator emulator = TestRime.emulatorBuilder()
		.licenseExpiration(Instant.parse("2030-01-01T00:00:00Z"))
		.build()
		.start();

	private final RimeClient client = TestRime.client(this.emulator);

	@AfterEach
	void close() {
		this.client.close();
		this.emulator.close();
	}

	@Test
	void aCreatedProjectCanBeReadBack() {
		RimeProject created = this.client.createProject("fraud-model", "Fraud classifier checks");
		assertThat(created.projectId()).isNotBlank();
		assertThat(created.name()).isEqualTo("fraud-model");
		assertThat(created.description()).isEqualTo("Fraud classifier checks");
		assertThat(this.client.getProject(created.projectId())).isEqualTo(created);
	}

	@Test
	void anUnknownProjectIsANotFoundApiExceptionWithTheServersDetails() {
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.getProject("no-such-project"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(404);
				assertThat(ex.getGrpcCode()).isEqualTo(5);
				assertThat(ex.getServerMessage()).isNotBlank();
				assertThat(ex.getMessage()).startsWith("RIME answered HTTP 404 to get_project (GET /v1/projects/no-such-project)")
					.contains("NOT_FOUND");
			});
	}

	@Test
	void aDuplicateProjectNameIsAConflict() {
		this.client.createProject("twice", "first");
		assertThatExceptionOfType(RimeApiException.class).isThrownBy(() -> this.client.createProject("twice", "again"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(409));
	}

	@Test
	void rimeInfoGivesVersionPlanAndLicenseExpiry() {
		RimeInfo info = this.client.getRimeInfo();
		assertThat(info.version()).isNotBlank();
		assertThat(info.plan()).startsWith("RI_PLAN_");
		assertThat(info.licenseExpiry()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
	}

	@Test
	void aServerWithoutAuthenticationNeedsNoKey() {
		try (RimeEmulator open = TestRime.emulatorBuilder().apiKey(null).build().start();
				RimeClient keyless = RimeClient.builder().address(open.baseUrl()).build()) {
			assertThat(keyless.getRimeInfo().version()).isNotBlank();
			assertThat(open.requests()).singleElement().satisfies((r) -> assertThat(r.apiKeyPresent()).isFalse());
		}
	}

	@Test
	void theClientDescribesItselfWithoutTheApiKey() {
		assertThat(this.client.toString()).contains(this.emulator.baseUrl().toString()).doesNotContain(TestRime.API_KEY);
	}

}
