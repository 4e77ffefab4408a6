package io.rime.autoconfigure.watch;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import io.rime.autoconfigure.RimeClientBuilderCustomizer;
import io.rime.autoconfigure.RimeThreads;
import io.rime.client.RimeClient;
import io.rime.watch.RimeJobWatcher;
import io.rime.watch.RimeJobWatcherMetrics;
import io.rime.watch.RimeWatcherGate;
import io.rime.watch.RimeWatcherLedger;
import io.rime.watch.RimeWatcherSettings;
import io.rime.watch.observation.RimeWatcherPollObservationConvention;


import static io.rime.autoconfigure.RimeConfigurationChecks.invalid;
import static io.rime.autoconfigure.RimeConfigurationChecks.notNegative;
import static io.rime.autoconfigure.RimeConfigurationChecks.positive;
/**
 * The configurations imported by {@link RimeWatcherAutoConfiguration}, in order, each with its own
 * condition. Each repeats the conditions it needs, so that an application that component-scans
 * this package gets nothing it did not switch on.
 */
final class RimeWatcherConfigurations {

	private RimeWatcherConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("rime.watcher.enabled")
	@ConditionalOnSingleCandidate(RimeClient.class)
	@EnableConfigurationProperties(RimeWatcherProperties.class)
	static class RimeJobWatcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RimeWatcherGate rimeWatcherGate() {
			return RimeWatcherGate.ALWAYS;
		}

		/**
		 * Hands every job started through the auto-configured {@code RimeClient} to the watcher. It
		 * runs first, so a {@link RimeClientBuilderCustomizer} of the application's that sets its own
		 * {@code jobStartListener} replaces it.
		 * @param watcher the watcher, looked up when a job starts
		 * @return the customizer
		 */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		@ConditionalOnMissingBean(name = "rimeWatcherJobStartCustomizer")
		RimeClientBuilderCustomizer rimeWatcherJobStartCustomizer(ObjectProvider<RimeJobWatcher> watcher) {
			return (builder) -> builder.addJobStartListener((job, projectId) -> {
				RimeJobWatcher jobWatcher = watcher.getIfUnique();
				if (jobWatcher != null) {
					jobWatcher.watch(job, projectId);
				}
			});
		}

		@Bean
		@ConditionalOnMissingBean
		RimeJobWatcher rimeJobWatcher(RimeClient client, ApplicationContext context,
				RimeWatcherProperties properties, RimeWatcherGate gate,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<RimeWatcherPollObservationConvention> observationConvention,
				ObjectProvider<RimeWatcherLedger> ledger, ObjectProvider<SimpleAsyncTaskSchedulerBuilder> schedulerBuilder) {
			RimeJobWatcher watcher = new RimeJobWatcher(client, eventPublisher(context), settings(properties), gate,
					ledger.getIfUnique(RimeWatcherLedger::inMemory),
					observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP), observationConvention.getIfUnique(),
					Clock.systemUTC());
			watcher.setThreadFactory(
					RimeThreads.threadFactory(schedulerBuilder, context.getEnvironment(), "rime-watcher-"));
			return watcher;
		}

		// Every context Spring creates is an AbstractApplicationContext; any other keeps Spring's
		// own semantics, where a listener that throws hides the event from those after it.
		private static ApplicationEventPublisher eventPublisher(ApplicationContext context) {
			return (context instanceof AbstractApplicationContext listenersKnown)
					? new ListenerIsolatingEventPublisher(listenersKnown) : context;
		}

		static RimeWatcherSettings settings(RimeWatcherProperties properties) {
			Duration pollInterval = positive(properties.getPollInterval(), "rime.watcher.poll-interval", "5s");
			Duration projectRefreshInterval = positive(properties.getProjectRefreshInterval(),
					"rime.watcher.project-refresh-interval", "5m");
			Duration shutdownTimeout = notNegative(properties.getShutdownTimeout(), "rime.watcher.shutdown-timeout",
					"10s");
			List<String> projectIds = properties.getProjectIds();
			for (int i = 0; i < projectIds.size(); i++) {
				String id = projectIds.get(i);
				// A dot segment would reach another endpoint; the SDK refuses it, but only at each poll.
				if (id == null || id.isBlank() || id.strip().equals(".") || id.strip().equals("..")) {
					String property = "rime.watcher.project-ids[" + i + "]";
					throw invalid(property, id, "a project id (not blank, '.' or '..')",
							"Set '" + property + "' to the id of a RIME project, or remove it.");
				}
			}
			if (properties.getFinishedHistorySize() < 0) {
				throw invalid("rime.watcher.finished-history-size", properties.getFinishedHistorySize(),
						"0 or more", "Set 'rime.watcher.finished-history-size' to 0 or more, or remove it to use"
								+ " the default.");
			}
			return new RimeWatcherSettings(pollInterval, projectIds, projectRefreshInterval, shutdownTimeout,
					properties.getFinishedHistorySize());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	@ConditionalOnBean(RimeJobWatcher.class)
	static class RimeWatcherMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RimeJobWatcherMetrics rimeJobWatcherMetrics(RimeJobWatcher watcher) {
			return new RimeJobWatcherMetrics(watcher);
		}

	}

}
