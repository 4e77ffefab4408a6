package io.rime.autoconfigure;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.core.env.Environment;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.Assert;

import io.rime.client.RimeClientBuilder;

/**
 * Chooses the request factory of the RIME client by an explicit rule. The SDK's default
 * ({@link RimeClientBuilder#defaultRequestFactory}: {@code HttpURLConnection}, measured about 4x
 * faster per call than the JDK {@code HttpClient} on loopback, and ending a response whose headers
 * are still arriving at the call's deadline) is used unless the application chose a factory:
 * <ol>
 * <li>{@code spring.http.clients.imperative.factory} is set: Spring Boot's builder, which applies it;</li>
 * <li>the application declared a {@code ClientHttpRequestFactoryBuilder} bean (noted by
 * {@link RimeRequestFactoryAutoConfiguration}): that builder;</li>
 * <li>a {@link RimeRestClientCustomizer} sets a request factory: it runs after this choice, so it wins.</li>
 * </ol>
 * Other libraries' {@code ClientHttpRequestFactoryBuilderCustomizer} beans customize Spring Boot's
 * builder, not the RIME client's choice.
 */
final class RequestFactoryChoice {

	static final String FACTORY_PROPERTY = "spring.http.clients.imperative.factory";

	private RequestFactoryChoice() {
	}

	static ClientHttpRequestFactoryBuilder<?> choose(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> builders,
			boolean applicationBuilderDeclared, Environment environment, @Nullable Proxy proxy) {
		boolean chosen = applicationBuilderDeclared || environment.containsProperty(FACTORY_PROPERTY);
		ClientHttpRequestFactoryBuilder<?> builder = chosen ? builders.getIfUnique() : null;
		if (builder == null) {
			return (settings) -> sdkDefault(settings, proxy);
		}
		if (proxy != null) {
			throw new InvalidRimeConfigurationException("'rime.proxy.host' is set, but the application chose its own"
					+ " HTTP request factory for RIME calls, which 'rime.proxy.*' cannot configure.",
					"Configure the proxy on the request factory you chose, or remove 'rime.proxy.*' (and '"
							+ FACTORY_PROPERTY + "' or your ClientHttpRequestFactoryBuilder bean) to use the"
							+ " SDK's request factory with the proxy.");
		}
		return builder;
	}

	/**
	 * The note that the application declared a {@code ClientHttpRequestFactoryBuilder} bean.
	 */
	static final class ApplicationBuilderDeclared {

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
			throw new InvalidRimeConfigurationException("rime.proxy.port", value + " with 'rime.proxy.host' '" + host
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

}
