package io.rime.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.rime.client.RimeApiException;
import io.rime.client.RimeException;

/**
 * Sends {@link HttpCall}s to RIME: one {@code RestClient}, the API key only for the configured
 * origin, retries by {@link RetryRules}, and every failure turned into a {@link RimeException}.
 */
final class Transport {

	private static final String API_KEY_HEADER = "rime-api-key";

	private static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

	private static final int MAX_REDIRECTS = 5;

	/**
	 * The most bytes of one response the SDK reads. Results come in pages of a thousand test
	 * cases, a few megabytes at most, so a larger body is a broken or hostile server.
	 */
	static final long MAX_BODY_BYTES = 16 * 1024 * 1024;

	// What RestClient.uri(template, ...) records for the http.client.requests uri tag; set directly,
	// because that method parses the template twice on every call.
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private static final Log logger = LogFactory.getLog(Transport.class);

	private final RestClient restClient;

	private final URI baseUri;

	private final Origin origin;

	private final @Nullable String apiKey;

	private final RetryPolicy retryPolicy;

	private final Duration maxRetryAfter;

	private final RetryRules retryRules;

	private final RetryListener retryListener;

	private final ErrorMapper errorMapper;

	private final Clock clock;

	private volatile boolean closed;

	/**
	 * Create a transport.
	 * @param restClient the client to send with
	 * @param baseUri the RIME address, without a trailing slash
	 * @param apiKey the API key, or {@code null} to send none
	 * @param retryPolicy how often and how long to retry
	 * @param maxRetryAfter the longest {@code Retry-After} to honour
	 * @param retryRules which failures may be retried
	 * @param retryListener hears of every retry
	 * @param errorMapper turns error responses into exceptions
	 * @param clock the clock to read {@code Retry-After} dates against
	 */
	public Transport(RestClient restClient, URI baseUri, @Nullable String apiKey, RetryPolicy retryPolicy,
			Duration maxRetryAfter, RetryRules retryRules, RetryListener retryListener,
			ErrorMapper errorMapper, Clock clock) {
		this.restClient = restClient;
		this.baseUri = baseUri;
		this.origin = Origin.of(baseUri);
		this.apiKey = apiKey;
		this.retryPolicy = retryPolicy;
		this.maxRetryAfter = maxRetryAfter;
		this.retryRules = retryRules;
		this.retryListener = retryListener;
		this.errorMapper = errorMapper;
		this.clock = clock;
	}

	/**
	 * Send a call to RIME, retrying as the rules allow. A POST carries one
	 * {@code Idempotency-Key} on all its attempts.
	 * @param <T> the result type
	 * @param call the call
	 * @param reader reads a successful response body
	 * @return what the reader returned
	 */
	public <T> T execute(HttpCall call, BodyReader<T> reader) {
		return execute(URI.create(this.baseUri + call.target()), call, true, reader);
	}

