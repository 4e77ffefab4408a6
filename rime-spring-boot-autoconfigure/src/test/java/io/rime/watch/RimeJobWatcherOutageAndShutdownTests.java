package io.rime.watch;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.micrometer.observation.ObservationRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.Fault;
import io.rime.emulator.RimeEmulator;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher when RIME cannot be reached and when the application stops: state kept through an
 * outage, each finish delivered once after it, one WARN and one INFO; a cycle in progress finishes
 * within the shutdown timeout or is abandoned and announces nothing more.
 */
@Tag("slow")
class RimeJobWatcherOutageAndShutdownTests extends AbstractRimeJobWatcherTests {

	@Test
	void duringAnOutageTheStateIsKeptAndAfterRecoveryEachFinishIsDeliveredOnceWithOneWarnAndOneInfo() {
		try (RimeClient other = otherClient()) {
			this.contextRunner.run((context) -> {
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				RimeStressTestJob mine = context.getBean(RimeClient.class).startStressTest(this.config);
				RimeStressTestJob theirs = other.startStressTest(this.config);
				RimeStressTestJob cancelled = other.startStressTest(this.config);
				this.gate.awaitCycles(2);
				assertThat(watcher.watchedJobs()).hasSize(3);
				cancelled.cancel();
				this.emulator.faults().add(Fault.on("*", "/v1/**").closeConnection());
				Awaitility.await().until(() -> watcher.pollErrorCount() >= 3);
				this.clock.advance(PENDING.plus(RUNNING));
				long errors = watcher.pollErrorCount();
				Awaitility.await().until(() -> watcher.pollErrorCount() >= errors + 3);
				assertThat(this.events.finished()).isEmpty();
				assertThat(watcher.watchedJobs()).hasSize(3);
				assertThat(watcher.state().failing()).isTrue();
				assertThat(watcher.state().lastError()).contains("RimeConnectionException");

				this.emulator.faults().clear();
				this.events.awaitFinished(mine.jobId(), JobStatus.SUCCEEDED);
				this.events.awaitFinished(theirs.jobId(), JobStatus.SUCCEEDED);
				this.events.awaitFinished(cancelled.jobId(), JobStatus.CANCELLED);
				this.gate.awaitCycles(5);
				assertThat(this.events.finished()).hasSize(3);
				assertThat(watcher.state().consecutiveFailures()).isZero();
				assertThat(watcher.state().totalFailures()).isGreaterThanOrEqualTo(6);
				assertThat(this.log.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.WARN, Level.INFO);
				assertThat(this.log.list.get(0).getFormattedMessage()).contains("cannot poll RIME",
						"keeping the 3 watched jobs", "Logged once");
				assertThat(this.log.list.get(1).getFormattedMessage()).contains("RIME is reachable again after");
				assertThat(this.log.list).extracting(ILoggingEvent::getFormattedMessage)
					.noneMatch((message) -> message.contains(WatcherTestSupport.API_KEY));
			});
		}
	}

	@Test
	void anOutageWhereTheServerIsReplacedOnTheSameAddressEndsTheLostJobsAsUnknown() throws IOException {
		try (SwitchingProxy address = new SwitchingProxy(this.emulator.baseUrl())) {
			this.contextRunner.withPropertyValues("rime.address=" + address.baseUrl()).run((context) -> {
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(this.config);
				this.gate.awaitCycles(2);
				this.emulator.close();
				Awaitility.await().until(() -> watcher.pollErrorCount() >= 2);
				this.emulator = RimeEmulator.builder().apiKey(WatcherTestSupport.API_KEY).clock(this.clock).build().start();
				address.target(this.emulator.baseUrl());
				RimeJobFinishedEvent event = this.events.awaitFinished(job.jobId(), JobStatus.UNKNOWN_JOB_STATUS);
				assertThat(event.reason()).contains("404");
				this.gate.awaitCycles(3);
				assertThat(this.events.finished()).hasSize(1);
				assertThat(this.log.list).extracting(ILoggingEvent::getFormattedMessage)
					.filteredOn((message) -> message.contains("cannot poll RIME") || message.contains("reachable again")
							|| message.contains("does not know project"))
					.hasSize(3)
					.anySatisfy((message) -> assertThat(message).contains("does not know project"));
			});
		}
	}

