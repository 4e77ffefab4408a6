package io.rime.autoconfigure;

import org.springframework.boot.retry.RetryPolicySettings;

/**
 * Customizes the retry settings mapped from {@code rime.retry.*} before the client's
 * {@code RetryPolicy} is created from them, for example to set a
 * {@link RetryPolicySettings#setExceptionPredicate predicate}. Declare it as a bean; beans are
 * applied in {@code @Order}. The SDK's own rules about what may be retried always apply: a
 * predicate can only narrow them.
 */
@FunctionalInterface
public interface RimeRetrySettingsCustomizer {

	/**
	 * Customize the settings.
	 * @param settings the settings
	 */
	void customize(RetryPolicySettings settings);

}
