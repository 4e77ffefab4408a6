package io.rime.client;

import java.io.PrintStream;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

import javax.net.ssl.SSLContext;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.support.CompositeRetryListener;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.rime.client.internal.Addresses;
import io.rime.client.internal.Checks;
import io.rime.client.internal.Sdk;
import io.rime.client.observation.RimeClientObservationConvention;

/**
 * Builds a {@link RimeClient}. Only the address is required. Each setter checks its argument at
 * once and names it in the {@link IllegalArgumentException} if it is malformed.
 */
public final class RimeClientBuilder {

	/**
	 * The default connect timeout of the SDK's request factory, and of Spring Boot's when neither
	 * {@code rime.connect-timeout} nor {@code spring.http.clients.connect-timeout} is set.
	 */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The default read timeout of the SDK's request factory, and of Spring Boot's when neither
	 * {@code rime.read-timeout} nor {@code spring.http.clients.read-timeout} is set.
	 */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * The default number of retries after the first call.
	 */
	public static final long DEFAULT_MAX_RETRIES = 3;

	/**
	 * The default delay before the first retry.
	 */
	public static final Duration DEFAULT_RETRY_DELAY = Duration.ofMillis(200);

	/**
	 * The default factor by which the delay grows after each retry.
	 */
	public static final double DEFAULT_RETRY_MULTIPLIER = 2;

	/**
	 * The default longest delay between two calls.
	 */
	public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(5);

	/**
	 * The default random amount added to or taken from each delay.
	 */
	public static final Duration DEFAULT_RETRY_JITTER = Duration.ofMillis(100);

	/**
	 * The default longest time for a call and its retries together: the read timeout, so that a
	 * caller waiting on a request thread (behind proxies that commonly give up after 30 to 60 s)
	 * hears of the outcome in time, and one slow attempt never outlives its call.
	 */
	public static final Duration DEFAULT_RETRY_TIMEOUT = DEFAULT_READ_TIMEOUT;

	/**
	 * The default longest {@code Retry-After} the SDK waits for.
	 */
	public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(30);

	/**
	 * The default time a seed-form stress test start waits for its datasets and model to be
	 * validated.
	 */
	public static final Duration DEFAULT_VALIDATION_TIMEOUT = Duration.ofMinutes(30);

	/**
	 * The default retry policy: at most 3 retries (4 calls), backing off exponentially from 200 ms
	 * with jitter, at most 5 s between calls and 30 s in all; made of the {@code DEFAULT_*}
	 * constants above, which Spring Boot's {@code rime.retry.*} defaults are too.
	 */
	public static final RetryPolicy DEFAULT_RETRY_POLICY = RetryPolicy.builder()
		.maxRetries(DEFAULT_MAX_RETRIES)
		.delay(DEFAULT_RETRY_DELAY)
		.multiplier(DEFAULT_RETRY_MULTIPLIER)
		.jitter(DEFAULT_RETRY_JITTER)
		.maxDelay(DEFAULT_RETRY_MAX_DELAY)
		.timeout(DEFAULT_RETRY_TIMEOUT)
		.build();

	private static final Log logger = LogFactory.getLog(RimeClientBuilder.class);

	private @Nullable URI address;

	private @Nullable String apiKey;

	private @Nullable String defaultProjectId;

	private @Nullable Duration connectTimeout;

	private @Nullable Duration readTimeout;

	private @Nullable Proxy proxy;

	private @Nullable ThreadFactory threadFactory;

	private RestClient.@Nullable Builder restClientBuilder;

	private RetryPolicy retryPolicy = DEFAULT_RETRY_POLICY;

	private Duration maxRetryAfter = DEFAULT_MAX_RETRY_AFTER;

	private boolean idempotencyKeysHonoured;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private final List<RetryListener> retryListeners = new ArrayList<>();

	private final List<JobStartListener> jobStartListeners = new ArrayList<>();

	private @Nullable RimeClientObservationConvention observationConvention;

	private PrintStream verboseOutput = System.out;

	private Clock clock = Clock.systemUTC();

	private Duration validationTimeout = DEFAULT_VALIDATION_TIMEOUT;

	private @Nullable Duration listingTimeout;

	RimeClientBuilder() {
	}

	/**
	 * Set the RIME address (required), as the Python SDKs take it: a bare host such as
	 * {@code my_vpc.rime.com} (https is assumed), {@code host:port}, or an http or https URL such as
	 * {@code https://rime.example.com}; trailing slashes are dropped.
	 * @param address the address, without user info, query or fragment
	 * @return this builder
	 */
	public RimeClientBuilder address(String address) {
		this.address = Checks.address(address);
		return this;
	}