	@Test
	void stoppingWaitsForTheCycleInProgressToFinish() {
		this.contextRunner.run((context) -> {
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(this.config);
			this.gate.awaitCycles(2);
			this.emulator.faults().add(Fault.on("GET", "/v1/jobs/project/**").latency(Duration.ofMillis(700)));
			int recorded = this.emulator.requests().size();
			this.clock.advance(PENDING.plus(RUNNING));
			// Every request from now on is a list call that waits; the job ends while it waits.
			Awaitility.await().until(() -> this.emulator.requests().size() > recorded);
			assertThat(this.events.finished()).isEmpty();
			long started = System.nanoTime();
			context.close();
			Duration stopping = Duration.ofNanos(System.nanoTime() - started);
			assertThat(watcher.isRunning()).isFalse();
			assertThat(this.events.finished(job.jobId())).hasSize(1);
			assertThat(stopping).isLessThan(Duration.ofSeconds(5));
		});
	}

	@Test
	void stoppingAbandonsACycleThatOutlastsTheShutdownTimeoutAndItPublishesNothingMore() {
		this.contextRunner.withPropertyValues("rime.watcher.shutdown-timeout=200ms").run((context) -> {
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(this.config);
			this.gate.awaitCycles(2);
			this.emulator.faults().add(Fault.on("GET", "/v1/jobs/project/**").latency(Duration.ofSeconds(3)));
			int recorded = this.emulator.requests().size();
			this.clock.advance(PENDING.plus(RUNNING));
			// Every request from now on is a list call that waits; the job ends while it waits.
			Awaitility.await().until(() -> this.emulator.requests().size() > recorded);
			long started = System.nanoTime();
			context.close();
			Duration stopping = Duration.ofNanos(System.nanoTime() - started);
			assertThat(stopping).isLessThan(Duration.ofSeconds(2));
			assertThat(watcher.isRunning()).isFalse();
			assertThat(this.log.list).anySatisfy((event) -> assertThat(event.getFormattedMessage())
				.contains("did not finish within 200ms", "abandoned"));
			// The abandoned cycle's list call returns after 3 s; it must not announce the job then.
			Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
				.until(() -> this.events.finished(job.jobId()).isEmpty());
		});
	}

	@Test
	void aCycleAbandonedWhileReadingHowAJobEndedPublishesNothingWhenTheReadReturns() {
		// Outside a context, so that events published after stop() would still reach the publisher; and on
		// HttpURLConnection, as in Spring Boot, whose reads an interrupt does not end.
		List<Object> published = new CopyOnWriteArrayList<>();
		RimeWatcherSettings settings = new RimeWatcherSettings(Duration.ofMillis(50),
				List.of(this.emulator.defaultProjectId()), Duration.ofMinutes(5), Duration.ofMillis(200), 50);
		try (RimeClient client = RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.restClientBuilder(RestClient.builder().requestFactory(new SimpleClientHttpRequestFactory()))
			.retryPolicy(RetryPolicy.builder().maxRetries(0).build())
			.build()) {
			RimeJobWatcher watcher = new RimeJobWatcher(client, published::add, settings, this.gate,
					ObservationRegistry.NOOP, null, this.clock);
			RimeStressTestJob job = client.startStressTest(this.config, this.emulator.defaultProjectId());
			watcher.watch(job, this.emulator.defaultProjectId());
			watcher.start();
			this.gate.awaitCycles(2);
			// Only the read of one job waits (one path segment after /v1/jobs/), not the list calls.
			this.emulator.faults().add(Fault.on("GET", "/v1/jobs/*").latency(Duration.ofSeconds(3)));
			this.clock.advance(PENDING.plus(RUNNING));
			Awaitility.await().until(() -> this.emulator.requests().stream()
				.anyMatch((request) -> request.path().equals("/v1/jobs/" + job.jobId())));
			watcher.stop();
			assertThat(watcher.isRunning()).isFalse();
			assertThat(this.log.list).anySatisfy((event) -> assertThat(event.getFormattedMessage())
				.contains("did not finish within 200ms", "abandoned"));
			// The read answers SUCCEEDED after 3 s, to an abandoned cycle: no PENDING -> SUCCEEDED, no finish.
			Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(published::isEmpty);
		}
	}

	private RimeClient otherClient() {
		return RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.defaultProjectId(this.emulator.defaultProjectId())
			.build();
	}

}
