package io.rime.client.internal;

import java.time.Duration;

import io.rime.client.RimeException;

/**
 * What one attempt of a call threw, with what only the attempt knows: whether it may be repeated,
 * how long the server asked to wait, and whether the server may have acted on it. Thrown inside
 * the retry loop only; {@link CallRetry} reads it and hands the user's policy and listeners the
 * {@link #failure()} itself, and the caller sees that failure, never this wrapper.
 */
final class FailedAttempt extends RuntimeException {

	private final RimeException failure;

	private final boolean retryable;

	private final Duration retryAfter;

	private final boolean mayHaveActed;

	FailedAttempt(RimeException failure, boolean retryable, Duration retryAfter, boolean mayHaveActed) {
		super(failure.getMessage(), failure, false, false);
		this.failure = failure;
		this.retryable = retryable;
		this.retryAfter = retryAfter;
		this.mayHaveActed = mayHaveActed;
	}

	RimeException failure() {
		return this.failure;
	}

	boolean retryable() {
		return this.retryable;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	// A POST whose answer was lost after it reached the server.
	boolean mayHaveActed() {
		return this.mayHaveActed;
	}

	/**
	 * Return what the caller, the user's retry policy and listeners see of a failure.
	 * @param failure what an attempt threw
	 * @return the wrapped failure, or the failure itself when it is not a {@code FailedAttempt}
	 */
	static Throwable unwrap(Throwable failure) {
		return (failure instanceof FailedAttempt attempt) ? attempt.failure : failure;
	}

}
