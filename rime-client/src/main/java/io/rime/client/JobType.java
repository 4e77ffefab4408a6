package io.rime.client;

/**
 * The type of a RIME job, named as in the original Python SDK.
 */
public enum JobType {

	/** A model stress test. */
	MODEL_STRESS_TEST,

	/** Any other type, or one this version of the SDK does not know. */
	UNKNOWN_JOB_TYPE

}
