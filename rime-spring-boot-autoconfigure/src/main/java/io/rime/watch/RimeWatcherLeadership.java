package io.rime.watch;

/**
 * A {@link RimeWatcherGate} backed by a leader election, for watchers that share a
 * {@link RimeWatcherLedger}: it is open while this instance holds a valid lease, and numbers each
 * grant of leadership with an epoch that fences the writes of earlier leaders.
 */
public interface RimeWatcherLeadership extends RimeWatcherGate {

	/**
	 * Return the epoch of the leadership this instance holds.
	 * @return the epoch, or 0 while this instance does not lead
	 */
	long epoch();

	/**
	 * Called when the ledger refused a write of the given epoch because a newer leader was granted;
	 * the gate closes and gives up the leadership of that epoch.
	 * @param epoch the stale epoch
	 */
	void fenced(long epoch);

	/**
	 * Register an action to run each time this instance is granted leadership, on the election's
	 * thread; the watcher uses it to run a cycle at once.
	 * @param action the action; must return quickly
	 */
	void onGranted(Runnable action);

	/**
	 * Return the state of the election, for the actuator endpoint, health details and meters.
	 * @return the state
	 */
	RimeWatcherClusterState clusterState();

}
