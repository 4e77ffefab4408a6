package io.rime.watch;

import java.time.Instant;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.emulator.MutableClock;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.WatcherTestSupport.RecordedEvents;
import io.rime.watch.WatcherTestSupport.TestGate;

/**
 * The watcher's tests against an emulator whose jobs move only when the test moves its clock, with
 * the watcher's events recorded, its gate under test control and its log captured.
 */
abstract class AbstractRimeJobWatcherTests {

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T08:00:00Z"));

	final TestGate gate = new TestGate();

	final RecordedEvents events = new RecordedEvents();

	final ListAppender<ILoggingEvent> log = new ListAppender<>();

	RimeEmulator emulator;

	Map<String, Object> config;

	ApplicationContextRunner contextRunner;

	@BeforeEach
	void startEmulator() {
		this.emulator = WatcherTestSupport.emulator(this.clock);
		this.config = this.emulator.seed().testRunConfig(this.emulator.defaultProjectId());
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class))
			.withPropertyValues(WatcherTestSupport.properties(this.emulator))
			.withBean(RimeWatcherGate.class, () -> this.gate)
			.withBean(RecordedEvents.class, () -> this.events);
		Logger logger = (Logger) LoggerFactory.getLogger(RimeJobWatcher.class);
		logger.setLevel(Level.INFO);
		this.log.start();
		logger.addAppender(this.log);
	}

	@AfterEach
	void stopEmulator() {
		((Logger) LoggerFactory.getLogger(RimeJobWatcher.class)).detachAppender(this.log);
		this.emulator.close();
	}

}
