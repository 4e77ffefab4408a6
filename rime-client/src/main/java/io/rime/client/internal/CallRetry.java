package io.rime.client.internal;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry state of one call. The user's policy decides how often and how long to retry; this
 * adds what the failed attempt carries in its {@link FailedAttempt}: whether it may be repeated,
 * and the server's {@code Retry-After}. A {@code RetryTemplate} is cheap, so each call gets its
 * own with this as both policy and listener; the user's policy and listener see the SDK's
 * exceptions, never the wrapper.
 */
final class CallRetry implements RetryPolicy, RetryListener {

	private static final Log logger = LogFactory.getLog(CallRetry.class);

	private final RetryPolicy policy;

	private final Duration maxRetryAfter;

	private final String operation;

	private final RetryListener listener;

	private Duration retryAfter = Duration.ZERO;

	private boolean earlierAttemptMayHaveActed;

	CallRetry(RetryPolicy policy, Duration maxRetryAfter, String operation, RetryListener listener) {
		this.policy = policy;
		this.maxRetryAfter = maxRetryAfter;
		this.operation = operation;
		this.listener = listener;
	}

	boolean earlierAttemptMayHaveActed() {
		return this.earlierAttemptMayHaveActed;
	}

	@Override
	public boolean shouldRetry(Throwable throwable) {
		if (!(throwable instanceof FailedAttempt attempt)) {
			return false;
		}
		this.earlierAttemptMayHaveActed |= attempt.mayHaveActed();
		this.retryAfter = attempt.retryAfter();
		return attempt.retryable() && this.policy.shouldRetry(attempt.failure());
	}

	@Override
	public Duration getTimeout() {
		return this.policy.getTimeout();
	}

	@Override
	public BackOff getBackOff() {
		return () -> {
			BackOffExecution execution = this.policy.getBackOff().start();
			return () -> {
				long delay = execution.nextBackOff();
				if (delay == BackOffExecution.STOP) {
					return delay;
				}
				Duration serverDelay = (this.retryAfter.compareTo(this.maxRetryAfter) > 0) ? this.maxRetryAfter
						: this.retryAfter;
				return Math.max(delay, serverDelay.toMillis());
			};
		};
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
		RetryState unwrapped = new Unwrapped(retryState);
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + this.operation + " (retry " + unwrapped.getRetryCount() + ") after: "
					+ unwrapped.getLastException().getMessage());
		}
		this.listener.beforeRetry(retryPolicy, retryable, unwrapped);
	}

	@Override
	public void onRetrySuccess(RetryPolicy retryPolicy, Retryable<?> retryable, @Nullable Object result) {
		this.listener.onRetrySuccess(retryPolicy, retryable, result);
	}

	@Override
	public void onRetryFailure(RetryPolicy retryPolicy, Retryable<?> retryable, Throwable throwable) {
		this.listener.onRetryFailure(retryPolicy, retryable, FailedAttempt.unwrap(throwable));
	}

	private record Unwrapped(RetryState state) implements RetryState {

		@Override
		public int getRetryCount() {
			return this.state.getRetryCount();
		}

		@Override
		public List<Throwable> getExceptions() {
			return this.state.getExceptions().stream().map(FailedAttempt::unwrap).toList();
		}

	}

}
