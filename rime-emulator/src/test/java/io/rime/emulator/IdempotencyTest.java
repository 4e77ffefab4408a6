package io.rime.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));

	private final RimeEmulator emulator = RimeEmulator.builder().clock(this.clock).build().start();

	private final EmulatorHttp http = new EmulatorHttp(this.emulator);

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void aRepeatedKeyReturnsTheFirstAnswerAndCreatesNothing() {
		EmulatorHttp.Answer first = create("key-1", "alpha");
		EmulatorHttp.Answer repeat = create("key-1", "alpha");
		EmulatorHttp.Answer otherKey = create("key-2", "beta");

		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body()).isEqualTo(first.body());
		assertThat(otherKey.status()).isEqualTo(200);
		assertThat(projectNames()).containsExactlyInAnyOrder("Default Project", "alpha", "beta");
	}

	@Test
	void withoutAKeyARepeatIsANewRequest() {
		create("", "gamma").ok();

		assertThat(create("", "gamma").status()).isEqualTo(409);
	}

	@Test
	void keysAreKeptForADayAndForgottenAfterIt() {
		String created = create("key-3", "delta").ok().toString();
		this.clock.advance(Duration.ofHours(24).minusSeconds(1));

		EmulatorHttp.Answer withinADay = create("key-3", "delta");
		this.clock.advance(Duration.ofSeconds(2));
		EmulatorHttp.Answer afterADay = create("key-3", "delta");

		assertThat(withinADay.status()).as("replayed a second before the day is over").isEqualTo(200);
		assertThat(withinADay.json().toString()).isEqualTo(created);
		assertThat(afterADay.status()).as("a new request once the day is over").isEqualTo(409);
	}

	@Test
	void anErrorIsNotRememberedSoARetryCanSucceed() {
		EmulatorHttp.Answer invalid = this.http.send("POST", "/v1/projects", "{\"name\":\"epsilon\"}",
				Map.of("Idempotency-Key", "key-4"));

		EmulatorHttp.Answer fixed = create("key-4", "epsilon");

		assertThat(invalid.status()).isEqualTo(400);
		assertThat(fixed.status()).isEqualTo(200);
	}

	@Test
	void concurrentRetriesWithOneKeyCreateOneProject() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch go = new CountDownLatch(1);
		Set<String> bodies = ConcurrentHashMap.newKeySet();
		try {
			List<Future<Integer>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				answers.add(pool.submit(() -> {
					go.await();
					EmulatorHttp.Answer answer = create("key-5", "zeta");
					bodies.add(answer.body());
					return answer.status();
				}));
			}
			go.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isEqualTo(200);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(bodies).hasSize(1);
		assertThat(projectNames()).containsOnlyOnce("zeta");
	}

	private EmulatorHttp.Answer create(String key, String name) {
		return this.http.send("POST", "/v1/projects", "{\"name\":\"" + name + "\",\"description\":\"d\"}",
				Map.of("Idempotency-Key", key));
	}

	private List<String> projectNames() {
		List<String> names = new java.util.ArrayList<>();
		this.http.get("/v1/projects").ok().path("projects")
			.forEach((p) -> names.add(p.path("project").path("name").asString()));
		return names;
	}

}
