package io.rime.autoconfigure.watch;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherClusterConfigurations.MissingClusterLibrariesConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherClusterConfigurations.RimeWatcherJdbcClusterConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherConfigurations.RimeJobWatcherConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherConfigurations.RimeWatcherMetricsConfiguration;
import io.rime.client.RimeClient;
import io.rime.watch.RimeJobWatcher;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link RimeJobWatcher}, on with {@code rime.watcher.enabled=true}. It runs on a private thread:
 * it neither turns on {@code @EnableScheduling} nor registers a {@code TaskScheduler} bean. With
 * {@code rime.watcher.cluster.enabled=true} the instances of a service elect one watcher through
 * Spring Integration's JDBC lock and share a ledger in the database.
 */
@AutoConfiguration(after = RimeAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration" })
@ConditionalOnClass(RimeClient.class)
@ConditionalOnBooleanProperty("rime.watcher.enabled")
@EnableConfigurationProperties(RimeWatcherProperties.class)
@Import({ MissingClusterLibrariesConfiguration.class, RimeWatcherJdbcClusterConfiguration.class,
		RimeJobWatcherConfiguration.class, RimeWatcherMetricsConfiguration.class })
public final class RimeWatcherAutoConfiguration {

}
