package io.rime.client.registry;

import org.jspecify.annotations.Nullable;

/**
 * Whether RIME could load a registered dataset or model.
 */
public enum ValidityStatus {

	/** Validation has not finished. */
	PENDING,

	/** Validated; stress tests may use it. */
	VALID,

	/** Validation failed; the entry's message says why. */
	INVALID,

	/** Not said, or a status this version of the SDK does not know. */
	UNSPECIFIED;

	/**
	 * Return the status of a REST v1 name.
	 * @param wireName for example {@code VALIDITY_STATUS_VALID}, or {@code null}
	 * @return the status
	 */
	public static ValidityStatus fromWireName(@Nullable String wireName) {
		if (wireName == null) {
			return UNSPECIFIED;
		}
		return switch (wireName) {
			case "VALIDITY_STATUS_PENDING" -> PENDING;
			case "VALIDITY_STATUS_VALID" -> VALID;
			case "VALIDITY_STATUS_INVALID" -> INVALID;
			default -> UNSPECIFIED;
		};
	}

}
