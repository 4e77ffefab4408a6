package io.rime.client;

import java.io.Serial;

import org.jspecify.annotations.Nullable;

/**
 * RIME could not be reached or gave no complete response: connection refused or reset, a
 * timeout, or a body cut short.
 */
public class RimeConnectionException extends RimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what went wrong
	 * @param cause the I/O failure
	 */
	public RimeConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
