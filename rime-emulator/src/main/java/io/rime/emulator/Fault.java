package io.rime.emulator;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A fault that the emulator injects into the requests that match a method and a path pattern.
 * Immutable: each method returns a new fault.
 *
 * <pre>{@code
 * emulator.faults().add(Fault.on("POST", "/v1/stress-tests/*").status(503).times(2));
 * emulator.faults().add(Fault.on("*", "/v1/**").latency(Duration.ofSeconds(3)).rate(0.1));
 * }</pre>
 *
 * <p>A path pattern is matched against the raw request path: {@code *} stands for one path
 * segment, {@code **} for any number of segments. A pattern may end in {@code ?name} to match only
 * requests whose query has that parameter, such as {@code /v1/test-cases?pageToken} for the pages
 * after the first. A fault does one thing; when several faults
 * match a request, every matching {@link #latency(Duration) latency} fault adds its delay and the
 * first other matching fault that fires decides the outcome.
 */
public final class Fault {

	private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

	/**
	 * What a fault does to a request.
	 */
	public enum Kind {

		/** Answers with an HTTP error and an RpcStatus body, without handling the request. */
		STATUS,

		/** Delays the request, then handles it normally. */
		LATENCY,

		/** Closes the connection without a response, without handling the request. */
		CLOSE_CONNECTION,

		/** Handles the request, then sends the headers and only half of the body. */
		CUT_BODY,

		/** Handles the request (its changes happen), then closes the connection without a response. */
		APPLY_THEN_FAIL,

		/**
		 * Answers with a fixed status, content type and body, without handling the request: what a
		 * proxy's HTML error page, an empty answer or JSON of the wrong shape look like.
		 */
		BODY,

		/**
		 * Holds the request without an answer until the emulator stops, without handling it: a hung
		 * server, which only the client's read timeout ends.
		 */
		STALL

	}

	private final String method;

	private final String pathPattern;

	private final RequestPattern requestPattern;

	private final @Nullable Kind kind;

	private final int status;

	private final Duration retryAfter;

	private final Duration latency;

	private final double rate;

	private final int times;

	private final String contentType;

	private final String body;

	private Fault(String method, String pathPattern, @Nullable Kind kind, int status, Duration retryAfter,
			Duration latency, double rate, int times, String contentType, String body) {
		this.method = method;
		this.pathPattern = pathPattern;
		this.requestPattern = RequestPattern.of(pathPattern);
		this.kind = kind;
		this.status = status;
		this.retryAfter = retryAfter;
		this.latency = latency;
		this.rate = rate;
		this.times = times;
		this.contentType = contentType;
		this.body = body;
	}

	/**
	 * Starts a fault for the requests with the given method and path pattern.
	 * @param method an HTTP method, or {@code *} for any
	 * @param pathPattern a path such as {@code /v1/jobs/*} or {@code /v1/**}, optionally with
	 * {@code ?name} to match only requests with that query parameter
	 * @return a fault that still needs its kind
	 */
	public static Fault on(String method, String pathPattern) {
		if (method == null || method.isBlank()) {
			throw new IllegalArgumentException("Fault method must be an HTTP method or '*', but was '" + method + "'");
		}
		if (pathPattern == null || !pathPattern.startsWith("/")) {
			throw new IllegalArgumentException(
					"Fault path pattern must start with '/', such as '/v1/**', but was '" + pathPattern + "'");
		}
		if (pathPattern.endsWith("?")) {
			throw new IllegalArgumentException(
					"Fault path pattern '" + pathPattern + "' must name a query parameter after '?', such as '?pageToken'");
		}
		return new Fault(method.toUpperCase(Locale.ROOT), pathPattern, null, 0, DEFAULT_RETRY_AFTER, Duration.ZERO,
				1.0, Integer.MAX_VALUE, "", "");
	}

	/**
	 * Answers with the given HTTP status and a matching RpcStatus body; 429 and 503 carry a
	 * {@code Retry-After} header.
	 * @param httpStatus an HTTP status from 400 to 599
	 * @return the new fault
	 */
	public Fault status(int httpStatus) {
		if (httpStatus < 400 || httpStatus > 599) {
			throw new IllegalArgumentException("Fault status must be from 400 to 599, but was " + httpStatus);
		}
		return new Fault(this.method, this.pathPattern, Kind.STATUS, httpStatus, this.retryAfter, this.latency,
				this.rate, this.times, "", "");
	}

	/**
	 * Sets the {@code Retry-After} value sent with 429 and 503 answers (default one second).
	 * @param retryAfter a whole number of seconds, zero or more
	 * @return the new fault
	 */
	public Fault retryAfter(Duration retryAfter) {
		if (retryAfter == null || retryAfter.isNegative()) {
			throw new IllegalArgumentException("Fault retryAfter must be zero or positive, but was " + retryAfter);
		}
		return new Fault(this.method, this.pathPattern, this.kind, this.status, retryAfter, this.latency, this.rate,
				this.times, this.contentType, this.body);
	}

	/**
	 * Delays matching requests by the given time before handling them.
	 * @param delay the added latency
	 * @return the new fault
	 */
	public Fault latency(Duration delay) {
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("Fault latency must be zero or positive, but was " + delay);
		}
		return new Fault(this.method, this.pathPattern, Kind.LATENCY, 0, this.retryAfter, delay, this.rate,
				this.times, "", "");
	}

	/**
	 * Closes the connection without any response; the request is not handled.
	 * @return the new fault
	 */
	public Fault closeConnection() {
		return withKind(Kind.CLOSE_CONNECTION);
	}

	/**
	 * Handles the request, then sends its headers and half of its body and closes the connection.
	 * @return the new fault
	 */
	public Fault cutBody() {
		return withKind(Kind.CUT_BODY);
	}

	/**
	 * Handles the request, then sends its headers and its body up to the end of the first match of
	 * a regular expression (half of the body if nothing matches) and closes the connection: a cut
	 * at a chosen place, such as inside a field name (<code>\{"\w{2}</code>) or between two array
	 * elements (<code>\},(?=\{)</code>).
	 * @param regex where to cut: after the first match
	 * @return the new fault
	 */
	public Fault cutBodyAfter(String regex) {
		if (regex == null || regex.isEmpty()) {
			throw new IllegalArgumentException("Fault cutBodyAfter needs a regular expression, but was '" + regex + "'");
		}
		Pattern.compile(regex);
		return new Fault(this.method, this.pathPattern, Kind.CUT_BODY, 0, this.retryAfter, this.latency, this.rate,
				this.times, "", regex);
	}

	/**
	 * Handles the request, so that what it changes is changed, then closes the connection without
	 * a response: the case that makes naive retries create duplicates.
	 * @return the new fault
	 */
	public Fault applyThenFail() {
		return withKind(Kind.APPLY_THEN_FAIL);
	}

	/**
	 * Sets the share of matching requests that the fault hits (default 1: all of them).
	 * @param probability from 0 to 1
	 * @return the new fault
	 */
	public Fault rate(double probability) {
		if (!(probability >= 0 && probability <= 1)) {
			throw new IllegalArgumentException("Fault rate must be from 0 to 1, but was " + probability);
		}
		return new Fault(this.method, this.pathPattern, this.kind, this.status, this.retryAfter, this.latency,
				probability, this.times, this.contentType, this.body);
	}

	/**
	 * Limits how many times the fault fires (default: no limit).
	 * @param count one or more
	 * @return the new fault
	 */
	public Fault times(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("Fault times must be 1 or more, but was " + count);
		}
		return new Fault(this.method, this.pathPattern, this.kind, this.status, this.retryAfter, this.latency,
				this.rate, count, this.contentType, this.body);
	}

	/**
	 * Answers with the given status, content type and body instead of handling the request, for
	 * example an HTML error page, an empty 200 or JSON whose fields have the wrong types.
	 * @param httpStatus an HTTP status from 200 to 599
	 * @param contentType the {@code Content-Type}, such as {@code text/html}
	 * @param body the body, empty for none
	 * @return the new fault
	 */
	public Fault body(int httpStatus, String contentType, String body) {
		if (httpStatus < 200 || httpStatus > 599) {
			throw new IllegalArgumentException("Fault body status must be from 200 to 599, but was " + httpStatus);
		}
		if (contentType == null || contentType.isBlank() || body == null) {
			throw new IllegalArgumentException("Fault body needs a content type and a body (empty for none), but was '"
					+ contentType + "' and " + ((body != null) ? "a body" : "null"));
		}
		return new Fault(this.method, this.pathPattern, Kind.BODY, httpStatus, this.retryAfter, this.latency,
				this.rate, this.times, contentType, body);
	}

	/**
	 * Holds matching requests without an answer until the emulator stops; clients see their read
	 * timeout. The request is not handled.
	 * @return the new fault
	 */
	public Fault stall() {
		return withKind(Kind.STALL);
	}

	private Fault withKind(Kind kind) {
		return new Fault(this.method, this.pathPattern, kind, 0, this.retryAfter, this.latency, this.rate, this.times,
				"", "");
	}

	/**
	 * Parses the standalone flag form {@code METHOD PATH=KIND[:ARG][,rate=R][,times=N]}, for
	 * example {@code POST /v1/stress-tests/*=status:503,rate=0.2},
	 * {@code * /v1/**=latency:2s}, {@code GET /v1/jobs/*=close}, {@code GET /v1/test-cases=cut-body},
	 * {@code POST /v1/projects=apply-then-fail}, {@code GET /v1/**=stall} or
	 * {@code GET /v1/**=body:502:text/html:%3Chtml%3EBad%20gateway%3C/html%3E} (the body URL-encoded).
	 * @param spec the flag value
	 * @return the fault
	 */
	public static Fault parse(String spec) {
		return FaultSpec.parse(spec);
	}

	/**
	 * Returns whether this fault applies to a request.
	 * @param requestMethod the request's method
	 * @param rawPath the request's raw path
	 * @return whether it matches
	 */
	public boolean matches(String requestMethod, String rawPath) {
		return matches(requestMethod, rawPath, null);
	}

	/**
	 * Returns whether this fault applies to a request.
	 * @param requestMethod the request's method
	 * @param rawPath the request's raw path
	 * @param rawQuery the request's raw query, or {@code null} for none
	 * @return whether it matches
	 */
	public boolean matches(String requestMethod, String rawPath, @Nullable String rawQuery) {
		return (this.method.equals("*") || this.method.equals(requestMethod))
				&& this.requestPattern.matches(rawPath, rawQuery);
	}

	/**
	 * Returns what this fault does.
	 * @return the kind, or {@code null} while none was chosen
	 */
	public @Nullable Kind kind() {
		return this.kind;
	}

	/**
	 * Returns the HTTP status of a {@link Kind#STATUS} or {@link Kind#BODY} fault.
	 * @return the status
	 */
	public int httpStatus() {
		return this.status;
	}

	/**
	 * Returns the {@code Content-Type} of a {@link Kind#BODY} fault.
	 * @return the content type, empty for other kinds
	 */
	public String contentType() {
		return this.contentType;
	}

	/**
	 * Returns the body of a {@link Kind#BODY} fault, or the regular expression a
	 * {@link Kind#CUT_BODY} fault cuts after.
	 * @return the body or text, empty for none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * Returns the {@code Retry-After} value of 429 and 503 answers.
	 * @return the delay
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * Returns the delay of a {@link Kind#LATENCY} fault.
	 * @return the delay
	 */
	public Duration latency() {
		return this.latency;
	}

	/**
	 * Returns the share of matching requests that the fault hits.
	 * @return from 0 to 1
	 */
	public double rate() {
		return this.rate;
	}

	/**
	 * Returns how many times the fault may fire at most.
	 * @return the limit
	 */
	public int times() {
		return this.times;
	}

	@Override
	public String toString() {
		return this.method + " " + this.pathPattern + "=" + this.kind
				+ ((this.kind == Kind.STATUS || this.kind == Kind.BODY) ? ":" + this.status : "")
				+ ((this.kind == Kind.BODY) ? ":" + this.contentType + ":" + this.body.length() + " chars" : "")
				+ ((this.kind == Kind.LATENCY) ? ":" + this.latency.toMillis() + "ms" : "") + ",rate=" + this.rate
				+ ((this.times != Integer.MAX_VALUE) ? ",times=" + this.times : "");
	}

}
