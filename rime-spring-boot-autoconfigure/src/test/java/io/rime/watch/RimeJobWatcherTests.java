package io.rime.watch;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.rime.client.CustomImage;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.client.results.RimeTestRun;
import io.rime.emulator.RecordedRequest;
import io.rime.watch.WatcherTestSupport.RecordedEvents;

import static io.rime.watch.WatcherTestSupport.PENDING;
import static io.rime.watch.WatcherTestSupport.RUNNING;
import static io.rime.watch.WatcherTestSupport.TTL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The watcher against the emulator over loopback: jobs move only when the test moves the
 * emulator's clock, and the watcher polls every 50 ms. Outages and shutdown are in
 * {@link RimeJobWatcherOutageAndShutdownTests}.
 */
class RimeJobWatcherTests extends AbstractRimeJobWatcherTests {

	@Test
	void eachFinalStatusIsAnnouncedExactlyOnceIncludingAJobThatExpiredWhileWatched() {
		this.contextRunner.run((context) -> {
			RimeClient client = context.getBean(RimeClient.class);
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			RimeStressTestJob succeeds = client.startStressTest(this.config);
			RimeStressTestJob fails = client.startStressTest(this.config, null,
					new CustomImage("registry.example.com/does-not-exist:1"));
			RimeStressTestJob cancelled = client.startStressTest(this.config);
			this.gate.awaitCycles(2);
			assertThat(watcher.watchedJobs()).extracting(WatchedJob::jobId)
				.contains(succeeds.jobId(), fails.jobId(), cancelled.jobId());
			cancelled.cancel();
			this.clock.advance(PENDING.plus(RUNNING).plusSeconds(1));

			RimeJobFinishedEvent success = this.events.awaitFinished(succeeds.jobId(), JobStatus.SUCCEEDED);
			assertThat(success.succeeded()).isTrue();
			assertThat(success.job()).isSameAs(succeeds);
			assertThat(success.projectId()).isEqualTo(this.emulator.defaultProjectId());
			assertThat(success.reason()).contains("succeeded");
			RimeJobFinishedEvent failure = this.events.awaitFinished(fails.jobId(), JobStatus.FAILING);
			assertThat(failure.succeeded()).isFalse();
			assertThat(failure.errorMessage()).isNotBlank();
			assertThat(failure.reason()).contains("failed: " + failure.errorMessage());
			assertThat(this.events.awaitFinished(cancelled.jobId(), JobStatus.CANCELLED).metadata()
				.cancellationRequested()).isTrue();

			// A job that ends and expires while the watcher cannot look.
			RimeStressTestJob expires = client.startStressTest(this.config);
			this.gate.awaitCycles(2);
			assertThat(watcher.watchedJobs()).extracting(WatchedJob::jobId).contains(expires.jobId());
			this.gate.open.set(false);
			this.gate.awaitCycles(1);
			this.clock.advance(PENDING.plus(RUNNING).plus(TTL).plusMinutes(1));
			this.gate.open.set(true);
			RimeJobFinishedEvent unknown = this.events.awaitFinished(expires.jobId(), JobStatus.UNKNOWN_JOB_STATUS);
			assertThat(unknown.reason()).contains("no longer knows", "404", expires.jobId());
			assertThat(unknown.succeeded()).isFalse();

			this.gate.awaitCycles(5);
			for (RimeStressTestJob job : List.of(succeeds, fails, cancelled, expires)) {
				assertThat(this.events.finished(job.jobId())).hasSize(1);
			}
			assertThat(watcher.watchedJobs()).isEmpty();
			assertThat(watcher.finishedJobs()).extracting(FinishedJob::status)
				.containsExactlyInAnyOrder(JobStatus.UNKNOWN_JOB_STATUS, JobStatus.SUCCEEDED, JobStatus.FAILING,
						JobStatus.CANCELLED);
			assertThat(watcher.finishedJobs().get(0).jobId()).isEqualTo(expires.jobId());
		});
	}

	@Test
	void aSucceededJobsEventOffersItsTestRunReadOnceAndAFailedJobsEventRefusesIt() {
		this.contextRunner.run((context) -> {
			RimeClient client = context.getBean(RimeClient.class);
			RimeStressTestJob succeeds = client.startStressTest(this.config);
			RimeStressTestJob fails = client.startStressTest(this.config, null,
					new CustomImage("registry.example.com/does-not-exist:1"));
			this.gate.awaitCycles(2);
			this.clock.advance(PENDING.plus(RUNNING).plusSeconds(1));
			RimeJobFinishedEvent success = this.events.awaitFinished(succeeds.jobId(), JobStatus.SUCCEEDED);
			RimeJobFinishedEvent failure = this.events.awaitFinished(fails.jobId(), JobStatus.FAILING);

			RimeTestRun run = success.testRun();
			RimeTestRun again = success.testRun();

			assertThat(run.summaryCounts().total()).isPositive();
			assertThat(run.testBatches()).isNotEmpty();
			assertThat(again).isSameAs(run);
			assertThat(this.emulator.requests()).filteredOn((request) -> request.path().startsWith("/v1/test-runs/"))
				.hasSize(1);
			assertThatIllegalStateException().isThrownBy(failure::testRun)
				.withMessageContaining("only a job that SUCCEEDED has a test run");
		});
	}

