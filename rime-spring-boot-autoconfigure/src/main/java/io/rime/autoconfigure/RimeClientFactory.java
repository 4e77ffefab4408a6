package io.rime.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.retry.RetryPolicySettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.web.client.RestClient;

import io.rime.client.RimeClient;
import io.rime.client.RimeClientBuilder;
import io.rime.client.observation.RimeClientObservationConvention;

/**
 * Builds the auto-configured {@link RimeClient}: connection details, HTTP settings, retry,
 * observations and the customizers, in that order.
 */
final class RimeClientFactory {

	private static final Log logger = LogFactory.getLog(RimeClientFactory.class);

	private final RimeProperties properties;

	private final RimeConnectionDetails connectionDetails;

	private final @Nullable HttpClientSettings defaultSettings;

	private final @Nullable SslBundles sslBundles;

	RimeClientFactory(RimeProperties properties, RimeConnectionDetails connectionDetails,
			@Nullable HttpClientSettings defaultSettings, @Nullable SslBundles sslBundles) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.defaultSettings = defaultSettings;
		this.sslBundles = sslBundles;
	}

	RimeClient create(Supplier<RestClient.Builder> restClientBuilderSupplier, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			ObservationRegistry observationRegistry, @Nullable RimeClientObservationConvention observationConvention,
			List<RimeRetrySettingsCustomizer> retrySettingsCustomizers,
			List<RimeRestClientCustomizer> restClientCustomizers,
			List<RimeClientBuilderCustomizer> clientBuilderCustomizers) {
		return builder(true, restClientBuilderSupplier, requestFactoryBuilder, observationRegistry,
				observationConvention, retrySettingsCustomizers, restClientCustomizers, clientBuilderCustomizers)
			.build();
	}

	/**
	 * Returns a builder with everything of the auto-configured client: HTTP settings, retry,
	 * observations and customizers; with {@code connect}, also its address, API key and default
	 * project. Without, the caller sets them, so that a builder for another server never carries
	 * this one's key.
	 */
	RimeClientBuilder builder(boolean connect, Supplier<RestClient.Builder> restClientBuilderSupplier,
			ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder, ObservationRegistry observationRegistry,
			@Nullable RimeClientObservationConvention observationConvention,
			List<RimeRetrySettingsCustomizer> retrySettingsCustomizers,
			List<RimeRestClientCustomizer> restClientCustomizers,
			List<RimeClientBuilderCustomizer> clientBuilderCustomizers) {
		RimeConfigurationChecks.retry(this.properties.getRetry());
		RimeConfigurationChecks.health(this.properties.getHealth());
		// The connection details are read once, here; they checked their own values.
		String apiKey = this.connectionDetails.getApiKey();
		HttpClientSettings settings = httpClientSettings(apiKey != null, this.connectionDetails.getSslBundle());
		RetryPolicy retryPolicy = retryPolicy(retrySettingsCustomizers);
		RestClient.Builder restClientBuilder = restClientBuilderSupplier.get();
		restClientBuilder.requestFactory(requestFactoryBuilder.build(settings));
		restClientCustomizers.forEach((customizer) -> customizer.customize(restClientBuilder));
		RimeClientBuilder builder = RimeClient.builder();
		if (connect) {
			builder.address(this.connectionDetails.getAddress())
				.apiKey(apiKey)
				.defaultProjectId(this.connectionDetails.getDefaultProjectId());
		}
		builder.restClientBuilder(restClientBuilder)
			.retryPolicy(retryPolicy)
			.idempotencyKeysHonoured(this.properties.getRetry().isIdempotencyKeysHonoured())
			.observationRegistry(observationRegistry)
			.observationConvention(observationConvention);
		clientBuilderCustomizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	/**
	 * Map {@code rime.*} over {@code spring.http.clients.*} over the SDK's defaults. With an API
	 * key, the request factory never follows redirects: the SDK follows those of reads itself and
	 * sends the key to the configured origin only, where the HTTP library would send it to any host.
	 * An explicit {@code rime.redirects} that follows is then an error; an inherited
	 * {@code spring.http.clients.redirects} is not applied, with a warning.
	 * @param withApiKey whether the client sends an API key
	 * @param connectionSslBundle the connection details' SSL bundle, which wins over the settings'
	 * @return the settings
	 */
	HttpClientSettings httpClientSettings(boolean withApiKey, @Nullable SslBundle connectionSslBundle) {
		String bundle = this.properties.getSsl().getBundle();
		if (bundle != null) {
			RimeConfigurationChecks.sslBundle(this.sslBundles, bundle, "rime.ssl.bundle");
		}
		HttpClientSettings merged = new HttpClientSettingsPropertyMapper(this.sslBundles, this.defaultSettings)
			.map(this.properties);
		Duration connectTimeout = timeout(merged.connectTimeout(), this.properties.getConnectTimeout(),
				"connect-timeout", RimeClientBuilder.DEFAULT_CONNECT_TIMEOUT);
		Duration readTimeout = timeout(merged.readTimeout(), this.properties.getReadTimeout(), "read-timeout",
				RimeClientBuilder.DEFAULT_READ_TIMEOUT);
		HttpRedirects redirects = (merged.redirects() != null) ? merged.redirects() : HttpRedirects.DONT_FOLLOW;
		if (redirects != HttpRedirects.DONT_FOLLOW && withApiKey) {
			if (this.properties.getRedirects() != null) {
				throw RimeConfigurationChecks.redirectsWithApiKey(redirects);
			}
			logger.warn("'spring.http.clients.redirects' is not applied to RIME calls: with an API key, the HTTP"
					+ " library would send the key to any host a redirect names. The RIME client follows redirects"
					+ " of reads itself, to the configured address only; set 'rime.redirects=dont-follow' to silence"
					+ " this warning.");
			redirects = HttpRedirects.DONT_FOLLOW;
		}
		SslBundle sslBundle = (connectionSslBundle != null) ? connectionSslBundle : merged.sslBundle();
		return new HttpClientSettings(redirects, connectTimeout, readTimeout, sslBundle);
	}

	private static Duration timeout(@Nullable Duration merged, @Nullable Duration own, String name,
			Duration defaultValue) {
		if (merged == null) {
			return defaultValue;
		}
		String property = ((own != null) ? "rime." : "spring.http.clients.") + name;
		return RimeConfigurationChecks.positive(merged, property, RimeConfigurationChecks.format(defaultValue));
	}

	RetryPolicy retryPolicy(List<RimeRetrySettingsCustomizer> customizers) {
		RimeProperties.Retry retry = this.properties.getRetry();
		if (!retry.isEnabled()) {
			// Still bounded: the timeout is also the deadline of a call that trickles its answer.
			return RetryPolicy.builder().maxRetries(0).timeout(retry.getTimeout()).build();
		}
		RetryPolicySettings settings = new RetryPolicySettings();
		settings.setMaxRetries(retry.getMaxRetries());
		settings.setDelay(retry.getDelay());
		settings.setMultiplier(retry.getMultiplier());
		settings.setMaxDelay(retry.getMaxDelay());
		settings.setJitter(retry.getJitter());
		settings.setFactory((builder) -> builder.timeout(retry.getTimeout()).build());
		customizers.forEach((customizer) -> customizer.customize(settings));
		try {
			return settings.createRetryPolicy();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new InvalidRimeConfigurationException(
					"Invalid retry settings from 'rime.retry.*': " + ex.getMessage(),
					"Review the 'rime.retry.*' properties and any RimeRetrySettingsCustomizer bean.");
		}
	}

}
