package io.rime.watch.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.rime.watch.observation.RimeWatcherPollObservationContext.Outcome;
import io.rime.watch.observation.RimeWatcherPollObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default convention: observation {@code rime.watcher.poll}, tagged with the cycle's outcome
 * once it ended.
 */
public class DefaultRimeWatcherPollObservationConvention implements RimeWatcherPollObservationConvention {

	private static final String DEFAULT_NAME = "rime.watcher.poll";

	private final String name;

	/**
	 * Create a convention that names the observation {@code rime.watcher.poll}.
	 */
	public DefaultRimeWatcherPollObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with another observation name.
	 * @param name the observation name
	 */
	public DefaultRimeWatcherPollObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(RimeWatcherPollObservationContext context) {
		return "rime watcher poll";
	}

	/**
	 * Tag the outcome only at the end: the start's tags also tag the long task timer of the
	 * cycles in progress, whose outcome is not known yet.
	 */
	@Override
	public KeyValues getLowCardinalityKeyValues(RimeWatcherPollObservationContext context) {
		Outcome outcome = context.getOutcome();
		return (outcome != null) ? KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome.name()))
				: KeyValues.empty();
	}

}
