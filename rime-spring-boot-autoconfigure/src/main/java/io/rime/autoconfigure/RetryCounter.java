package io.rime.autoconfigure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

/**
 * Counts the retries of the RIME client as {@code rime.client.retries}, tagged with the SDK
 * operation ({@code rime.operation}) and the simple class name of the failure that caused the
 * retry ({@code error.type}): both closed sets.
 */
class RetryCounter implements RetryListener {

	static final String NAME = "rime.client.retries";

	private final MeterRegistry meterRegistry;

	RetryCounter(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
		Throwable cause = retryState.getLastException();
		Counter.builder(NAME)
			.description("Retries of RIME client calls; each call is made at most 1 + max-retries times")
			.baseUnit("retries")
			.tag("rime.operation", retryable.getName())
			.tag("error.type", (cause != null) ? cause.getClass().getSimpleName() : "none")
			.register(this.meterRegistry)
			.increment();
	}

}
