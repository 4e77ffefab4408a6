package io.rime.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} the auto-configured {@code RimeClient} is built on,
 * after Boot's {@code RestClientCustomizer}s and the {@code rime.*} HTTP settings have been
 * applied. Declare it as a bean; beans are applied in {@code @Order}.
 */
@FunctionalInterface
public interface RimeRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param restClientBuilder the builder, used for the RIME client only
	 */
	void customize(RestClient.Builder restClientBuilder);

}
