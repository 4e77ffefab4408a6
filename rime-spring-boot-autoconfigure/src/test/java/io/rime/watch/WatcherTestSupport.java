package io.rime.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

import io.rime.client.JobStatus;
import io.rime.emulator.RimeEmulator;
import io.rime.emulator.MutableClock;

/**
 * Shared set-up of the watcher tests: an emulator on a hand-moved clock (its
 * {@link RimeEmulator#seed()} gives test run configs), a listener that records the watcher's events
 * and a gate that tests can close and count.
 */
public final class WatcherTestSupport {

	public static final String API_KEY = "sk-watcher-test-0123456789abcdef";

	public static final Duration PENDING = Duration.ofSeconds(10);

	public static final Duration RUNNING = Duration.ofSeconds(20);

	public static final Duration CANCEL = Duration.ofSeconds(1);

	public static final Duration TTL = Duration.ofMinutes(10);

	private WatcherTestSupport() {
	}

	/** An emulator whose jobs move only when the test moves the clock. */
	public static RimeEmulator emulator(MutableClock clock) {
		return RimeEmulator.builder()
			.apiKey(API_KEY)
			.clock(clock)
			.pendingDuration(PENDING)
			.runningDuration(RUNNING)
			.cancelDuration(CANCEL)
			.validationDuration(Duration.ofMillis(1))
			.jobTtl(TTL)
			.testCasesPerRun(1)
			.build()
			.start();
	}

	public static String[] properties(RimeEmulator emulator, String... more) {
		List<String> properties = new ArrayList<>(List.of("rime.address=" + emulator.baseUrl(),
				"rime.api-key=" + emulator.apiKey(), "rime.default-project-id=" + emulator.defaultProjectId(),
				"rime.retry.enabled=false", "rime.watcher.enabled=true", "rime.watcher.poll-interval=50ms",
				"rime.watcher.shutdown-timeout=5s"));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

	/** Records the watcher's events in the order they were published. */
	public static final class RecordedEvents implements ApplicationListener<ApplicationEvent>, Ordered {

		public final List<ApplicationEvent> events = new CopyOnWriteArrayList<>();

		public final List<Instant> receivedAt = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof RimeJobFinishedEvent || event instanceof RimeJobStatusChangedEvent) {
				this.events.add(event);
				this.receivedAt.add(Instant.now());
			}
		}

		@Override
		public int getOrder() {
			return 0;
		}

		public List<RimeJobFinishedEvent> finished() {
			return this.events.stream()
				.filter(RimeJobFinishedEvent.class::isInstance)
				.map(RimeJobFinishedEvent.class::cast)
				.toList();
		}

		public List<RimeJobFinishedEvent> finished(String jobId) {
			return finished().stream().filter((event) -> event.jobId().equals(jobId)).toList();
		}

		public List<String> changes(String jobId) {
			return this.events.stream()
				.filter(RimeJobStatusChangedEvent.class::isInstance)
				.map(RimeJobStatusChangedEvent.class::cast)
				.filter((event) -> event.jobId().equals(jobId))
				.map((event) -> event.previousStatus() + "->" + event.status())
				.toList();
		}

		/** The job's events in order, as "A->B" for changes and "finished:S" for the end. */
		public List<String> timeline(String jobId) {
			List<String> timeline = new ArrayList<>();
			for (ApplicationEvent event : this.events) {
				if (event instanceof RimeJobStatusChangedEvent changed && changed.jobId().equals(jobId)) {
					timeline.add(changed.previousStatus() + "->" + changed.status());
				}
				if (event instanceof RimeJobFinishedEvent finished && finished.jobId().equals(jobId)) {
					timeline.add("finished:" + finished.status());
				}
			}
			return timeline;
		}

		public RimeJobFinishedEvent awaitFinished(String jobId, JobStatus status) {
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !finished(jobId).isEmpty());
			RimeJobFinishedEvent event = finished(jobId).get(0);
			if (event.status() != status) {
				throw new AssertionError("Job " + jobId + " finished as " + event.status() + ", expected " + status
						+ ": " + event.reason());
			}
			return event;
		}

	}

	/** A gate that tests can close, and that counts the cycles that asked it. */
	public static final class TestGate implements RimeWatcherGate {

		public final AtomicBoolean open = new AtomicBoolean(true);

		public final AtomicInteger asked = new AtomicInteger();

		@Override
		public boolean mayPollAndPublish() {
			this.asked.incrementAndGet();
			return this.open.get();
		}

		/** Waits until at least the given number of further cycles have started. */
		public void awaitCycles(int cycles) {
			int target = this.asked.get() + cycles;
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.asked.get() >= target);
		}

	}

}
