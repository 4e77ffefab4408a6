package io.rime.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.rime.client.RimeClient;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} that
 * notes whether the application declared a {@link ClientHttpRequestFactoryBuilder} bean of its own.
 * It runs before Spring Boot's HTTP client auto-configuration adds its default one, so that the
 * condition sees the application's beans only; the RIME client then runs on that builder instead
 * of the SDK's request factory (see {@link RequestFactoryChoice}).
 */
@AutoConfiguration(before = ImperativeHttpClientAutoConfiguration.class)
@ConditionalOnClass({ RimeClient.class, ClientHttpRequestFactoryBuilder.class })
public final class RimeRequestFactoryAutoConfiguration {

	@Bean
	@ConditionalOnBean(ClientHttpRequestFactoryBuilder.class)
	RequestFactoryChoice.ApplicationBuilderDeclared rimeApplicationRequestFactoryBuilderDeclared() {
		return new RequestFactoryChoice.ApplicationBuilderDeclared();
	}

}
