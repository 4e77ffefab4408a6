package io.rime.emulator.internal.checks;

import java.util.concurrent.CancellationException;

/**
 * How a computation reports how far it got and learns that it should stop.
 */
public interface Progress {

	/**
	 * Called every {@link DataChecks#CHECKPOINT_ROWS} rows and at the end of each file.
	 * @param bytesRead the bytes read from both files so far
	 * @throws CancellationException to stop the computation
	 */
	void checkpoint(long bytesRead);

}
