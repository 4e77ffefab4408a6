package io.rime.watch.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a watcher poll cycle. Declare a bean of this type, or extend
 * {@link DefaultRimeWatcherPollObservationConvention}, to change them.
 */
public interface RimeWatcherPollObservationConvention extends ObservationConvention<RimeWatcherPollObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RimeWatcherPollObservationContext;
	}

}
