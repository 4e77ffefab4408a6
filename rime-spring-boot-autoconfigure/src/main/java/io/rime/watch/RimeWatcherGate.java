package io.rime.watch;

/**
 * Decides, before each poll cycle, whether this instance may poll RIME and publish job events now.
 * The default always says yes, so every instance of a replicated service publishes its own events;
 * replace the bean with one backed by a cluster-wide lock (such as Spring Integration's
 * {@code LockRegistry}) to have a single publisher. It is called on the watcher's thread and
 * should answer quickly.
 */
@FunctionalInterface
public interface RimeWatcherGate {

	/**
	 * A gate that always lets this instance poll and publish.
	 */
	RimeWatcherGate ALWAYS = () -> true;

	/**
	 * Whether this instance may poll and publish now; when not, the cycle is skipped and the
	 * watcher's state is kept as it is.
	 * @return {@code true} to run this poll cycle
	 */
	boolean mayPollAndPublish();

}
