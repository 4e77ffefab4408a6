package io.rime.emulator;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultInjectionTest {

	private final RimeEmulator emulator = RimeEmulator.builder().build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aStatusFaultAnswersWithAnRpcStatusAndRetryAfterForTheGivenNumberOfTimes() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503).retryAfter(Duration.ofSeconds(2)).times(2));

		EmulatorHttp.Answer first = this.http.get("/v1/rime-info");
		EmulatorHttp.Answer second = this.http.get("/v1/rime-info");
		EmulatorHttp.Answer third = this.http.get("/v1/rime-info");

		assertThat(first.status()).isEqualTo(503);
		assertThat(first.retryAfter()).isEqualTo("2");
		assertThat(first.json().path("code").asInt()).isEqualTo(14);
		assertThat(second.status()).isEqualTo(503);
		assertThat(third.status()).isEqualTo(200);
		assertThat(this.emulator.faults().injected()).isEqualTo(2);
	}

	@Test
	void tooManyRequestsCarriesRetryAfterAndOtherErrorsDoNot() {
		this.emulator.faults().add(Fault.on("GET", "/v1/projects").status(429).times(1));
		this.emulator.faults().add(Fault.on("GET", "/v1/projects").status(502).times(1));

		EmulatorHttp.Answer limited = this.http.get("/v1/projects");
		EmulatorHttp.Answer badGateway = this.http.get("/v1/projects");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.retryAfter()).isEqualTo("1");
		assertThat(limited.json().path("code").asInt()).isEqualTo(8);
		assertThat(badGateway.status()).isEqualTo(502);
		assertThat(badGateway.retryAfter()).isNull();
	}

	@Test
	void patternsMatchOneOrManySegmentsAndTheMethod() {
		Fault oneSegment = Fault.on("GET", "/v1/jobs/*").status(500);
		Fault anyDepth = Fault.on("*", "/v1/**").status(500);

		assertThat(oneSegment.matches("GET", "/v1/jobs/abc")).isTrue();
		assertThat(oneSegment.matches("GET", "/v1/jobs/abc/test-run-id")).isFalse();
		assertThat(oneSegment.matches("POST", "/v1/jobs/abc")).isFalse();
		assertThat(anyDepth.matches("POST", "/v1/jobs/cancel/abc")).isTrue();
		assertThat(anyDepth.matches("GET", "/archived-logs/abc")).isFalse();
	}

	@Test
	void aClosedConnectionGivesNoResponseAndChangesNothing() {
		this.emulator.faults().add(Fault.on("POST", "/v1/projects").closeConnection().times(1));

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.post("/v1/projects", "{\"name\":\"closed\",\"description\":\"d\"}"));
		assertThat(projectNames()).doesNotContain("closed");
	}

	@Test
	void applyThenFailMakesTheChangeButSendsNoResponse() {
		this.emulator.faults().add(Fault.on("POST", "/v1/projects").applyThenFail().times(1));

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> this.http.post("/v1/projects", "{\"name\":\"applied\",\"description\":\"d\"}"));
		assertThat(projectNames()).contains("applied");
	}

	@Test
	void aCutBodySendsOnlyPartOfTheResponse() {
		this.emulator.faults().add(Fault.on("GET", "/v1/projects").cutBody().times(1));

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> this.http.get("/v1/projects"));
		assertThat(this.http.get("/v1/projects").status()).isEqualTo(200);
	}

	@Test
	void latencyDelaysTheAnswer() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(Duration.ofMillis(300)).times(1));

		long start = System.nanoTime();
		EmulatorHttp.Answer answer = this.http.get("/v1/rime-info");
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(answer.status()).isEqualTo(200);
		assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
	}

	@Test
	void aBodyFaultAnswersWithTheGivenStatusContentTypeAndBody() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").body(502, "text/html", "<html>Bad gateway</html>")
			.times(1));
		this.emulator.faults().add(Fault.on("GET", "/v1/projects").body(200, "application/json", "").times(1));

		EmulatorHttp.Answer html = this.http.get("/v1/rime-info");
		EmulatorHttp.Answer empty = this.http.get("/v1/projects");

		assertThat(html.status()).isEqualTo(502);
		assertThat(html.contentType()).isEqualTo("text/html");
		assertThat(html.body()).isEqualTo("<html>Bad gateway</html>");
		assertThat(empty.status()).isEqualTo(200);
		assertThat(empty.body()).isEmpty();
		assertThat(this.http.get("/v1/rime-info").status()).isEqualTo(200);
	}

	@Test
	void aStalledRequestGetsNoAnswerUntilTheEmulatorStops() {
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").stall());

		CompletableFuture<EmulatorHttp.Answer> answer = CompletableFuture.supplyAsync(() -> this.http.get("/v1/rime-info"));

		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !answer.isDone());
		this.emulator.close();
		await().atMost(Duration.ofSeconds(5)).until(answer::isDone);
		assertThat(answer).isCompletedExceptionally();
	}

	@Test
	void aQueryParameterInThePatternMatchesOnlyRequestsThatHaveIt() {
		Fault laterPages = Fault.on("GET", "/v1/test-cases?pageToken").status(404);

		assertThat(laterPages.matches("GET", "/v1/test-cases", "pageSize=10&pageToken=abc")).isTrue();
		assertThat(laterPages.matches("GET", "/v1/test-cases", "pageToken")).isTrue();
		assertThat(laterPages.matches("GET", "/v1/test-cases", "pageSize=10")).isFalse();
		assertThat(laterPages.matches("GET", "/v1/test-cases", "pageTokens=abc")).isFalse();
		assertThat(laterPages.matches("GET", "/v1/test-cases", null)).isFalse();
		assertThat(laterPages.matches("GET", "/v1/test-cases")).isFalse();
	}

	@Test
	void aQueryParameterFaultSparesTheFirstPage() {
		this.emulator.faults().add(Fault.parse("GET /v1/projects?pageToken=status:404"));

		assertThat(this.http.get("/v1/projects?pageSize=1").status()).isEqualTo(200);
		assertThat(this.http.get("/v1/projects?pageSize=1&pageToken=x").status()).isEqualTo(404);
	}

	@Test
	void ratesAreRepeatableForASeed() {
		assertThat(pattern(7)).isEqualTo(pattern(7)).contains(true, false);
	}

	@Test
	void theFlagFormParsesEveryKind() {
		Fault status = Fault.parse("POST /v1/stress-tests/*=status:503,rate=0.2,times=3,retry-after=2s");
		Fault latency = Fault.parse("* /v1/**=latency:1500ms");

		assertThat(status.kind()).isEqualTo(Fault.Kind.STATUS);
		assertThat(status.httpStatus()).isEqualTo(503);
		assertThat(status.rate()).isEqualTo(0.2);
		assertThat(status.times()).isEqualTo(3);
		assertThat(status.retryAfter()).isEqualTo(Duration.ofSeconds(2));
		assertThat(latency.latency()).isEqualTo(Duration.ofMillis(1500));
		assertThat(Fault.parse("GET /v1/jobs/*=close").kind()).isEqualTo(Fault.Kind.CLOSE_CONNECTION);
		assertThat(Fault.parse("GET /v1/test-cases=cut-body").kind()).isEqualTo(Fault.Kind.CUT_BODY);
		assertThat(Fault.parse("POST /v1/projects=apply-then-fail").kind()).isEqualTo(Fault.Kind.APPLY_THEN_FAIL);
		assertThat(Fault.parse("GET /v1/**=stall").kind()).isEqualTo(Fault.Kind.STALL);
	}

	@Test
	void theFlagFormOfABodyIsUrlEncodedSoThatItCanHoldCommas() {
		Fault html = Fault.parse("GET /v1/**=body:502:text/html:%3Chtml%3EBad%2C%20gateway%3C/html%3E,times=2");
		Fault empty = Fault.parse("GET /v1/**=body:200:application/json");

		assertThat(html.kind()).isEqualTo(Fault.Kind.BODY);
		assertThat(html.httpStatus()).isEqualTo(502);
		assertThat(html.contentType()).isEqualTo("text/html");
		assertThat(html.body()).isEqualTo("<html>Bad, gateway</html>");
		assertThat(html.times()).isEqualTo(2);
		assertThat(empty.body()).isEmpty();
	}

	@Test
	void badFaultsAreRejectedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("GET /v1/jobs=explode"))
			.withMessageContaining("unknown kind 'explode'");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("nonsense"))
			.withMessageContaining("METHOD /path=KIND");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse(null))
			.withMessageStartingWith("Fault spec is null; expected 'METHOD /path=KIND");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("GET /v1/jobs=latency:soon"))
			.withMessageContaining("Fault 'GET /v1/jobs=latency:soon' has a bad duration: 'soon' is not a duration such as 500ms");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("GET /v1/jobs=close,rate=x"))
			.withMessageContaining("bad number in 'rate=x'");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.on("GET", "v1").status(500))
			.withMessageContaining("must start with '/'");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.on("GET", "/v1").status(200))
			.withMessageContaining("400 to 599, but was 200");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.on("GET", "/v1").rate(1.5))
			.withMessageContaining("0 to 1, but was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> this.emulator.faults().add(Fault.on("GET", "/v1")))
			.withMessageContaining("has no kind");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.parse("GET /v1/jobs=body:200"))
			.withMessageContaining("needs body:CODE:CONTENT-TYPE");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.on("GET", "/v1").body(100, "text/plain", ""))
			.withMessageContaining("200 to 599, but was 100");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.on("GET", "/v1?").status(500))
			.withMessageContaining("must name a query parameter");
	}

	@Test
	void clearRemovesEveryFault() {
		this.emulator.faults().add(Fault.on("*", "/v1/**").status(500));

		this.emulator.faults().clear();

		assertThat(this.http.get("/v1/rime-info").status()).isEqualTo(200);
	}

	private List<Boolean> pattern(long seed) {
		try (RimeEmulator seeded = RimeEmulator.builder().faultSeed(seed).build().start()) {
			seeded.faults().add(Fault.on("GET", "/v1/rime-info").status(500).rate(0.5));
			EmulatorHttp client = new EmulatorHttp(seeded);
			List<Boolean> faulted = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				faulted.add(client.get("/v1/rime-info").status() == 500);
			}
			return faulted;
		}
	}

	private List<String> projectNames() {
		List<String> names = new ArrayList<>();
		this.http.get("/v1/projects").ok().path("projects")
			.forEach((p) -> names.add(p.path("project").path("name").asString()));
		return names;
	}

}
