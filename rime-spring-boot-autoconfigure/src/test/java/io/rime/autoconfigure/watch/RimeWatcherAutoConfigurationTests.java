package io.rime.autoconfigure.watch;

import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.TaskScheduler;

import io.rime.autoconfigure.InvalidRimeConfigurationException;
import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.RimeClientBuilderCustomizer;
import io.rime.autoconfigure.endpoint.RimeEndpointAutoConfiguration;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.client.RimeStressTestJob;
import io.rime.emulator.RimeEmulator;
import io.rime.endpoint.RimeEndpoint;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeJobWatcherMetrics;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.RimeWatcherSettings;
import io.rime.watch.WatcherTestSupport;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.observation.DefaultRimeWatcherPollObservationConvention;
import io.rime.watch.observation.RimeWatcherPollObservationConvention;
import io.rime.emulator.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher's auto-configuration: off by default, on by property, each bean replaceable, and
 * working without actuator or Micrometer on the class path.
 */
class RimeWatcherAutoConfigurationTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	private RimeEmulator emulator;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(this.clock);
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.address=" + this.emulator.baseUrl(), "rime.api-key=" + this.emulator.apiKey(),
					"rime.default-project-id=" + this.emulator.defaultProjectId(), "rime.retry.enabled=false");
	}

	@AfterEach
	void stopEmulator() {
		this.emulator.close();
	}

	@Test
	void theWatcherIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(RimeClient.class)
				.doesNotHaveBean(RimeJobWatcher.class)
				.doesNotHaveBean(RimeWatcherGate.class)
				.doesNotHaveBean(RimeWatcherProperties.class)
				.doesNotHaveBean("rimeWatcherJobStartCustomizer");
		});
	}

	@Test
	void thePropertyTurnsItOnWithTheDefaults() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RimeJobWatcher.class)
				.hasSingleBean(RimeJobWatcherMetrics.class)
				.hasBean("rimeWatcherJobStartCustomizer");
			assertThat(context.getBean(RimeWatcherGate.class)).isSameAs(RimeWatcherGate.ALWAYS);
			RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
			assertThat(watcher.isRunning()).isTrue();
			assertThat(watcher.settings()).isEqualTo(RimeWatcherSettings.defaults());
			assertThat(watcher.state().pollInterval()).isEqualTo(Duration.ofSeconds(5));
		});
	}

	@Test
	void propertiesSetThePolling() {
		this.contextRunner
			.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=250ms",
					"rime.watcher.project-ids=p1,p2", "rime.watcher.project-refresh-interval=1m",
					"rime.watcher.shutdown-timeout=3s", "rime.watcher.finished-history-size=7")
			.run((context) -> assertThat(context.getBean(RimeJobWatcher.class).settings()).isEqualTo(
					new RimeWatcherSettings(Duration.ofMillis(250), List.of("p1", "p2"), Duration.ofMinutes(1),
							Duration.ofSeconds(3), 7)));
	}

	@Test
	void anApplicationsGateReplacesTheDefaultAndAClosedGateSendsRimeNothing() {
		AtomicInteger asked = new AtomicInteger();
		RimeWatcherGate never = () -> asked.incrementAndGet() < 0;
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=20ms")
			.withBean(RimeWatcherGate.class, () -> never)
			.run((context) -> {
				assertThat(context.getBean(RimeWatcherGate.class)).isSameAs(never);
				RimeJobWatcher watcher = context.getBean(RimeJobWatcher.class);
				int requests = this.emulator.requests().size();
				// cycles come due every 20 ms and ask the gate, which keeps them from polling
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() >= 5);
				assertThat(watcher.state().lastPoll()).isNull();
				assertThat(this.emulator.requests()).hasSize(requests);
			});
	}

	@Test
	void anApplicationsWatcherReplacesTheDefault() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true")
			.withBean("myWatcher", RimeJobWatcher.class,
					() -> new RimeJobWatcher(RimeClient.builder().address(this.emulator.baseUrl()).build(),
							(event) -> {
							}, RimeWatcherSettings.defaults(), RimeWatcherGate.ALWAYS,
							io.micrometer.observation.ObservationRegistry.NOOP, null, java.time.Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(RimeJobWatcher.class).hasBean("myWatcher"));
	}

	@Test
	void anApplicationsPollObservationConventionNamesThePollCycles() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=20ms")
			.withBean(ObservationRegistry.class, () -> registry)
			.withBean(RimeWatcherPollObservationConvention.class,
					() -> new DefaultRimeWatcherPollObservationConvention("my.rime.poll"))
			.run((context) -> Awaitility.await()
				.untilAsserted(() -> TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("my.rime.poll")
					.that()
					.hasContextualNameEqualTo("rime watcher poll")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS")));
	}

	@Test
	void withoutAClientThereIsNoWatcher() {
		this.contextRunner.withPropertyValues("rime.enabled=false", "rime.watcher.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(RimeClient.class)
				.doesNotHaveBean(RimeJobWatcher.class));
	}

	@Test
	void theJobStartHookIsARimeClientBuilderCustomizer() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true").run((context) -> {
			Map<String, RimeClientBuilderCustomizer> customizers = context
				.getBeansOfType(RimeClientBuilderCustomizer.class);
			assertThat(customizers).containsKey("rimeWatcherJobStartCustomizer");
		});
	}

	@Test
	void withoutActuatorTheWatcherStillWorksAndThereIsNoEndpoint() {
		RecordedEvents events = new RecordedEvents();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(RimeEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=50ms",
					"management.endpoints.web.exposure.include=*")
			.withBean(RecordedEvents.class, () -> events)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(RimeEndpoint.class);
				Map<String, Object> config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
				RimeStressTestJob job = context.getBean(RimeClient.class).startStressTest(config);
				this.clock.advance(WatcherTestSupport.PENDING.plus(WatcherTestSupport.RUNNING));
				events.awaitFinished(job.jobId(), JobStatus.SUCCEEDED);
			});
	}

	@Test
	void withoutMicrometerTheWatcherWorksWithoutMeters() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class))
			.withPropertyValues("rime.watcher.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(RimeJobWatcher.class)
				.doesNotHaveBean(RimeJobWatcherMetrics.class));
	}

	@Test
	void theStarterNeitherEnablesSchedulingNorRegistersATaskScheduler() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true").run((context) -> {
			assertThat(context).doesNotHaveBean(TaskScheduler.class)
				.doesNotHaveBean("org.springframework.context.annotation.internalScheduledAnnotationProcessor");
			assertThat(context.getBean(RimeJobWatcher.class).isRunning()).isTrue();
		});
	}

	@Test
	void aPollIntervalOfZeroFailsAtStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.poll-interval=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessage("Invalid value '0s' for property 'rime.watcher.poll-interval': expected a positive"
						+ " duration. Set 'rime.watcher.poll-interval' to a positive duration, such as 5s."));
	}

	@Test
	void aBlankProjectIdFailsAtStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("rime.watcher.enabled=true", "rime.watcher.project-ids[0]= ")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidRimeConfigurationException.class)
				.hasMessageContaining("'rime.watcher.project-ids[0]'"));
	}

	@Test
	void everyWatcherPropertyIsDocumentedInTheConfigurationMetadata() throws Exception {
		String metadata = null;
		for (URL url : Collections.list(getClass().getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				if (text.contains("io.rime.autoconfigure.watch.RimeWatcherProperties")) {
					metadata = text;
				}
			}
		}
		assertThat(metadata).isNotNull()
			.contains("\"name\": \"rime.watcher.enabled\"", "\"name\": \"rime.watcher.poll-interval\"",
					"\"name\": \"rime.watcher.project-ids\"", "\"name\": \"rime.watcher.project-refresh-interval\"",
					"\"name\": \"rime.watcher.shutdown-timeout\"", "\"name\": \"rime.watcher.finished-history-size\"",
					"\"name\": \"management.endpoint.rime.access\"");
	}

}
