package io.rime.autoconfigure;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

import io.rime.autoconfigure.RimeConfigurationChecks.EmulatorState;
import io.rime.client.RimeClient;
import io.rime.client.observation.RimeClientObservationConvention;

/**
 * The configurations imported by {@link RimeAutoConfiguration}, each with its own condition.
 */
final class RimeConfigurations {

	static final String EMULATOR_CLASS = "io.rime.emulator.RimeEmulator";

	private RimeConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RimeClient.class)
	static class RimeClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(RimeConnectionDetails.class)
		PropertiesRimeConnectionDetails rimeConnectionDetails(RimeProperties properties,
				ResourceLoader resourceLoader) {
			EmulatorState emulator = !ClassUtils.isPresent(EMULATOR_CLASS, resourceLoader.getClassLoader())
					? EmulatorState.ABSENT
					: properties.getEmulator().isEnabled() ? EmulatorState.NOT_CONFIGURED : EmulatorState.DISABLED;
			return new PropertiesRimeConnectionDetails(properties, emulator);
		}

		@Bean
		RimeClient rimeClient(RimeProperties properties, RimeConnectionDetails connectionDetails,
				ConfigurableListableBeanFactory beanFactory, Environment environment,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<RimeClientObservationConvention> observationConvention,
				ObjectProvider<RimeRetrySettingsCustomizer> retrySettingsCustomizers,
				ObjectProvider<RimeRestClientCustomizer> restClientCustomizers,
				ObjectProvider<RimeClientBuilderCustomizer> clientBuilderCustomizers) {
			RimeClientFactory factory = new RimeClientFactory(properties, connectionDetails,
					httpClientSettings.getIfAvailable(), sslBundles.getIfAvailable());
			return factory.create(() -> restClientBuilder.getIfAvailable(RestClient::builder),
					RequestFactoryChoice.choose(beanFactory, environment),
					observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					observationConvention.getIfUnique(), retrySettingsCustomizers.orderedStream().toList(),
					restClientCustomizers.orderedStream().toList(), clientBuilderCustomizers.orderedStream().toList());
		}

	}

	/**
	 * Counts retries as {@code rime.client.retries} when Micrometer metrics are on the class path;
	 * listeners that users add through a {@link RimeClientBuilderCustomizer} are called as well.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class RetryMetricsConfiguration {

		@Bean
		@Order(0)
		@ConditionalOnMissingBean(name = "rimeRetryMetricsCustomizer")
		RimeClientBuilderCustomizer rimeRetryMetricsCustomizer(ObjectProvider<MeterRegistry> meterRegistry) {
			return (builder) -> {
				MeterRegistry registry = meterRegistry.getIfUnique();
				if (registry != null) {
					builder.addRetryListener(new RetryCounter(registry));
				}
			};
		}

	}

	/**
	 * Masks the API key in {@code /actuator/env} and {@code /actuator/configprops} even when
	 * their {@code show-values} is {@code always}, under any of its names ({@code rime.api-key},
	 * {@code rime.apiKey}, {@code RIME_API_KEY}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(SanitizingFunction.class)
	static class ApiKeySanitizingConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rimeApiKeySanitizingFunction")
		SanitizingFunction rimeApiKeySanitizingFunction() {
			return (data) -> isApiKey(data) ? data.withValue(SanitizableData.SANITIZED_VALUE) : data;
		}

		static boolean isApiKey(SanitizableData data) {
			String key = data.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
			return key.equals("rimeapikey");
		}

	}

}
