package io.rime.autoconfigure.emulator;

import java.net.URI;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.RimeConfigurationChecks;
import io.rime.autoconfigure.RimeClientBuilderCustomizer;
import io.rime.autoconfigure.RimeConnectionDetails;
import io.rime.autoconfigure.RimeProperties;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of
 * an embedded {@link RimeEmulator}, started when {@code rime-emulator} is on the class path and
 * {@code rime.address} is not set: Spring Boot's embedded-database pattern. Setting
 * {@code rime.address}, {@code rime.emulator.enabled=false}, a {@link RimeConnectionDetails}
 * bean or a {@link RimeClient} bean of the application's own turns it off. A {@link RimeEmulator}
 * bean of the application's own (such as the one {@code @AutoConfigureRimeEmulator} starts in a
 * test) is what the client connects to, even when {@code rime.address} is set.
 */
@AutoConfiguration(before = RimeAutoConfiguration.class, after = SslAutoConfiguration.class)
@ConditionalOnClass(RimeEmulator.class)
@ConditionalOnBooleanProperty(name = "rime.enabled", matchIfMissing = true)
@ConditionalOnMissingBean({ RimeConnectionDetails.class, RimeClient.class })
@EnableConfigurationProperties(RimeProperties.class)
@Import({ RimeEmulatorConfigurations.EmbeddedEmulatorConfiguration.class,
		RimeEmulatorConfigurations.EmulatorConnectionConfiguration.class })
public final class RimeEmulatorAutoConfiguration {

	static int port(int port) {
		if (port < 0 || port > 65535) {
			throw RimeConfigurationChecks.invalid("rime.emulator.port", port, "0 to 65535",
					"Set 'rime.emulator.port' to a free port, or to 0 to pick one.");
		}
		return port;
	}

	static @Nullable SslBundle sslBundle(RimeProperties.Emulator settings, @Nullable SslBundles sslBundles) {
		String name = settings.getSslBundle();
		if (name == null) {
			return null;
		}
		return RimeConfigurationChecks.sslBundle(sslBundles, name, "rime.emulator.ssl-bundle");
	}

	/**
	 * {@link RimeConnectionDetails} of the embedded emulator.
	 */
	static final class EmulatorRimeConnectionDetails implements RimeConnectionDetails {

		private final RimeEmulator emulator;

		private final @Nullable SslBundle sslBundle;

		EmulatorRimeConnectionDetails(RimeEmulator emulator, @Nullable SslBundle sslBundle) {
			this.emulator = emulator;
			this.sslBundle = sslBundle;
		}

		@Override
		public URI getAddress() {
			return this.emulator.baseUrl();
		}

		@Override
		public @Nullable String getApiKey() {
			return this.emulator.apiKey();
		}

		@Override
		public String getDefaultProjectId() {
			return this.emulator.defaultProjectId();
		}

		@Override
		public @Nullable SslBundle getSslBundle() {
			return this.sslBundle;
		}

	}

}
