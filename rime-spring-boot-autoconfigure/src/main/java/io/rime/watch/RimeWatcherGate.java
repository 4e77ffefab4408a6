package io.rime.watch;

/**
 * Decides, before each poll cycle, whether this instance may poll RIME and publish job events now.
 * The default always says yes, so every instance of a replicated service publishes its own events.
 * A lock alone does not make one publisher of a cluster: a new leader would not know the jobs the
 * old one watched, nor those started through the other instances' clients, and a cycle that
 * outlives its lease would go on publishing. For that, turn on
 * {@code rime.watcher.cluster.enabled}: a {@link RimeWatcherLeadership} gate and a shared
 * {@link RimeWatcherLedger}. It is called on the watcher's thread and should answer quickly.
 */
@FunctionalInterface
public interface RimeWatcherGate {

	/**
	 * A gate that always lets this instance poll and publish.
	 */
	RimeWatcherGate ALWAYS = () -> true;

	/**
	 * Whether this instance may poll and publish now; when not, the cycle only hands the jobs
	 * started through this instance's client to the ledger, and the watcher's state is kept as it
	 * is.
	 * @return {@code true} to run this poll cycle
	 */
	boolean mayPollAndPublish();

}
