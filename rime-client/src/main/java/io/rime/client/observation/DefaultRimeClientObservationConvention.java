package io.rime.client.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.rime.client.RimeApiException;
import io.rime.client.RimeConnectionException;
import io.rime.client.observation.RimeClientObservationDocumentation.HighCardinalityKeyNames;
import io.rime.client.observation.RimeClientObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default convention: observation {@code rime.client.operation}, tagged with the operation,
 * its outcome and its error type; ids only as high-cardinality keys.
 */
public class DefaultRimeClientObservationConvention implements RimeClientObservationConvention {

	private static final String DEFAULT_NAME = "rime.client.operation";

	private static final KeyValue ERROR_TYPE_NONE = KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, KeyValue.NONE_VALUE);

	private final String name;

	/**
	 * Create a convention that names the observation {@code rime.client.operation}.
	 */
	public DefaultRimeClientObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with another observation name.
	 * @param name the observation name
	 */
	public DefaultRimeClientObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(RimeClientObservationContext context) {
		return "rime " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(RimeClientObservationContext context) {
		return KeyValues.of(errorType(context), outcome(context), operation(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(RimeClientObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getProjectId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.PROJECT_ID, context.getProjectId()));
		}
		if (context.getJobId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.JOB_ID, context.getJobId()));
		}
		return values;
	}

	/**
	 * The {@code rime.operation} key.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue operation(RimeClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation());
	}

	/**
	 * The {@code outcome} key, from the error that ended the operation.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue outcome(RimeClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcomeOf(context.getError()));
	}

	/**
	 * The {@code error.type} key.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue errorType(RimeClientObservationContext context) {
		Throwable error = context.getError();
		return (error != null) ? KeyValue.of(LowCardinalityKeyNames.ERROR_TYPE, error.getClass().getSimpleName())
				: ERROR_TYPE_NONE;
	}

	private static String outcomeOf(@Nullable Throwable error) {
		if (error == null) {
			return "SUCCESS";
		}
		if (error instanceof RimeConnectionException) {
			return "CONNECTION_ERROR";
		}
		if (error instanceof RimeApiException apiException) {
			return (apiException.getHttpStatus() >= 500) ? "SERVER_ERROR" : "CLIENT_ERROR";
		}
		if (error instanceof IllegalArgumentException || error instanceof IllegalStateException) {
			return "CLIENT_ERROR";
		}
		return "UNKNOWN";
	}

}
