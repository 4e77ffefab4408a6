package io.rime.client;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * Base of the exceptions the SDK throws when talking to RIME fails. Messages never contain the
 * API key.
 */
public class RimeException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what went wrong and, where possible, what to do about it
	 */
	public RimeException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what went wrong and, where possible, what to do about it
	 * @param cause the underlying failure
	 */
	public RimeException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
