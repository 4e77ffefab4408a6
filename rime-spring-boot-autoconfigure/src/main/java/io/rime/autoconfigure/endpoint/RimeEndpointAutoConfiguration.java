package io.rime.autoconfigure.endpoint;

import java.net.URI;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;
import io.rime.endpoint.RimeEndpoint;
import io.rime.endpoint.RimeEndpointWebExtension;
import io.rime.watch.RimeJobWatcher;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link RimeEndpoint} ({@code rime}), read-only unless {@code management.endpoint.rime.access}
 * says otherwise; needs actuator and an exposed endpoint.
 */
@AutoConfiguration(after = { RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class })
@ConditionalOnClass({ RimeClient.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
public final class RimeEndpointAutoConfiguration {

	private static final String EMULATOR_CLASS = "io.rime.emulator.RimeEmulator";

	/**
	 * Nested, so that its endpoint condition is only loaded once the class conditions above have
	 * found actuator.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(RimeEndpoint.class)
	static class RimeEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnSingleCandidate(RimeClient.class)
		RimeEndpoint rimeEndpoint(RimeClient client, ObjectProvider<RimeJobWatcher> watcher,
				ListableBeanFactory beanFactory) {
			URI address = client.address();
			boolean embedded = ClassUtils.isPresent(EMULATOR_CLASS, RimeEndpointAutoConfiguration.class.getClassLoader())
					&& EmbeddedEmulator.servesAt(beanFactory, address);
			return new RimeEndpoint(client, address, embedded, watcher.getIfUnique());
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(RimeEndpoint.class)
		@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
		RimeEndpointWebExtension rimeEndpointWebExtension(RimeEndpoint endpoint) {
			return new RimeEndpointWebExtension(endpoint);
		}

	}

	/**
	 * Loaded only when rime-emulator is on the class path.
	 */
	private static final class EmbeddedEmulator {

		static boolean servesAt(ListableBeanFactory beanFactory, URI address) {
			return beanFactory.getBeanProvider(RimeEmulator.class).stream().anyMatch((emulator) -> {
				try {
					return emulator.baseUrl().equals(address);
				}
				catch (IllegalStateException ex) {
					return false;
				}
			});
		}

	}

}