	@Test
	void statusChangesArePublishedInOrderBeforeTheFinishedEvent() {
		this.contextRunner.run((context) -> {
			RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(this.config);
			this.gate.awaitCycles(2);
			assertThat(this.events.timeline(job.jobId())).isEmpty();
			this.clock.advance(PENDING);
			Awaitility.await().until(() -> this.events.changes(job.jobId()).size() == 1);
			this.clock.advance(RUNNING);
			this.events.awaitFinished(job.jobId(), JobStatus.SUCCEEDED);
			this.gate.awaitCycles(3);
			assertThat(this.events.timeline(job.jobId())).containsExactly("PENDING->RUNNING", "RUNNING->SUCCEEDED",
					"finished:SUCCEEDED");
		});
	}

	@Test
	void activeJobsOfOtherClientsInTheWatchedProjectsAreWatchedAndTheirHandleIsFetchedOnDemand() {
		try (RimeClient other = otherClient()) {
			RimeStressTestJob job = other.startStressTest(this.config);
			this.contextRunner.run((context) -> {
				this.gate.awaitCycles(2);
				assertThat(context.getBean(RimeJobWatcher.class).watchedJobs())
					.extracting(WatchedJob::jobId, WatchedJob::projectId, WatchedJob::status)
					.containsExactly(tuple(job.jobId(), this.emulator.defaultProjectId(), JobStatus.PENDING));
				this.clock.advance(PENDING);
				Awaitility.await().until(() -> this.events.changes(job.jobId()).size() == 1);
				this.clock.advance(RUNNING);
				RimeJobFinishedEvent finished = this.events.awaitFinished(job.jobId(), JobStatus.SUCCEEDED);
				assertThat(finished.job()).isEqualTo(job);
				assertThat(this.events.timeline(job.jobId())).containsExactly("PENDING->RUNNING",
						"RUNNING->SUCCEEDED", "finished:SUCCEEDED");
			});
		}
	}

	@Test
	void jobsStartedThroughTheContextsClientAreWatchedWithoutFurtherConfiguration() {
		// The watched project list does not include the default project: only the client hook can know.
		this.contextRunner.withPropertyValues("rime.watcher.project-ids=" + UUID.randomUUID()).run((context) -> {
			RimeClient client = context.getBean(RimeClient.class);
			RimeStressTestJob job = client.startStressTest(this.config);
			this.gate.awaitCycles(2);
			assertThat(context.getBean(RimeJobWatcher.class).watchedJobs()).extracting(WatchedJob::jobId)
				.containsExactly(job.jobId());
			this.clock.advance(PENDING.plus(RUNNING));
			assertThat(this.events.awaitFinished(job.jobId(), JobStatus.SUCCEEDED).job()).isSameAs(job);
		});
	}

	@Test
	void withProjectIdsSetOnlyThoseProjectsAreListed() {
		try (RimeClient other = otherClient()) {
			String elsewhere = other.createProject("elsewhere", "not watched").projectId();
			RimeStressTestJob unwatched = other.startStressTest(
					this.emulator.seed().testRunConfig(elsewhere), elsewhere);
			RimeStressTestJob watched = other.startStressTest(this.config);
			this.contextRunner.withPropertyValues("rime.watcher.project-ids=" + this.emulator.defaultProjectId())
				.run((context) -> {
					this.gate.awaitCycles(2);
					assertThat(context.getBean(RimeJobWatcher.class).watchedJobs()).extracting(WatchedJob::jobId)
						.containsExactly(watched.jobId());
					List<RecordedRequest> reads = this.emulator.requests()
						.stream()
						.filter((request) -> request.method().equals("GET"))
						.toList();
					assertThat(reads).extracting(RecordedRequest::path)
						.anyMatch((path) -> path.startsWith("/v1/jobs/project/" + this.emulator.defaultProjectId()))
						.noneMatch((path) -> path.startsWith("/v1/projects"))
						.noneMatch((path) -> path.contains(elsewhere));
					assertThat(unwatched.getStatus().status()).isEqualTo(JobStatus.PENDING);
				});
		}
	}

	@Test
	void withoutProjectIdsTheProjectListIsReadOnceAndAgainOnlyAfterTheRefreshInterval() {
		this.contextRunner.run((context) -> {
			this.gate.awaitCycles(5);
			assertThat(projectListReads()).as("project list reads in 5 cycles, refresh every 5 minutes").isOne();
		});
		try (RimeClient other = otherClient()) {
			this.contextRunner.withPropertyValues("rime.watcher.project-refresh-interval=100ms").run((context) -> {
				this.gate.awaitCycles(2);
				String later = other.createProject("later", "created after the watcher started").projectId();
				RimeStressTestJob job = other
					.startStressTest(this.emulator.seed().testRunConfig(later), later);
				Awaitility.await().until(() -> context.getBean(RimeJobWatcher.class).watchedJobs().stream()
					.anyMatch((watched) -> watched.jobId().equals(job.jobId())));
			});
		}
	}

