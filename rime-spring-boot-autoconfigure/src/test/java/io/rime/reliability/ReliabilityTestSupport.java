package io.rime.reliability;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.health.RimeHealthContributorAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.WatcherTestSupport.RecordedEvents;

/**
 * What the reliability suites share: the starter as an application gets it (client with retries,
 * watcher, health indicator, retry counter) pointed at an emulator, and the summary table they print.
 */
final class ReliabilityTestSupport {

	private ReliabilityTestSupport() {
	}

	/**
	 * A context runner with the client, the watcher and the health indicator, a meter registry for
	 * {@code rime.client.retries}, and the given listener recording the watcher's events. Retries are
	 * on with short delays, so that a run spends its time on faults rather than on waiting.
	 */
	static ApplicationContextRunner contextRunner(RimeEmulator emulator, RecordedEvents events, String... more) {
		return contextRunner(emulator, emulator.baseUrl(), events, more);
	}

	/**
	 * A context runner as {@link #contextRunner(RimeEmulator, RecordedEvents, String...)}, with the
	 * client pointed at an address in front of the emulator.
	 */
	static ApplicationContextRunner contextRunner(RimeEmulator emulator, URI address, RecordedEvents events,
			String... more) {
		List<String> properties = new ArrayList<>(List.of("rime.address=" + address,
				"rime.api-key=" + emulator.apiKey(), "rime.default-project-id=" + emulator.defaultProjectId(),
				"rime.read-timeout=5s", "rime.retry.max-retries=3", "rime.retry.delay=10ms",
				"rime.retry.max-delay=100ms", "rime.retry.jitter=5ms", "rime.retry.timeout=5s",
				"rime.watcher.enabled=true", "rime.watcher.shutdown-timeout=5s"));
		properties.addAll(List.of(more));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class,
					RimeHealthContributorAutoConfiguration.class))
			.withPropertyValues(properties.toArray(String[]::new))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean(RecordedEvents.class, () -> events);
	}

	/** The retries the client made, the watcher's included, from {@code rime.client.retries}. */
	static long retries(MeterRegistry registry) {
		return Math.round(registry.find("rime.client.retries").counters().stream().mapToDouble((c) -> c.count()).sum());
	}

	/** Rows of figures printed as one aligned table. */
	static final class SummaryTable {

		private final String title;

		private final Map<String, Object> rows = new LinkedHashMap<>();

		SummaryTable(String title) {
			this.title = title;
		}

		SummaryTable row(String name, Object value) {
			this.rows.put(name, value);
			return this;
		}

		void print() {
			int width = this.rows.keySet().stream().mapToInt(String::length).max().orElse(0);
			StringBuilder table = new StringBuilder(System.lineSeparator()).append(this.title)
				.append(System.lineSeparator());
			this.rows.forEach((name, value) -> table.append(String.format("  %-" + width + "s  %s%n", name, value)));
			System.out.print(table);
		}

	}

}
