package io.rime.client.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of an SDK operation. Implement it, or extend
 * {@link DefaultRimeClientObservationConvention}, to change them.
 */
public interface RimeClientObservationConvention extends ObservationConvention<RimeClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof RimeClientObservationContext;
	}

}
