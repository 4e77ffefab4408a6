package io.rime.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Waits run on the threads of the application's thread factory when it gives one, and on the
 * SDK's own otherwise.
 */
class ThreadFactoryTests {

	private final RimeEmulator emulator = TestRime.emulator();

	@AfterEach
	void stop() {
		this.emulator.close();
	}

	@Test
	void withAThreadFactoryWaitsAndTheirCallbacksRunOnItsThreads() throws Exception {
		AtomicInteger made = new AtomicInteger();
		ThreadFactory factory = (task) -> {
			Thread thread = new Thread(task, "app-thread-" + made.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
		try (RimeClient client = TestRime.clientBuilder(this.emulator).threadFactory(factory).build()) {
			String projectId = this.emulator.defaultProjectId();
			RimeStressTestJob job = client.startStressTest(this.emulator.seed().testRunConfig(projectId), projectId);

			CompletableFuture<String> callbackThread = job.whenFinished(Duration.ofMillis(20))
				.thenApply((metadata) -> Thread.currentThread().getName());

			assertThat(callbackThread.get(20, TimeUnit.SECONDS)).startsWith("app-thread-");
			assertThat(job.waitUntilFinish(Duration.ofMillis(20), Duration.ofSeconds(20)).status())
				.isEqualTo(JobStatus.SUCCEEDED);
			assertThat(made).hasPositiveValue();
		}
	}

	@Test
	void withoutOneWaitsRunOnTheSdksOwnThreads() throws Exception {
		try (RimeClient client = TestRime.client(this.emulator)) {
			String projectId = this.emulator.defaultProjectId();
			RimeStressTestJob job = client.startStressTest(this.emulator.seed().testRunConfig(projectId), projectId);

			CompletableFuture<String> callbackThread = job.whenFinished(Duration.ofMillis(20))
				.thenApply((metadata) -> Thread.currentThread().getName());

			assertThat(callbackThread.get(20, TimeUnit.SECONDS)).doesNotStartWith("app-thread-")
				.satisfiesAnyOf((name) -> assertThat(name).startsWith("rime-client-"),
						(name) -> assertThat(name).isEmpty());
		}
	}

	@Test
	void aNullThreadFactoryIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> RimeClient.builder().threadFactory(null))
			.withMessageContaining("threadFactory");
	}

}
