package io.rime.autoconfigure;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.core.env.Environment;

/**
 * Chooses the request factory of the RIME client. The SDK's default, {@code HttpURLConnection}
 * ({@link ClientHttpRequestFactoryBuilder#simple()}), measured about 3x faster per call than the
 * JDK {@code HttpClient} on loopback, so it is used unless the application chose a factory: by
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
			return ClientHttpRequestFactoryBuilder.simple();
		}
		boolean chosenByUser = environment.containsProperty(FACTORY_PROPERTY) || !isBootDefault(beanFactory, names[0])
				|| beanFactory.getBeanNamesForType(ClientHttpRequestFactoryBuilderCustomizer.class, true,
						false).length > 0;
		return chosenByUser ? beanFactory.getBean(names[0], ClientHttpRequestFactoryBuilder.class)
				: ClientHttpRequestFactoryBuilder.simple();
	}

	private static boolean isBootDefault(ConfigurableListableBeanFactory beanFactory, String name) {
		if (!beanFactory.containsBeanDefinition(name)) {
			return false;
		}
		BeanDefinition definition = beanFactory.getBeanDefinition(name);
		return BOOT_CONFIGURATION.equals(definition.getFactoryBeanName());
	}

}
