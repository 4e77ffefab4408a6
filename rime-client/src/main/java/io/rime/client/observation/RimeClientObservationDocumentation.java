package io.rime.client.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observations the SDK makes: one per SDK operation. Retries are not observed separately;
 * they happen inside the operation's observation and are reported to the builder's
 * {@code RetryListener}s (Spring Boot counts them as {@code rime.client.retries}).
 */
public enum RimeClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One SDK operation, such as starting a stress test, including all its HTTP calls and retries.
	 */
	OPERATION {
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultRimeClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}
	};

	/**
	 * Keys with a small, closed set of values, safe as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The SDK operation, for example {@code start_stress_test}. */
		OPERATION {
			@Override
			public String asString() {
				return "rime.operation";
			}
		},

		/** {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code CONNECTION_ERROR} or {@code UNKNOWN}. */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The simple class name of the exception that ended the operation, or {@code none}. */
		ERROR_TYPE {
			@Override
			public String asString() {
				return "error.type";
			}
		}

	}

	/**
	 * Keys with unbounded values: for traces, never for metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The project the operation works on, when it has one. */
		PROJECT_ID {
			@Override
			public String asString() {
				return "rime.project.id";
			}
		},

		/** The job the operation works on, when it has one. */
		JOB_ID {
			@Override
			public String asString() {
				return "rime.job.id";
			}
		}

	}

}
