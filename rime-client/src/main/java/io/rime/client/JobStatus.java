package io.rime.client;

import java.util.Arrays;
import java.util.Locale;
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
	 * Return the status with the given name, case-insensitively, in any of the spellings RIME users
	 * meet: the seed SDK's ({@code FAILING}, {@code UNKNOWN_JOB_STATUS}), REST v1 and {@code rime_sdk}
	 * 2.x's ({@code JOB_STATUS_FAILED}, {@code JOB_STATUS_REQUESTED} for {@link #PENDING},
	 * {@code JOB_STATUS_UNSPECIFIED}), and plain words ({@code failed}, {@code canceled},
	 * {@code succeeded}, {@code unknown}); surrounding blanks are ignored.
	 * @param name the name
	 * @return the status
	 * @throws IllegalArgumentException if the name is none of those, listing the accepted ones
	 */
	public static JobStatus fromName(@Nullable String name) {
		if (name != null) {
			String key = name.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
			key = key.startsWith("JOB_STATUS_") ? key.substring("JOB_STATUS_".length()) : key;
			switch (key) {
				case "UNKNOWN_JOB_STATUS", "UNKNOWN", "UNSPECIFIED" -> {
					return UNKNOWN_JOB_STATUS;
				}
				case "PENDING", "REQUESTED" -> {
					return PENDING;
				}
				case "RUNNING" -> {
					return RUNNING;
				}
				case "FAILING", "FAILED", "FAILURE" -> {
					return FAILING;
				}
				case "SUCCEEDED", "SUCCESS", "SUCCESSFUL" -> {
					return SUCCEEDED;
				}
				case "CANCELLED", "CANCELED" -> {
					return CANCELLED;
				}
				default -> {
				}
			}
		}
		String known = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
		throw new IllegalArgumentException("Unknown job status name '" + name + "'; expected one of " + known
				+ " (any case), a REST name such as JOB_STATUS_FAILED, or FAILED, CANCELED, REQUESTED");
	}

}
