package io.rime.test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobFinishedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's events reach Spring's {@code @RecordApplicationEvents} and listeners added after
 * the first event, while a listener that throws still hides them from nobody.
 */
@SpringBootTest(properties = { "rime.watcher.enabled=true", "rime.watcher.poll-interval=50ms" })
@AutoConfigureRimeEmulator(pendingDuration = "10ms", runningDuration = "100ms")
@RecordApplicationEvents
@Import(RecordedRimeEventsTests.ThrowingListenerConfiguration.class)
class RecordedRimeEventsTests {

	@Autowired
	private ApplicationEvents events;

	@Autowired
	private RimeClient rime;

	@Autowired
	private RimeEmulator emulator;

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private AtomicInteger thrown;

	@Test
	void recordedEventsAndLateListenersGetTheEventsWhileAnEarlierListenerThrows() {
		String first = start();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> finished(this.events).contains(first));
		List<String> late = new CopyOnWriteArrayList<>();
		this.context.addApplicationListener((ApplicationListener<RimeJobFinishedEvent>) (event) -> late.add(event.jobId()));

		String second = start();

		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> late.contains(second));
		assertThat(finished(this.events)).containsExactly(first, second);
		assertThat(late).containsExactly(second);
		assertThat(this.thrown).hasValue(2);
	}

	private String start() {
		String projectId = this.emulator.defaultProjectId();
		return this.rime.startStressTest(this.emulator.seed().testRunConfig(projectId), projectId).jobId();
	}

	private static List<String> finished(ApplicationEvents events) {
		return events.stream(RimeJobFinishedEvent.class)
			.filter((event) -> event.status() == JobStatus.SUCCEEDED)
			.map(RimeJobFinishedEvent::jobId)
			.toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ThrowingListenerConfiguration {

		@Bean
		AtomicInteger thrown() {
			return new AtomicInteger();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		ApplicationListener<RimeJobFinishedEvent> throwingListener(AtomicInteger thrown) {
			return (event) -> {
				thrown.incrementAndGet();
				throw new IllegalStateException("a listener that fails");
			};
		}

	}

}
