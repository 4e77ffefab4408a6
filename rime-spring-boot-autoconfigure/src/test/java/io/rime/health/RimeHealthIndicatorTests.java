package io.rime.health;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.retry.RetryPolicy;

import io.rime.client.RimeClient;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indicator against a real emulator over loopback HTTP.
 */
class RimeHealthIndicatorTests {

	private RimeEmulator emulator;

	private RimeClient client;

	@AfterEach
	void stop() {
		if (this.client != null) {
			this.client.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
	}

	private RimeEmulator start(RimeEmulator.Builder builder) {
		this.emulator = builder.build().start();
		this.client = RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.retryPolicy(RetryPolicy.withMaxRetries(0))
			.build();
		return this.emulator;
	}

	private RimeHealthIndicator indicator(Duration timeout, Duration cacheTtl) {
		return new RimeHealthIndicator(this.client, timeout, cacheTtl);
	}

	private long rimeInfoCalls() {
		return this.emulator.requests().stream().filter((r) -> r.path().equals("/v1/rime-info")).count();
	}

	@Test
	void whenRimeAnswersThenHealthIsUpWithDetailsButNeverTheKey() {
		Instant expiry = Instant.now().plus(300, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		start(RimeEmulator.builder().apiKey("top-secret-key").licenseExpiration(expiry));
		Health health = indicator(Duration.ofSeconds(2), Duration.ofSeconds(10)).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("address", this.emulator.baseUrl().toString())
			.containsEntry("plan", "RI_PLAN_LOCAL_TRIAL")
			.containsEntry("licenseExpiry", expiry.toString())
			.containsKey("version");
		assertThat(health.toString()).doesNotContain("top-secret-key");
	}

	@Test
	void whenTheLicenseExpiredButTheGracePeriodRunsThenHealthIsStillUp() {
		start(RimeEmulator.builder().licenseExpiration(Instant.now().minus(3, ChronoUnit.DAYS)));
		assertThat(indicator(Duration.ofSeconds(2), Duration.ZERO).health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void whenTheLicenseGracePeriodHasEndedThenHealthIsOutOfService() {
		Instant expiry = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		start(RimeEmulator.builder().licenseExpiration(expiry));
		Health health = indicator(Duration.ofSeconds(2), Duration.ZERO).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("licenseExpiry", expiry.toString())
			.containsEntry("gracePeriodEnd", expiry.plus(14, ChronoUnit.DAYS).toString())
			.containsEntry("error", "The RIME license expired on " + expiry + " and its grace period ended on "
					+ expiry.plus(14, ChronoUnit.DAYS));
	}

	@Test
	void whenRimeAnswersAnErrorThenHealthIsDownWithTheErrorTypeAndMessage() {
		start(RimeEmulator.builder());
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(503));
		Health health = indicator(Duration.ofSeconds(2), Duration.ZERO).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).startsWith("io.rime.client.RimeApiException: ")
			.contains("503");
	}

	@Test
	void whenTheApiKeyIsWrongThenHealthIsDownNamingThePropertyWithoutShowingAnyKey() {
		start(RimeEmulator.builder().apiKey("the-right-key"));
		RimeClient wrongKey = RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey("the-wrong-key")
			.retryPolicy(RetryPolicy.withMaxRetries(0))
			.build();
		Health health = new RimeHealthIndicator(wrongKey, Duration.ofSeconds(2), Duration.ZERO)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).contains("RimeApiException", "401");
		assertThat((String) health.getDetails().get("action")).contains("'rime.api-key'");
		assertThat(health.toString()).doesNotContain("the-right-key", "the-wrong-key", "apiKey");
	}

	@Test
	void whenRimeCannotBeReachedThenHealthIsDownWithAConnectionError() {
		start(RimeEmulator.builder());
		this.emulator.close();
		Health health = indicator(Duration.ofSeconds(2), Duration.ZERO).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).startsWith("io.rime.client.RimeConnectionException: ");
	}

	@Test
	void aSlowBackendNeverBlocksACheckLongerThanTheTimeoutAndProbesShareOneCall() {
		start(RimeEmulator.builder());
		// The answer takes 9 s: a check that waited for it could not end within the timeout plus a
		// margin that a loaded machine needs (2.5 s in all), and three checks end before it arrives.
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").latency(Duration.ofSeconds(9)).times(1));
		RimeHealthIndicator indicator = indicator(Duration.ofMillis(200), Duration.ofSeconds(30));
		for (int i = 0; i < 3; i++) {
			long start = System.nanoTime();
			Health health = indicator.health();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error",
					"java.util.concurrent.TimeoutException: RIME did not answer within 200 ms");
		}
		// Once the slow answer arrives it is cached; the probes above caused one call only.
		await().atMost(Duration.ofSeconds(30)).until(() -> indicator.health().getStatus().equals(Status.UP));
		assertThat(rimeInfoCalls()).isOne();
	}

	@Test
	void aBurstOfProbesCostsOneCallPerTimeToLive() {
		start(RimeEmulator.builder());
		RimeHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofSeconds(30));
		for (int i = 0; i < 20; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		}
		assertThat(rimeInfoCalls()).isOne();
	}

	@Test
	void downIsCachedToo() {
		start(RimeEmulator.builder());
		this.emulator.faults().add(Fault.on("GET", "/v1/rime-info").status(500));
		RimeHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofSeconds(30));
		for (int i = 0; i < 5; i++) {
			assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		}
		assertThat(rimeInfoCalls()).isOne();
	}

	@Test
	void afterTheTimeToLiveRimeIsCalledAgain() {
		start(RimeEmulator.builder());
		RimeHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofMillis(200));
		indicator.health();
		assertThat(rimeInfoCalls()).isOne();
		await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
			indicator.health();
			return rimeInfoCalls() == 2;
		});
	}

	@Test
	void withoutATimeToLiveEveryCheckCallsRime() {
		start(RimeEmulator.builder());
		RimeHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ZERO);
		for (int i = 0; i < 3; i++) {
			indicator.health();
		}
		assertThat(rimeInfoCalls()).isEqualTo(3);
	}

	@Test
	void theInfoContributorReportsTheVersionFromTheLastCheckWithoutCallingRime() {
		start(RimeEmulator.builder());
		RimeHealthIndicator indicator = indicator(Duration.ofSeconds(2), Duration.ofSeconds(30));
		RimeInfoContributor contributor = new RimeInfoContributor(indicator);
		Info.Builder before = new Info.Builder();
		contributor.contribute(before);
		assertThat(before.build().getDetails()).isEmpty();
		assertThat(rimeInfoCalls()).isZero();
		indicator.health();
		Info.Builder after = new Info.Builder();
		contributor.contribute(after);
		@SuppressWarnings("unchecked")
		Map<String, Object> rime = (Map<String, Object>) after.build().getDetails().get("rime");
		assertThat(rime).containsKey("version").containsKey("buildVersion");
		assertThat((String) rime.get("buildVersion")).endsWith("-emulator");
		assertThat(rimeInfoCalls()).isOne();
	}

}
