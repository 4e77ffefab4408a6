package io.rime.autoconfigure.emulator;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.rime.autoconfigure.RimeClientBuilderCustomizer;
import io.rime.autoconfigure.RimeConfigurationChecks;
import io.rime.autoconfigure.RimeProperties;
import io.rime.emulator.RimeEmulator;

/**
 * The configurations that {@link RimeEmulatorAutoConfiguration} imports, in this order: the
 * embedded emulator first, so that the connection to an emulator bean sees it.
 */
final class RimeEmulatorConfigurations {

	private static final Log logger = LogFactory.getLog(RimeEmulatorAutoConfiguration.class);

	private RimeEmulatorConfigurations() {
	}

	/**
	 * Starts the embedded emulator when no address is set.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "rime.emulator.enabled", matchIfMissing = true)
	@Conditional(NoRimeAddressCondition.class)
	static class EmbeddedEmulatorConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		RimeEmulator rimeEmulator(RimeProperties properties, ObjectProvider<SslBundles> sslBundles) {
			RimeProperties.Emulator settings = properties.getEmulator();
			// Durations not set keep the emulator's own defaults (RimeEmulator.DEFAULT_*).
			RimeEmulator.Builder builder = RimeEmulator.builder()
				.port(RimeEmulatorAutoConfiguration.port(settings.getPort()))
				.dataChecks(settings.isDataChecks());
			whenSet(settings.getPendingDuration(), "pending-duration", "1s", builder::pendingDuration);
			whenSet(settings.getRunningDuration(), "running-duration", "5s", builder::runningDuration);
			whenSet(settings.getValidationDuration(), "validation-duration", "300ms", builder::validationDuration);
			whenSet(settings.getCancelDuration(), "cancel-duration", "500ms", builder::cancelDuration);
			whenSet(settings.getJobTtl(), "job-ttl", "2d", builder::jobTtl);
			String apiKey = RimeConfigurationChecks.apiKey(properties.getApiKey());
			if (apiKey != null) {
				builder.apiKey(apiKey);
			}
			SslBundle sslBundle = RimeEmulatorAutoConfiguration.sslBundle(settings, sslBundles.getIfAvailable());
			if (sslBundle != null) {
				builder.sslContext(sslBundle.createSslContext());
			}
			RimeEmulator emulator = builder.build().start();
			if (logger.isInfoEnabled()) {
				logger.info("RIME: 'rime.address' is not set, so the client uses the embedded emulator at "
						+ emulator.baseUrl() + " (default project " + emulator.defaultProjectId()
						+ "). Set 'rime.address' to use a real RIME server.");
			}
			return emulator;
		}

	}

	/**
	 * Points the client at the emulator bean, whoever started it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RimeEmulator.class)
	static class EmulatorConnectionConfiguration {

		@Bean
		RimeEmulatorAutoConfiguration.EmulatorRimeConnectionDetails rimeConnectionDetails(RimeEmulator emulator, RimeProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			return new RimeEmulatorAutoConfiguration.EmulatorRimeConnectionDetails(emulator,
					RimeEmulatorAutoConfiguration.sslBundle(properties.getEmulator(), sslBundles.getIfAvailable()));
		}

		@Bean
		RimeClientBuilderCustomizer rimeEmulatorIdempotencyCustomizer() {
			// The emulator answers a repeated Idempotency-Key with the original response.
			return (builder) -> builder.idempotencyKeysHonoured(true);
		}

	}

	private static void whenSet(@Nullable Duration value, String name, String example, Consumer<Duration> setter) {
		if (value != null) {
			setter.accept(RimeConfigurationChecks.notNegative(value, "rime.emulator." + name, example));
		}
	}

}
