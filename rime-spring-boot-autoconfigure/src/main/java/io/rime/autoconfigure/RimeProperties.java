package io.rime.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsProperties;

import io.rime.client.RimeClientBuilder;

/**
 * Configuration properties for the RIME client, bound from {@code rime.*}. The HTTP settings
 * ({@code rime.connect-timeout}, {@code rime.read-timeout}, {@code rime.redirects} and
 * {@code rime.ssl.bundle}) fall back to {@code spring.http.clients.*}.
 */
@ConfigurationProperties("rime")
public class RimeProperties extends HttpClientSettingsProperties {

	/**
	 * Whether to auto-configure the RIME client.
	 */
	private boolean enabled = true;

	/**
	 * Address of the RIME server, an http or https URL such as https://rime.example.com. When
	 * not set and rime-emulator is on the class path, an embedded emulator is started instead.
	 */
	private @Nullable String address;

	/**
	 * API key from the RIME web app, sent in the rime-api-key header to the configured address
	 * only. Leave unset for a server without authentication.
	 */
	private @Nullable String apiKey;

	/**
	 * Project that stress tests started without a project id go to.
	 */
	private @Nullable String defaultProjectId;

	/**
	 * Retry of calls that failed transiently.
	 */
	private final Retry retry = new Retry();

	/**
	 * Health indicator that checks RIME with one cached call.
	 */
	private final Health health = new Health();

	/**
	 * Embedded emulator, started when rime-emulator is on the class path and rime.address is
	 * not set.
	 */
	private final Emulator emulator = new Emulator();

	/**
	 * HTTP proxy that calls to RIME go through, on the SDK's request factory.
	 */
	private final Proxy proxy = new Proxy();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getAddress() {
		return this.address;
	}

	public void setAddress(@Nullable String address) {
		this.address = address;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	public @Nullable String getDefaultProjectId() {
		return this.defaultProjectId;
	}

	public void setDefaultProjectId(@Nullable String defaultProjectId) {
		this.defaultProjectId = defaultProjectId;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Health getHealth() {
		return this.health;
	}

	public Emulator getEmulator() {
		return this.emulator;
	}

	public Proxy getProxy() {
		return this.proxy;
	}

	/**
	 * HTTP proxy for calls to RIME. With https the proxy only relays the encrypted connection;
	 * with plain http it sees every request, the API key included.
	 */
	public static class Proxy {

		/**
		 * Host of the HTTP proxy, such as proxy.example.com. When not set, the JVM's proxy
		 * settings (https.proxyHost, http.proxyHost) apply.
		 */
		private @Nullable String host;

		/**
		 * Port of the HTTP proxy.
		 */
		private @Nullable Integer port;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

	}

	/**
	 * Retry of failed calls. Reads are retried on I/O failures and on 408, 429, 502, 503 and 504
	 * (honouring Retry-After); a POST only when the server cannot have acted on it, unless
	 * idempotency keys are honoured.
	 */
	public static class Retry {

		/**
		 * Whether to retry calls that failed transiently.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of retries after the first call, so each call is made at most
		 * 1 + max-retries times.
		 */
		private long maxRetries = RimeClientBuilder.DEFAULT_MAX_RETRIES;

		/**
		 * Delay before the first retry.
		 */
		private Duration delay = RimeClientBuilder.DEFAULT_RETRY_DELAY;

		/**
		 * Factor by which the delay grows after each retry; 1 keeps it fixed.
		 */
		private double multiplier = RimeClientBuilder.DEFAULT_RETRY_MULTIPLIER;

		/**
		 * Maximum delay between two calls.
		 */
		private Duration maxDelay = RimeClientBuilder.DEFAULT_RETRY_MAX_DELAY;

		/**
		 * Random amount added to or subtracted from each delay, never below 'delay', so that many
		 * clients do not retry in step.
		 */
		private Duration jitter = RimeClientBuilder.DEFAULT_RETRY_JITTER;

		/**
		 * Maximum time for the first call and its retries together, delays included: no retry
		 * starts once it would be exceeded, and a response still arriving then is abandoned.
		 * Applies even when retries are disabled.
		 */
		private Duration timeout = RimeClientBuilder.DEFAULT_RETRY_TIMEOUT;

		/**
		 * Whether the server answers a repeated Idempotency-Key with the original response, so
		 * that a POST may be retried on any transient failure without starting a stress test
		 * twice.
		 */
		private boolean idempotencyKeysHonoured;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public long getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(long maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public boolean isIdempotencyKeysHonoured() {
			return this.idempotencyKeysHonoured;
		}

		public void setIdempotencyKeysHonoured(boolean idempotencyKeysHonoured) {
			this.idempotencyKeysHonoured = idempotencyKeysHonoured;
		}

	}

	/**
	 * The health indicator.
	 */
	public static class Health {

		/**
		 * Longest time a health check waits for RIME before reporting DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(2);

		/**
		 * How long a health result is reused, so that a burst of probes costs RIME at most one
		 * call per period; 0 calls RIME on every check.
		 */
		private Duration cacheTtl = Duration.ofSeconds(10);

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

	}

	/**
	 * The embedded emulator, started when rime-emulator is on the class path and no address is
	 * set.
	 */
	public static class Emulator {

		/**
		 * Whether to start an embedded emulator when rime-emulator is on the class path and
		 * rime.address is not set.
		 */
		private boolean enabled = true;

		/**
		 * Port of the embedded emulator; 0 picks a free port.
		 */
		private int port;

		/**
		 * How long an emulated stress test stays pending.
		 */
		private @Nullable Duration pendingDuration;

		/**
		 * How long an emulated stress test runs.
		 */
		private @Nullable Duration runningDuration;

		/**
		 * How long the emulator takes to validate a registered dataset or model.
		 */
		private @Nullable Duration validationDuration;

		/**
		 * How long an emulated stress test takes to cancel.
		 */
		private @Nullable Duration cancelDuration;

		/**
		 * How long the emulator keeps finished jobs.
		 */
		private @Nullable Duration jobTtl;

		/**
		 * SSL bundle whose key store the emulator serves TLS with; the client then trusts the
		 * same bundle.
		 */
		private @Nullable String sslBundle;

		/**
		 * Whether a stress test on local CSV files gets its data checks (drift, abnormal inputs,
		 * duplicate rows) computed from the files; false generates its results as for remote
		 * data.
		 */
		private boolean dataChecks = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

		public @Nullable Duration getPendingDuration() {
			return this.pendingDuration;
		}

		public void setPendingDuration(@Nullable Duration pendingDuration) {
			this.pendingDuration = pendingDuration;
		}

		public @Nullable Duration getRunningDuration() {
			return this.runningDuration;
		}

		public void setRunningDuration(@Nullable Duration runningDuration) {
			this.runningDuration = runningDuration;
		}

		public @Nullable Duration getValidationDuration() {
			return this.validationDuration;
		}

		public void setValidationDuration(@Nullable Duration validationDuration) {
			this.validationDuration = validationDuration;
		}

		public @Nullable Duration getCancelDuration() {
			return this.cancelDuration;
		}

		public void setCancelDuration(@Nullable Duration cancelDuration) {
			this.cancelDuration = cancelDuration;
		}

		public @Nullable Duration getJobTtl() {
			return this.jobTtl;
		}

		public void setJobTtl(@Nullable Duration jobTtl) {
			this.jobTtl = jobTtl;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public boolean isDataChecks() {
			return this.dataChecks;
		}

		public void setDataChecks(boolean dataChecks) {
			this.dataChecks = dataChecks;
		}

	}

}