	/**
	 * Set the RIME address (required).
	 * @param address an absolute http or https URL without query
	 * @return this builder
	 */
	public RimeClientBuilder address(URI address) {
		this.address = Checks.address(address);
		return this;
	}

	/**
	 * Set the API key, sent as {@code rime-api-key} to the configured address only. With a plain
	 * http address to a host other than loopback, {@link #build()} logs a warning: the key would
	 * travel unencrypted.
	 * @param apiKey the key, or {@code null} for a server without authentication
	 * @return this builder
	 */
	public RimeClientBuilder apiKey(@Nullable String apiKey) {
		this.apiKey = Checks.apiKey(apiKey);
		return this;
	}

	/**
	 * Set the project that stress tests started without a project id go to.
	 * @param defaultProjectId the project id, or {@code null} for none
	 * @return this builder
	 */
	public RimeClientBuilder defaultProjectId(@Nullable String defaultProjectId) {
		this.defaultProjectId = (defaultProjectId != null) ? Checks.id(defaultProjectId, "defaultProjectId") : null;
		return this;
	}

	/**
	 * Set the connect timeout (default 10 s). Setting it replaces the request factory of a
	 * {@link #restClientBuilder(RestClient.Builder) given builder} with the default one.
	 * @param connectTimeout a positive duration
	 * @return this builder
	 */
	public RimeClientBuilder connectTimeout(Duration connectTimeout) {
		this.connectTimeout = Checks.positive(connectTimeout, "connectTimeout");
		return this;
	}

	/**
	 * Set the read timeout (default 30 s). Setting it replaces the request factory of a
	 * {@link #restClientBuilder(RestClient.Builder) given builder} with the default one.
	 * @param readTimeout a positive duration
	 * @return this builder
	 */
	public RimeClientBuilder readTimeout(Duration readTimeout) {
		this.readTimeout = Checks.positive(readTimeout, "readTimeout");
		return this;
	}

	/**
	 * Send calls through a proxy, such as
	 * {@code new Proxy(Proxy.Type.HTTP, new InetSocketAddress("proxy.example.com", 3128))}
	 * (default: the JVM's {@code ProxySelector}, which follows {@code http.proxyHost} and
	 * {@code https.proxyHost}). With https the proxy only relays the encrypted connection; with
	 * plain http it sees every request, the API key included. Setting it replaces the request
	 * factory of a {@link #restClientBuilder(RestClient.Builder) given builder} with the default one.
	 * @param proxy the proxy, or {@link Proxy#NO_PROXY} to connect directly whatever the JVM says
	 * @return this builder
	 */
	public RimeClientBuilder proxy(Proxy proxy) {
		if (proxy == null) {
			throw new IllegalArgumentException("proxy must not be null; expected a java.net.Proxy such as "
					+ "new Proxy(Proxy.Type.HTTP, new InetSocketAddress(\"proxy.example.com\", 3128)), or Proxy.NO_PROXY");
		}
		this.proxy = proxy;
		return this;
	}

	/**
	 * Create the threads that waits run on ({@code waitUntilFinish}'s polls, {@code whenFinished}
	 * and its callbacks) with this factory, such as one of virtual threads (Spring Boot's starter
	 * gives one with {@code spring.threads.virtual.enabled=true}). Default: the SDK's daemon
	 * threads, with virtual threads for reads on Java 21 and later. Threads are made as waits need
	 * them and dropped when idle.
	 * @param threadFactory the factory
	 * @return this builder
	 */
	public RimeClientBuilder threadFactory(ThreadFactory threadFactory) {
		if (threadFactory == null) {
			throw new IllegalArgumentException("threadFactory must not be null; expected a ThreadFactory, such as"
					+ " one of virtual threads");
		}
		this.threadFactory = threadFactory;
		return this;
	}

