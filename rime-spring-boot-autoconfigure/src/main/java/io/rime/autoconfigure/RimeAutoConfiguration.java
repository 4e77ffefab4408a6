package io.rime.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.rime.autoconfigure.RimeConfigurations.ApiKeySanitizingConfiguration;
import io.rime.autoconfigure.RimeConfigurations.MeterDescriptionsConfiguration;
import io.rime.autoconfigure.RimeConfigurations.RetryMetricsConfiguration;
import io.rime.autoconfigure.RimeConfigurations.RimeClientBuilderConfiguration;
import io.rime.autoconfigure.RimeConfigurations.RimeClientConfiguration;
import io.rime.autoconfigure.RimeConfigurations.UserRimeClientConfiguration;
import io.rime.autoconfigure.RimeConfigurations.VirtualThreadsConfiguration;
import io.rime.client.RimeClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} for
 * a {@link RimeClient} bean, configured by {@code rime.*}.
 */
@AutoConfiguration(
		after = { SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestClientObservationAutoConfiguration.class },
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"io.rime.autoconfigure.emulator.RimeEmulatorAutoConfiguration" })
@ConditionalOnClass(RimeClient.class)
@ConditionalOnBooleanProperty(name = "rime.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RimeProperties.class)
@Import({ UserRimeClientConfiguration.class, RimeClientConfiguration.class, RimeClientBuilderConfiguration.class,
		RetryMetricsConfiguration.class, MeterDescriptionsConfiguration.class, VirtualThreadsConfiguration.class,
		ApiKeySanitizingConfiguration.class })
public final class RimeAutoConfiguration {

}
