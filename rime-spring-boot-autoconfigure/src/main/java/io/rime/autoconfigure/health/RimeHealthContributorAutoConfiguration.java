package io.rime.autoconfigure.health;

import java.time.Clock;

import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.RimeProperties;
import io.rime.autoconfigure.RimeThreads;
import io.rime.client.RimeClient;
import io.rime.health.RimeHealthIndicator;
import io.rime.health.RimeHealthMetrics;
import io.rime.watch.RimeJobWatcher;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * the {@code rime} health indicator, on when Spring Boot's health support is present and
 * {@code management.health.rime.enabled} is not false.
 */
@AutoConfiguration(after = RimeAutoConfiguration.class)
@ConditionalOnClass({ RimeClient.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnSingleCandidate(RimeClient.class)
@ConditionalOnEnabledHealthIndicator("rime")
@EnableConfigurationProperties(RimeProperties.class)
public final class RimeHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "rimeHealthIndicator", "rimeHealthContributor" })
	RimeHealthIndicator rimeHealthIndicator(RimeClient client, RimeProperties properties,
			ObjectProvider<RimeJobWatcher> watcher, ObjectProvider<SimpleAsyncTaskSchedulerBuilder> schedulerBuilder,
			Environment environment) {
		RimeHealthIndicator indicator = new RimeHealthIndicator(client, properties.getHealth().getTimeout(),
				properties.getHealth().getCacheTtl(), Clock.systemUTC(), () -> {
					RimeJobWatcher jobWatcher = watcher.getIfUnique();
					return (jobWatcher != null) ? jobWatcher.state() : null;
				});
		indicator.setThreadFactory(RimeThreads.threadFactory(schedulerBuilder, environment, "rime-health-check-"));
		return indicator;
	}

	/**
	 * The {@code rime.health} gauge, when Micrometer is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class RimeHealthMetricsConfiguration {

		// The indicator is looked up when meters are bound, after this configuration's beans are
		// known; an indicator of the application's own under the same name has no cached result.
		@Bean
		@ConditionalOnMissingBean(name = "rimeHealthMetrics")
		MeterBinder rimeHealthMetrics(ObjectProvider<RimeHealthIndicator> healthIndicator) {
			return (registry) -> healthIndicator.ifUnique((indicator) -> new RimeHealthMetrics(indicator).bindTo(registry));
		}

	}

}