	/**
	 * Build on a {@code RestClient.Builder}, such as Spring Boot's observed one. It is cloned, not
	 * changed. Its request factory should not follow redirects: the SDK follows them itself, so
	 * that the API key never reaches another host. Without it, the SDK uses
	 * {@code HttpURLConnection}, the fastest on loopback.
	 * @param restClientBuilder the builder
	 * @return this builder
	 */
	public RimeClientBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		if (restClientBuilder == null) {
			throw new IllegalArgumentException("restClientBuilder is null; expected a RestClient.Builder");
		}
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	/**
	 * Set how often and how long to retry ({@link #DEFAULT_RETRY_POLICY} by default). The policy's
	 * back-off and timeout apply; its {@code shouldRetry} can only narrow the SDK's own rules:
	 * reads on I/O failures and 408, 429, 502, 503, 504; POSTs only on failures the server cannot
	 * have acted on, unless {@link #idempotencyKeysHonoured(boolean)}. Use
	 * {@code RetryPolicy.withMaxRetries(0)} to turn retries off.
	 * @param retryPolicy the policy
	 * @return this builder
	 */
	public RimeClientBuilder retryPolicy(RetryPolicy retryPolicy) {
		if (retryPolicy == null) {
			throw new IllegalArgumentException("retryPolicy is null; expected a RetryPolicy");
		}
		this.retryPolicy = retryPolicy;
		return this;
	}

	/**
	 * Set the longest {@code Retry-After} the SDK waits for (default 30 s); longer ones are cut.
	 * @param maxRetryAfter a duration of zero or more
	 * @return this builder
	 */
	public RimeClientBuilder maxRetryAfter(Duration maxRetryAfter) {
		this.maxRetryAfter = Checks.nonNegative(maxRetryAfter, "maxRetryAfter");
		return this;
	}

	/**
	 * Declare that the server returns the original response to a repeated {@code Idempotency-Key}
	 * (default false). Then POSTs are retried on every transient failure, without the risk of
	 * starting a stress test twice.
	 * @param idempotencyKeysHonoured whether the server honours idempotency keys
	 * @return this builder
	 */
	public RimeClientBuilder idempotencyKeysHonoured(boolean idempotencyKeysHonoured) {
		this.idempotencyKeysHonoured = idempotencyKeysHonoured;
		return this;
	}

	/**
	 * Add a listener that hears of every retry of an SDK call, for example to count retries.
	 * {@code Retryable#getName()} is the SDK operation, such as {@code get_job}. Listeners are
	 * called in the order they were added.
	 * @param retryListener the listener
	 * @return this builder
	 */
	public RimeClientBuilder addRetryListener(RetryListener retryListener) {
		if (retryListener == null) {
			throw new IllegalArgumentException("retryListener is null; expected a RetryListener");
		}
		this.retryListeners.add(retryListener);
		return this;
	}

	/**
	 * Add a listener that hears of every stress test this client starts, with the job and its
	 * project id, on the thread that started it. It runs after the start succeeded; what it throws
	 * is logged and does not fail the start, nor stop the other listeners. Listeners are called in
	 * the order they were added.
	 * @param jobStartListener the listener, given the job and its project id
	 * @return this builder
	 */
	public RimeClientBuilder addJobStartListener(JobStartListener jobStartListener) {
		if (jobStartListener == null) {
			throw new IllegalArgumentException("jobStartListener is null; expected a JobStartListener");
		}
		this.jobStartListeners.add(jobStartListener);
		return this;
	}

