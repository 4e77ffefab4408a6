package io.rime.watch;

import java.io.Serial;

/**
 * Thrown by a {@link RimeWatcherLedger} that cannot be reached or refuses a write for a reason
 * other than fencing, such as a database that is down; the watcher retries in its next cycle.
 */
public class RimeWatcherLedgerException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what failed
	 * @param cause the cause
	 */
	public RimeWatcherLedgerException(String message, Throwable cause) {
		super(message, cause);
	}

}