	private long projectListReads() {
		return this.emulator.requests()
			.stream()
			.filter((request) -> request.method().equals("GET") && request.path().startsWith("/v1/projects"))
			.count();
	}

	@Test
	void jobsThatHadAlreadyFinishedWhenTheApplicationStartedAreNotAnnounced() {
		try (RimeClient other = otherClient()) {
			RimeStressTestJob done = other.startStressTest(this.config);
			this.clock.advance(PENDING.plus(RUNNING));
			assertThat(done.getStatus().status()).isEqualTo(JobStatus.SUCCEEDED);
			this.contextRunner.run((context) -> {
				this.gate.awaitCycles(4);
				assertThat(this.events.events).isEmpty();
				assertThat(context.getBean(RimeJobWatcher.class).watchedJobs()).isEmpty();
			});
		}
	}

	@Test
	void startingTheApplicationSendsRimeNothingTheFirstCycleWaitsOneInterval() {
		int before = this.emulator.requests().size();
		this.contextRunner.withPropertyValues("rime.watcher.poll-interval=5s").run((context) -> {
			assertThat(context.getBean(RimeJobWatcher.class).isRunning()).isTrue();
			// nothing during the first 2 s of the interval, then the first cycle
			Awaitility.await()
				.during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(3))
				.until(() -> this.emulator.requests().size() == before && this.gate.asked.get() == 0);
			Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> this.gate.asked.get() > 0);
		});
	}

	@Test
	void aListenerThatThrowsIsLoggedAndStopsNeitherTheWatcherNorTheOtherListeners() {
		ThrowingListener throwing = new ThrowingListener();
		AnnotatedListener annotated = new AnnotatedListener();
		this.contextRunner.withBean(ThrowingListener.class, () -> throwing)
			.withBean(AnnotatedListener.class, () -> annotated)
			.run((context) -> {
				RimeClient client = context.getBean(RimeClient.class);
				RimeStressTestJob first = client.startStressTest(this.config);
				this.gate.awaitCycles(2);
				this.clock.advance(PENDING.plus(RUNNING));
				this.events.awaitFinished(first.jobId(), JobStatus.SUCCEEDED);
				RimeStressTestJob second = client.startStressTest(this.config);
				this.gate.awaitCycles(2);
				this.clock.advance(PENDING.plus(RUNNING));
				this.events.awaitFinished(second.jobId(), JobStatus.SUCCEEDED);
				this.gate.awaitCycles(3);
				// The throwing listener runs first; the bean listener and the @EventListener after it get every event.
				assertThat(throwing.calls).isEqualTo(2);
				assertThat(this.events.finished()).extracting(RimeJobFinishedEvent::jobId)
					.containsExactly(first.jobId(), second.jobId());
				assertThat(annotated.finished).containsExactly(first.jobId(), second.jobId());
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				assertThat(watcher.isRunning()).isTrue();
				assertThat(watcher.state().consecutiveFailures()).isZero();
				assertThat(this.log.list).filteredOn((event) -> event.getLevel() == Level.WARN)
					.hasSize(2)
					.allSatisfy((event) -> assertThat(event.getFormattedMessage()).contains("listener",
							ThrowingListener.class.getSimpleName(), "failed on", "RimeJobFinishedEvent",
							"the other listeners still get it"));
			});
	}

	@Test
	void aParentContextGetsTheEventsAsWithPublishEvent() {
		RecordedEvents parentEvents = new RecordedEvents();
		try (AnnotationConfigApplicationContext parent = new AnnotationConfigApplicationContext()) {
			parent.registerBean(RecordedEvents.class, () -> parentEvents);
			parent.refresh();
			this.contextRunner.withParent(parent).run((context) -> {
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(this.config);
				this.gate.awaitCycles(2);
				this.clock.advance(PENDING.plus(RUNNING));
				this.events.awaitFinished(job.jobId(), JobStatus.SUCCEEDED);
				assertThat(parentEvents.awaitFinished(job.jobId(), JobStatus.SUCCEEDED).job()).isSameAs(job);
				assertThat(parentEvents.timeline(job.jobId())).isEqualTo(this.events.timeline(job.jobId()));
			});
		}
	}

	private RimeClient otherClient() {
		return RimeClient.builder()
			.address(this.emulator.baseUrl())
			.apiKey(this.emulator.apiKey())
			.defaultProjectId(this.emulator.defaultProjectId())
			.build();
	}

	static final class ThrowingListener implements ApplicationListener<RimeJobFinishedEvent>, Ordered {

		volatile int calls;

		@Override
		public void onApplicationEvent(RimeJobFinishedEvent event) {
			this.calls++;
			throw new IllegalStateException("This listener always fails");
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	static final class AnnotatedListener {

		final List<String> finished = new CopyOnWriteArrayList<>();

		@EventListener
		@Order(Ordered.LOWEST_PRECEDENCE)
		void onFinished(RimeJobFinishedEvent event) {
			this.finished.add(event.jobId());
		}

	}

}
