package io.rime.autoconfigure;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

import io.rime.client.RimeClientBuilder;

/**
 * Chooses the request factory of the RIME client. The SDK's default
 * ({@link RimeClientBuilder#defaultRequestFactory}: {@code HttpURLConnection}, measured about 4x
 * faster per call than the JDK {@code HttpClient} on loopback, and ending a response whose headers
 * are still arriving at the call's deadline) is used unless the application chose a factory: by
 * {@code spring.http.clients.imperative.factory}, by a {@code ClientHttpRequestFactoryBuilder}
 * bean of its own, or by customizing Boot's one with a
 * {@code ClientHttpRequestFactoryBuilderCustomizer} bean.
 */
final class RequestFactoryChoice {

	static final String FACTORY_PROPERTY = "spring.http.clients.imperative.factory";

	private static final String BOOT_CONFIGURATION = "org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration";

	private RequestFactoryChoice() {
	}

	static ClientHttpRequestFactoryBuilder<?> choose(ConfigurableListableBeanFactory beanFactory,
			Environment environment, @Nullable Proxy proxy) {
		String[] names = beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilder.class, true, false);
		if (names.length != 1) {
			// None (for example in a reactive application), or several: the SDK's default.
			return (settings) -> sdkDefault(settings, proxy);
		}
		boolean chosenByUser = environment.containsProperty(FACTORY_PROPERTY) || !isBootDefault(beanFactory, names[0])
				|| beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilderCustomizer.class, true,
						false).length > 0;
		if (chosenByUser && proxy != null) {
			throw new InvalidRimeConfigurationException("'rime.proxy.host' is set, but the application chose its own"
					+ " HTTP request factory for RIME calls, which 'rime.proxy.*' cannot configure.",
					"Configure the proxy on the request factory you chose, or remove 'rime.proxy.*' (and '"
							+ FACTORY_PROPERTY + "' or your ClientHttpRequestFactoryBuilder bean) to use the"
							+ " SDK's request factory with the proxy.");
		}
		return chosenByUser ? beanFactory.getBean(names[0], ClientHttpRequestFactoryBuilder.class)
				: (settings) -> sdkDefault(settings, proxy);
	}

	/**
	 * Read {@code rime.proxy.*}.
	 * @param properties the properties
	 * @return the proxy, or {@code null} when no host is set
	 */
	static @Nullable Proxy proxy(RimeProperties.Proxy properties) {
		String host = properties.getHost();
		if (host == null || host.isBlank()) {
			return null;
		}
		Integer port = properties.getPort();
		if (port == null || port < 1 || port > 65535) {
			String value = (port != null) ? "Invalid value '" + port + "' for property 'rime.proxy.port'"
					: "Property 'rime.proxy.port' is not set";
			throw new InvalidRimeConfigurationException(value + " with 'rime.proxy.host' '" + host
					+ "': expected a port from 1 to 65535.",
					"Set 'rime.proxy.port' to the port of the proxy, such as 3128.");
		}
		return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host.strip(), port));
	}

	private static ClientHttpRequestFactory sdkDefault(HttpClientSettings settings, @Nullable Proxy proxy) {
		if (settings.redirects() != null && settings.redirects() != HttpRedirects.DONT_FOLLOW) {
			// Only without an API key: the SDK's factory leaves redirects to the SDK, which follows reads only.
			return ClientHttpRequestFactoryBuilder.simple()
				.withCustomizer((factory) -> {
					if (proxy != null) {
						factory.setProxy(proxy);
					}
				})
				.build(settings);
		}
		SslBundle sslBundle = settings.sslBundle();
		// As Boot's own HttpURLConnection factory: the JDK connection has no place for them.
		Assert.state(sslBundle == null || !sslBundle.getOptions().isSpecified(),
				"SSL Options cannot be specified with Java connections");
		Duration connectTimeout = settings.connectTimeout();
		Duration readTimeout = settings.readTimeout();
		Assert.state(connectTimeout != null && readTimeout != null, "The RIME client's timeouts are always set");
		return RimeClientBuilder.defaultRequestFactory(connectTimeout, readTimeout,
				(sslBundle != null) ? sslBundle.createSslContext() : null, proxy);
	}

	private static boolean isBootDefault(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		return BOOT_CONFIGURATION.equals(definition.getFactoryBeanName());
	}

}
