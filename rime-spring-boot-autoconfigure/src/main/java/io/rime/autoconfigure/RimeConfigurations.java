package io.rime.autoconfigure;

import java.util.Locale;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.thread.Threading;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

import io.rime.autoconfigure.RimeConfigurationChecks.EmulatorState;
import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.observation.RimeClientObservationConvention;

/**
 * The configurations imported by {@link RimeAutoConfiguration}, each with its own condition.
 */
final class RimeConfigurations {

	static final String EMULATOR_CLASS = "io.rime.emulator.RimeEmulator";

	/** The name of the watcher's job-start customizer bean, in {@code RimeWatcherConfigurations}. */
	static final String WATCHER_HOOK = "rimeWatcherJobStartCustomizer";

	private RimeConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(RimeClient.class)
	static class RimeClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(RimeConnectionDetails.class)
		PropertiesRimeConnectionDetails rimeConnectionDetails(RimeProperties properties,
				ResourceLoader resourceLoader) {
			return propertiesConnectionDetails(properties, resourceLoader);
		}

		@Bean
		RimeClient rimeClient(RimeClientBuilderFactory factory) {
			return factory.builder(true).build();
		}

	}

	/**
	 * A prototype {@link RimeClientBuilder} with the auto-configured client's HTTP settings, retry,
	 * observations and customizers but no address or key, as Spring Boot's {@code RestClient.Builder}:
	 * {@code builder.address(…).apiKey(…).build()} makes another client that behaves like the first.
	 */
	@Configuration(proxyBeanMethods = false)
	static class RimeClientBuilderConfiguration {

		@Bean
		RimeClientBuilderFactory rimeClientBuilderFactory(RimeProperties properties,
				ObjectProvider<RimeConnectionDetails> connectionDetails, ConfigurableListableBeanFactory beanFactory,
				Environment environment, ResourceLoader resourceLoader,
				ObjectProvider<RestClient.Builder> restClientBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
				ObjectProvider<ObservationRegistry> observationRegistry,
				ObjectProvider<RimeClientObservationConvention> observationConvention,
				ObjectProvider<RimeRetrySettingsCustomizer> retrySettingsCustomizers,
				ObjectProvider<RimeRestClientCustomizer> restClientCustomizers,
				ObjectProvider<RimeClientBuilderCustomizer> clientBuilderCustomizers,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilders,
				ObjectProvider<RequestFactoryChoice.ApplicationBuilderDeclared> applicationBuilderDeclared) {
			return (connect) -> {
				RimeConnectionDetails details = connectionDetails
					.getIfAvailable(() -> propertiesConnectionDetails(properties, resourceLoader));
				RimeClientFactory factory = new RimeClientFactory(properties, details,
						httpClientSettings.getIfAvailable(), sslBundles.getIfAvailable());
				return factory.builder(connect, () -> restClientBuilder.getIfAvailable(RestClient::builder),
						RequestFactoryChoice.choose(requestFactoryBuilders,
								applicationBuilderDeclared.getIfAvailable() != null, environment,
								RequestFactoryChoice.proxy(properties.getProxy())),
						observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
						observationConvention.getIfUnique(), retrySettingsCustomizers.orderedStream().toList(),
						restClientCustomizers.orderedStream().toList(),
						clientBuilderCustomizers.orderedStream().filter((customizer) -> connect
								|| !isWatcherHook(beanFactory, customizer)).toList());
			};
		}

		@Bean
		@Scope(BeanDefinition.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		RimeClientBuilder rimeClientBuilder(RimeClientBuilderFactory factory) {
			return factory.builder(false);
		}

		// The watcher reads the jobs it is handed through the auto-configured client, so jobs that
		// another client (of another server, or another key) starts are not its own.
		private static boolean isWatcherHook(ConfigurableListableBeanFactory beanFactory,
				RimeClientBuilderCustomizer customizer) {
			return beanFactory.containsBean(WATCHER_HOOK) && beanFactory.getBean(WATCHER_HOOK) == customizer;
		}

	}

	/**
	 * Says once, at startup, that the application's own {@link RimeClient} replaces the
	 * auto-configured one, and when several clients leave the watcher, the {@code rime} endpoint
	 * and the info contributor without one to follow.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RimeClient.class)
	static class UserRimeClientConfiguration {

		@Bean
		static RimeClientCandidatesReport rimeClientCandidatesReport(ConfigurableListableBeanFactory beanFactory) {
			return new RimeClientCandidatesReport(beanFactory);
		}

	}

	static PropertiesRimeConnectionDetails propertiesConnectionDetails(RimeProperties properties,
			ResourceLoader resourceLoader) {
		EmulatorState emulator = !ClassUtils.isPresent(EMULATOR_CLASS, resourceLoader.getClassLoader())
				? EmulatorState.ABSENT
				: properties.getEmulator().isEnabled() ? EmulatorState.NOT_CONFIGURED : EmulatorState.DISABLED;
		return new PropertiesRimeConnectionDetails(properties, emulator);
	}

	/**
	 * Makes builders of clients configured as the auto-configured one.
	 */
	@FunctionalInterface
	interface RimeClientBuilderFactory {

		/**
		 * Returns a new builder.
		 * @param connect whether to set the connection details' address, key and default project
		 * @return the builder
		 */
		RimeClientBuilder builder(boolean connect);

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
	 * Gives the meters that RIME's observations create a description, so that a Prometheus scrape
	 * has help text for every {@code rime_*} metric.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterFilter.class)
	static class MeterDescriptionsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rimeMeterDescriptions")
		MeterFilter rimeMeterDescriptions() {
			return new RimeMeterDescriptions();
		}

	}

	/**
	 * Runs the client's waits ({@code waitUntilFinish}, {@code whenFinished}) on virtual threads
	 * when the application runs on them ({@code spring.threads.virtual.enabled=true}, Java 21+).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.VIRTUAL)
	static class VirtualThreadsConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "rimeVirtualThreadsCustomizer")
		RimeClientBuilderCustomizer rimeVirtualThreadsCustomizer() {
			return (builder) -> builder
				.threadFactory(new VirtualThreadTaskExecutor("rime-client-").getVirtualThreadFactory());
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
