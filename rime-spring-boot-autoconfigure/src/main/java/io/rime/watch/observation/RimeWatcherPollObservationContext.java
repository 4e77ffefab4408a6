package io.rime.watch.observation;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of one watcher poll cycle knows: how the cycle ended, once it has.
 */
public class RimeWatcherPollObservationContext extends Observation.Context {

	private @Nullable Outcome outcome;

	/**
	 * Return how the cycle ended.
	 * @return the outcome, or {@code null} while the cycle runs
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Set how the cycle ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/**
	 * How a poll cycle ended.
	 */
	public enum Outcome {

		/** Every list and read of the cycle succeeded. */
		SUCCESS,

		/** A call to RIME failed; the watcher keeps its state and tries again next cycle. */
		FAILURE,

		/** The watcher stopped while the cycle ran, and the cycle was left unfinished. */
		ABANDONED,

		/** The leader's lease ended while the cycle ran (watchers across replicas): it stopped there. */
		REVOKED,

		/** A newer leader was granted (watchers across replicas): the ledger refused this one's writes. */
		FENCED

	}

}