	/**
	 * Fetch a URL outside the RIME API, such as archived job logs, never with the API key: the URL
	 * carries its own signature and, in real RIME, points at another host.
	 * @param url the URL
	 * @param operation the SDK operation, for messages
	 * @return the body as text
	 */
	public String fetchWithoutApiKey(URI url, String operation) {
		HttpCall call = new HttpCall(HttpMethod.GET, operation, "{archivedJobLogsUrl}", url.getRawPath(), "", null);
		if (!isHttp(url)) {
			throw new RimeApiException("RIME gave " + operation + " a URL that is not http or https ("
					+ url.getScheme() + ":...); the SDK fetches nothing else", 200, null, null);
		}
		return execute(url, call, false, (body) -> new String(body.readAllBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * Refuse every call from now on, before anything is sent; calls in progress finish.
	 */
	public void close() {
		this.closed = true;
	}

	// A call to RIME's API may carry the key and must be answered in JSON; other URLs neither.
	private <T> T execute(URI uri, HttpCall call, boolean rimeApi, BodyReader<T> reader) {
		if (this.closed) {
			throw new IllegalStateException("The RimeClient is closed, so " + call.operation()
					+ " was not sent; build a new client");
		}
		long deadline = deadline(this.retryPolicy.getTimeout());
		String idempotencyKey = HttpMethod.POST.equals(call.method()) ? UUID.randomUUID().toString() : null;
		CallRetry retry = new CallRetry(this.retryPolicy, this.maxRetryAfter, call.operation(), this.retryListener);
		RetryTemplate template = new RetryTemplate(retry);
		template.setRetryListener(retry);
		try {
			return template.execute(new Retryable<>() {
				@Override
				public T execute() {
					return followingRedirects(uri, call, idempotencyKey, rimeApi, retry, deadline, reader);
				}

				@Override
				public String getName() {
					return call.operation();
				}
			});
		}
		catch (RetryException ex) {
			Throwable cause = FailedAttempt.unwrap(ex.getCause());
			if (cause instanceof RuntimeException failure) {
				throw failure;
			}
			throw new RimeException(call.operation() + " failed: " + cause, cause);
		}
	}

	// The retry policy's timeout bounds a call and its retries; reading a body checks it too.
	private static long deadline(Duration timeout) {
		long nanos = (timeout.isZero() || timeout.isNegative()) ? Long.MAX_VALUE / 2
				: Math.min(Durations.nanos(timeout), Long.MAX_VALUE / 2);
		return System.nanoTime() + nanos;
	}

	private <T> T followingRedirects(URI uri, HttpCall call, @Nullable String idempotencyKey, boolean rimeApi,
			CallRetry retry, long deadline, BodyReader<T> reader) {
		URI target = uri;
		for (int redirects = 0;; redirects++) {
			Response<T> response = exchange(target, call, idempotencyKey, rimeApi, retry, deadline, reader);
			if (response.redirect() == null) {
				return response.value();
			}
			if (redirects == MAX_REDIRECTS) {
				throw new RimeApiException("RIME redirected " + call.operation() + " more than " + MAX_REDIRECTS
						+ " times; the last redirect was to " + response.redirect(), response.status(), null, null);
			}
			target = target.resolve(response.redirect());
		}
	}

	private <T> Response<T> exchange(URI target, HttpCall call, @Nullable String idempotencyKey, boolean rimeApi,
			CallRetry retry, long deadline, BodyReader<T> reader) {
		long start = System.nanoTime();
		boolean withKey = rimeApi && this.apiKey != null && this.origin.matches(target);
		RestClient.RequestBodySpec request = this.restClient.method(call.method())
			.uri(target)
			.attribute(URI_TEMPLATE_ATTRIBUTE, call.template())
			.attribute(NoRedirectRequestFactory.DEADLINE_ATTRIBUTE, deadline)
			.headers((headers) -> {
			headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
			if (withKey) {
				headers.set(API_KEY_HEADER, this.apiKey);
			}
			if (idempotencyKey != null) {
				headers.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
			}
			if (logger.isTraceEnabled()) {
				logger.trace(call.method() + " " + shown(target) + " headers " + masked(headers));
			}
		});
		if (call.body() != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(call.body());
		}
		else if (HttpMethod.POST.equals(call.method())) {
			request.contentLength(0);
		}
		try {
			return request.exchange((req, res) -> {
				int status = status(res);
				logResponse(call, target, status, start);
				String location = res.getHeaders().getFirst(HttpHeaders.LOCATION);
				// Closing the body here, before Spring drains it, drops a connection whose body was cut
				// off or not read, such as a redirect's.
				try (InputStream body = new BoundedBody(res.getBody(), MAX_BODY_BYTES, deadline,
						res.getHeaders().getContentLength())) {
					if (status >= 300 && status < 400 && location != null && HttpMethod.GET.equals(call.method())) {
						return new Response<>(status, null, redirectTarget(call, status, location));
					}
					if (status >= 200 && status < 300) {
						// A login portal or a misrouted ingress answers 200 with a page; a cancel would seem done.
						String contentType = res.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
						if (rimeApi && contentType != null && !ResponseBodies.isJson(contentType)) {
							throw this.errorMapper.notJson(call, target, contentType, body);
						}
						return new Response<>(status, ResponseBodies.read(call, target, body, reader, this.errorMapper), null);
					}
					RimeApiException failure = ResponseBodies.read(call, target, body,
							(error) -> this.errorMapper.toException(call, status, error), this.errorMapper);
					throw new FailedAttempt(failure,
							this.retryRules.isRetryable(call.method(), status, retry.earlierAttemptMayHaveActed()),
							RetryRules.parseRetryAfter(res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), this.clock),
							false);
				}
			}, true);
		}
		catch (ResourceAccessException ex) {
			IOException cause = (ex.getCause() instanceof IOException io) ? io : new IOException(ex.getMessage());
			// An interrupted caller wants the call to end, not another attempt.
			throw new FailedAttempt(this.errorMapper.toConnectionException(call, target, cause),
					!Thread.currentThread().isInterrupted() && this.retryRules.isRetryable(call.method(), cause),
					Duration.ZERO, !RetryRules.neverReachedServer(cause));
		}
		catch (RestClientException ex) {
			throw new RimeException(call.operation() + " failed: " + this.errorMapper.redact(ex.getMessage()), ex);
		}
	}

	// A status line the HTTP library cannot read (an SSH banner, HTTP/0.9, a status below 100) means
	// that no HTTP server answered: a connection failure, retried like one.
	private static int status(ClientHttpResponse response) throws IOException {
		try {
			int status = response.getStatusCode().value();
			if (status >= 100 && status <= 999) {
				return status;
			}
			throw new NotHttp(Integer.toString(status));
		}
		catch (IllegalArgumentException ex) {
			throw new NotHttp(ex.getMessage());
		}
	}

	private static URI redirectTarget(HttpCall call, int status, String location) {
		URI target;
		try {
			target = URI.create(location);
		}
		catch (IllegalArgumentException ex) {
			throw new RimeApiException("RIME redirected " + call.operation() + " to an invalid location: " + location,
					status, null, null);
		}
		if (target.getScheme() != null && !isHttp(target)) {
			throw new RimeApiException("RIME redirected " + call.operation() + " to a URL that is not http or https ("
					+ target.getScheme() + ":...); the SDK follows no other scheme", status, null, null);
		}
		return target;
	}

	private static boolean isHttp(URI url) {
		return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
	}

	private void logResponse(HttpCall call, URI target, int status, long start) {
		if (logger.isDebugEnabled()) {
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			logger.debug(call.operation() + ": " + call.method() + " " + shown(target) + " -> " + status + " ("
					+ millis + " ms)");
		}
	}

	// Foreign URLs, such as signed log links, carry credentials in their query.
	private String shown(URI target) {
		return this.origin.matches(target) ? target.toString()
				: target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath();
	}

	private static String masked(HttpHeaders headers) {
		HttpHeaders copy = new HttpHeaders();
		headers.forEach((name, values) -> copy.put(name,
				name.equalsIgnoreCase(API_KEY_HEADER) ? List.of("******") : values));
		return copy.toString();
	}

	/**
	 * Reads a successful response body; runs inside the exchange, so it must not keep the stream.
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface BodyReader<T> {

		/**
		 * Read the body.
		 * @param body the body stream
		 * @return the result
		 * @throws IOException if reading fails
		 */
		T read(InputStream body) throws IOException;

	}

	/** The server did not answer with an HTTP status line. */
	static final class NotHttp extends IOException {

		private static final long serialVersionUID = 1L;

		NotHttp(@Nullable String detail) {
			super("the server did not answer with an HTTP status line (" + detail + "); is the address an HTTP"
					+ " server's?");
		}

	}

	private record Response<T>(int status, @Nullable T value, @Nullable URI redirect) {
	}

}
