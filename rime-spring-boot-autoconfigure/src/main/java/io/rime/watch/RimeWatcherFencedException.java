package io.rime.watch;

import java.io.Serial;

/**
 * Thrown by a {@link RimeWatcherLedger} when a write carries the epoch of a leader that has been
 * replaced: this instance no longer leads and must stop publishing.
 */
public class RimeWatcherFencedException extends RuntimeException {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long epoch;

	/**
	 * Create an exception.
	 * @param epoch the stale epoch
	 * @param current the epoch of the leader granted since, or 0 if none is recorded
	 */
	public RimeWatcherFencedException(long epoch, long current) {
		super("Epoch " + epoch + " is no longer the leader's (now " + current + ")");
		this.epoch = epoch;
	}

	/**
	 * Return the stale epoch.
	 * @return the epoch
	 */
	public long getEpoch() {
		return this.epoch;
	}

}
