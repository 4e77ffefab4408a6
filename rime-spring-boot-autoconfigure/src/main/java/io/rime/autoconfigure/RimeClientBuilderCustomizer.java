package io.rime.autoconfigure;

import io.rime.client.RimeClientBuilder;

/**
 * Customizes the {@link RimeClientBuilder} of the auto-configured {@code RimeClient}, after the
 * connection details and the {@code rime.*} properties have been applied, so it has the last
 * word. Declare it as a bean; beans are applied in {@code @Order}.
 */
@FunctionalInterface
public interface RimeClientBuilderCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder
	 */
	void customize(RimeClientBuilder builder);

}
