package io.rime.autoconfigure;

import java.time.Duration;

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
			Environment environment) {
		String[] names = beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilder.class, true, false);
		if (names.length != 1) {
			// None (for example in a reactive application), or several: the SDK's default.
			return RequestFactoryChoice::sdkDefault;
		}
		boolean chosenByUser = environment.containsProperty(FACTORY_PROPERTY) || !isBootDefault(beanFactory, names[0])
				|| beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilderCustomizer.class, true,
						false).length > 0;
		return chosenByUser ? beanFactory.getBean(names[0], ClientHttpRequestFactoryBuilder.class)
				: RequestFactoryChoice::sdkDefault;
	}

	private static ClientHttpRequestFactory sdkDefault(HttpClientSettings settings) {
		if (settings.redirects() != null && settings.redirects() != HttpRedirects.DONT_FOLLOW) {
			// Only without an API key: the SDK's factory leaves redirects to the SDK, which follows reads only.
			return ClientHttpRequestFactoryBuilder.simple().build(settings);
		}
		SslBundle sslBundle = settings.sslBundle();
		// As Boot's own HttpURLConnection factory: the JDK connection has no place for them.
		Assert.state(sslBundle == null || !sslBundle.getOptions().isSpecified(),
				"SSL Options cannot be specified with Java connections");
		Duration connectTimeout = settings.connectTimeout();
		Duration readTimeout = settings.readTimeout();
		Assert.state(connectTimeout != null && readTimeout != null, "The RIME client's timeouts are always set");
		return RimeClientBuilder.defaultRequestFactory(connectTimeout, readTimeout,
				(sslBundle != null) ? sslBundle.createSslContext() : null);
	}

	private static boolean isBootDefault(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		return BOOT_CONFIGURATION.equals(definition.getFactoryBeanName());
	}

}
