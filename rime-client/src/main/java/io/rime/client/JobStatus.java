package io.rime.client;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The status of a RIME job, named as in the original Python SDK.
 */
public enum JobStatus {

	/** The server sent no status, or one this version of the SDK does not know. */
	UNKNOWN_JOB_STATUS,

	/** Requested or waiting for resources. */
	PENDING,

	/** Running. */
	RUNNING,

	/** Failed; terminal. The seed SDK called it FAILING, so this name is kept. */
	FAILING,

	/** Finished successfully; terminal. */
	SUCCEEDED,

	/** Cancelled; terminal. */
	CANCELLED;

	/**
	 * Whether a job in this status will never change status again.
	 * @return {@code true} for {@link #SUCCEEDED}, {@link #FAILING} and {@link #CANCELLED}
	 */
	public boolean isTerminal() {
		return this == SUCCEEDED || this == FAILING || this == CANCELLED;
	}

	/**
	 * Return the status with the given name, as the seed SDK's status filters spell it.
	 * @param name one of {@code UNKNOWN_JOB_STATUS, PENDING, RUNNING, FAILING, SUCCEEDED, CANCELLED}
	 * @return the status
	 * @throws IllegalArgumentException if the name is none of those
	 */
	public static JobStatus fromName(@Nullable String name) {
		for (JobStatus status : values()) {
			if (status.name().equals(name)) {
				return status;
			}
		}
		String known = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
		throw new IllegalArgumentException(
				"Unknown job status name '" + name + "'; expected one of " + known);
	}

}