	/**
	 * Set the registry to observe operations with (default: none).
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public RimeClientBuilder observationRegistry(ObservationRegistry observationRegistry) {
		if (observationRegistry == null) {
			throw new IllegalArgumentException("observationRegistry is null; expected an ObservationRegistry");
		}
		this.observationRegistry = observationRegistry;
		return this;
	}

	/**
	 * Replace the default observation convention.
	 * @param observationConvention the convention, or {@code null} for the default
	 * @return this builder
	 */
	public RimeClientBuilder observationConvention(@Nullable RimeClientObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Set where verbose status texts go (default {@code System.out}).
	 * @param verboseOutput the stream
	 * @return this builder
	 */
	public RimeClientBuilder verboseOutput(PrintStream verboseOutput) {
		if (verboseOutput == null) {
			throw new IllegalArgumentException("verboseOutput is null; expected a PrintStream such as System.out");
		}
		this.verboseOutput = verboseOutput;
		return this;
	}

	/**
	 * Set the clock, whose zone is used for printed times (default UTC).
	 * @param clock the clock
	 * @return this builder
	 */
	public RimeClientBuilder clock(Clock clock) {
		if (clock == null) {
			throw new IllegalArgumentException("clock is null; expected a Clock such as Clock.systemUTC()");
		}
		this.clock = clock;
		return this;
	}

	/**
	 * Set how long a seed-form stress test start waits for its registered datasets and model to
	 * be validated (default 30 minutes).
	 * @param validationTimeout a positive duration
	 * @return this builder
	 */
	public RimeClientBuilder validationTimeout(Duration validationTimeout) {
		this.validationTimeout = Checks.positive(validationTimeout, "validationTimeout");
		return this;
	}

	/**
	 * Set how long one paged read may take, all its pages and their retries together: a listing of
	 * projects or jobs, or the pages of a result download (default ten times the retry policy's
	 * timeout, or 5 minutes if it has none). A listing still going then, because a server keeps
	 * sending new pages, ends in a {@link RimeException}; a page in flight may still take up to one
	 * call's timeout.
	 * @param listingTimeout a positive duration
	 * @return this builder
	 */
	public RimeClientBuilder listingTimeout(Duration listingTimeout) {
		this.listingTimeout = Checks.positive(listingTimeout, "listingTimeout");
		return this;
	}

	/**
	 * The request factory that the builder uses when it is given no {@code RestClient.Builder}:
	 * {@code HttpURLConnection}, which was the fastest per call on loopback; redirects left to the
	 * SDK, which follows those of reads without sending the API key to another host; and a response
	 * whose headers are still arriving at the call's deadline ended. Give it to a
	 * {@code RestClient.Builder} of your own to keep these.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @param sslContext the TLS context for https, or {@code null} for the JVM's default
	 * @return a new request factory
	 */
	public static ClientHttpRequestFactory defaultRequestFactory(Duration connectTimeout, Duration readTimeout,
			@Nullable SSLContext sslContext) {
		return defaultRequestFactory(connectTimeout, readTimeout, sslContext, null);
	}

	/**
	 * The {@link #defaultRequestFactory(Duration, Duration, SSLContext) default request factory},
	 * connecting through a proxy.
	 * @param connectTimeout the connect timeout
	 * @param readTimeout the read timeout
	 * @param sslContext the TLS context for https, or {@code null} for the JVM's default
	 * @param proxy the proxy, or {@code null} for the JVM's {@code ProxySelector}
	 * @return a new request factory
	 */
	public static ClientHttpRequestFactory defaultRequestFactory(Duration connectTimeout, Duration readTimeout,
			@Nullable SSLContext sslContext, @Nullable Proxy proxy) {
		return Sdk.requestFactory(Checks.positive(connectTimeout, "connectTimeout"),
				Checks.positive(readTimeout, "readTimeout"), sslContext, proxy);
	}

	/**
	 * Build the client: one {@code RestClient} and one JSON mapper, shared by all calls.
	 * @return the client
	 * @throws IllegalArgumentException if no address was set
	 */
	public RimeClient build() {
		URI baseUri = this.address;
		if (baseUri == null) {
			throw new IllegalArgumentException("address is not set; expected RimeClient.builder().address(...) with"
					+ " an absolute http or https URL such as https://rime.example.com");
		}
		if (this.apiKey != null && sendsKeyInClearToAnotherHost(baseUri)) {
			logger.warn("The RIME API key is sent unencrypted to " + baseUri + ", where anyone on the network path"
					+ " can read it; use an https address (plain http is for a server on loopback only)");
		}
		Sdk sdk = new Sdk(restClient(), baseUri, this.apiKey, this.retryPolicy, this.maxRetryAfter,
				this.idempotencyKeysHonoured, retryListener(), this.observationRegistry, this.observationConvention,
				this.verboseOutput, this.clock, this.validationTimeout, this.listingTimeout, this.threadFactory);
		return new RimeClient(baseUri, this.defaultProjectId, sdk, List.copyOf(this.jobStartListeners));
	}

	/** Whether the address is plain http to a host other than this one, judged without a DNS lookup. */
	private static boolean sendsKeyInClearToAnotherHost(URI address) {
		if (!address.getScheme().equals("http")) {
			return false;
		}
		String host = String.valueOf(Addresses.host(address)).toLowerCase(Locale.ROOT);
		boolean loopback = host.equals("localhost") || host.endsWith(".localhost") || host.equals("[::1]")
				|| host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
		return !loopback;
	}

	private RetryListener retryListener() {
		CompositeRetryListener listener = new CompositeRetryListener();
		this.retryListeners.forEach(listener::addListener);
		return listener;
	}

	private RestClient restClient() {
		RestClient.Builder builder = (this.restClientBuilder != null) ? this.restClientBuilder.clone()
				: RestClient.builder();
		if (this.restClientBuilder == null || this.connectTimeout != null || this.readTimeout != null
				|| this.proxy != null) {
			builder.requestFactory(defaultRequestFactory(
					(this.connectTimeout != null) ? this.connectTimeout : DEFAULT_CONNECT_TIMEOUT,
					(this.readTimeout != null) ? this.readTimeout : DEFAULT_READ_TIMEOUT, null, this.proxy));
		}
		return builder.build();
	}

}
