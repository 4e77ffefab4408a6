package io.rime.emulator;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthAndErrorsTest {

	private final RimeEmulator emulator = RimeEmulator.builder().apiKey("s3cr3t-key").build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void callsWithoutTheExactKeyAreUnauthenticated() {
		EmulatorHttp.Answer none = this.http.send("GET", "/v1/rime-info", null, Map.of("rime-api-key", ""));
		EmulatorHttp.Answer wrong = this.http.send("GET", "/v1/rime-info", null, Map.of("rime-api-key", "s3cr3t-kex"));
		EmulatorHttp.Answer right = this.http.get("/v1/rime-info");

		assertThat(none.status()).isEqualTo(401);
		assertThat(none.json().path("code").asInt()).isEqualTo(16);
		assertThat(none.message()).contains("rime-api-key").doesNotContain("s3cr3t-key");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.body()).doesNotContain("s3cr3t");
		assertThat(right.status()).isEqualTo(200);
	}

	@Test
	void anEmulatorWithoutAKeyAcceptsEveryCall() {
		try (RimeEmulator open = RimeEmulator.builder().apiKey(null).build().start()) {
			EmulatorHttp.Answer answer = new EmulatorHttp(open).send("GET", "/v1/rime-info", null, Map.of());

			assertThat(open.apiKey()).isNull();
			assertThat(answer.status()).isEqualTo(200);
		}
	}

	@Test
	void rimeInfoReportsVersionPlanAndALicenseInTheFuture() {
		var info = this.http.get("/v1/rime-info").ok();

		assertThat(info.path("clusterInfoVersion").asString()).isEqualTo("2.10.16");
		assertThat(info.path("riPlan").asString()).isEqualTo("RI_PLAN_LOCAL_TRIAL");
		assertThat(java.time.Instant.parse(info.path("expirationTime").asString())).isAfter(java.time.Instant.now());
		assertThat(java.time.Instant.parse(info.path("gracePeriodEndTime").asString()))
			.isAfter(java.time.Instant.parse(info.path("expirationTime").asString()));
	}

	@Test
	void unknownPathsAreNotFoundAndWrongMethodsNotAllowed() {
		EmulatorHttp.Answer unknown = this.http.get("/v1/no-such-thing");
		EmulatorHttp.Answer wrongMethod = this.http.send("DELETE", "/v1/projects", null, Map.of());

		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("code").asInt()).isEqualTo(5);
		assertThat(unknown.json().path("details").isArray()).isTrue();
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.json().path("code").asInt()).isEqualTo(12);
		assertThat(wrongMethod.message()).contains("DELETE");
	}

	@Test
	void anEncodedSlashInAnIdCannotReachAnotherEndpoint() {
		EmulatorHttp.Answer traversal = this.http.get("/v1/jobs/..%2Fprojects");

		assertThat(traversal.status()).isEqualTo(404);
		assertThat(traversal.message()).isEqualTo("job '../projects' not found");
	}

	@Test
	void badQueryValuesNameTheParameter() {
		EmulatorHttp.Answer pageSize = this.http.get("/v1/projects?pageSize=ten");
		EmulatorHttp.Answer view = this.http.get("/v1/jobs/project/" + this.emulator.defaultProjectId() + "?view=FULL");

		assertThat(pageSize.status()).isEqualTo(400);
		assertThat(pageSize.message()).isEqualTo("pageSize must be a whole number, but was 'ten'");
		assertThat(view.status()).isEqualTo(400);
		assertThat(view.message()).contains("view", "'FULL'", "JOB_VIEW_FULL");
	}

}
