package io.rime.watch.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the job watcher makes: one per poll cycle. The SDK operations a cycle runs are
 * observed inside it as {@code rime.client.operation}.
 */
public enum RimeWatcherPollObservationDocumentation implements ObservationDocumentation {

	/**
	 * One poll cycle: the list calls of every watched project and the reads of the jobs that left
	 * the active set.
	 */
	POLL {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRimeWatcherPollObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys with a small, closed set of values, safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** {@code SUCCESS}, {@code FAILURE}, {@code ABANDONED}, {@code REVOKED} or {@code FENCED}; set when the cycle ends. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		}

	}

}
