package io.rime.watch;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.rime.client.internal.Durations;

/**
 * The lifecycle of a {@link RimeJobWatcher}'s private polling thread: one cycle at a time at a
 * fixed rate, start to start (a cycle that overruns delays the next one, never two at once and no
 * burst to catch up), started and stopped with the watcher; stopping waits for the cycle in
 * progress up to the shutdown timeout and then abandons it. The application's own scheduling is
 * left alone.
 */
final class PollScheduler {

	// Logs as the watcher: users configure and filter one logger for the whole watcher.
	private static final Log logger = LogFactory.getLog(RimeJobWatcher.class);

	private final Duration pollInterval;

	private final Duration shutdownTimeout;

	private final Consumer<Run> cycle;

	private final Object monitor = new Object();

	private volatile ThreadFactory threadFactory = (task) -> {
		Thread thread = new Thread(task, "rime-watcher");
		thread.setDaemon(true);
		return thread;
	};

	private @Nullable Run run;

	/**
	 * Create a scheduler.
	 * @param pollInterval the time from the start of one cycle to the start of the next
	 * @param shutdownTimeout how long stopping waits for the cycle in progress
	 * @param cycle one poll cycle, given the run it belongs to
	 */
	PollScheduler(Duration pollInterval, Duration shutdownTimeout, Consumer<Run> cycle) {
		this.pollInterval = pollInterval;
		this.shutdownTimeout = shutdownTimeout;
		this.cycle = cycle;
	}

	/**
	 * Use a factory of the application's for the polling thread, such as one of virtual threads.
	 * @param threadFactory the factory; a thread started before this keeps running
	 */
	void threadFactory(ThreadFactory threadFactory) {
		this.threadFactory = threadFactory;
	}

	void start() {
		synchronized (this.monitor) {
			if (this.run != null) {
				return;
			}
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, this.threadFactory);
			executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			executor.setRemoveOnCancelPolicy(true);
			Run started = new Run(executor, this.pollInterval.toNanos(), this::runSafely);
			this.run = started;
			// The first cycle waits one interval, so that starting the application sends RIME nothing.
			started.scheduleNext(this.pollInterval.toNanos());
			if (logger.isDebugEnabled()) {
				logger.debug("RIME job watcher started, polling every " + Durations.format(this.pollInterval));
			}
		}
	}

	void stop() {
		Run stopped = beginStop();
		if (stopped != null) {
			awaitStop(stopped);
		}
	}

	void stop(Runnable callback) {
		Run stopped = beginStop();
		if (stopped == null) {
			callback.run();
			return;
		}
		Thread waiter = new Thread(() -> {
			try {
				awaitStop(stopped);
			}
			finally {
				callback.run();
			}
		}, "rime-watcher-stop");
		waiter.setDaemon(true);
		waiter.start();
	}

	/**
	 * Run a cycle as soon as the one in progress, if any, has ended; the rate goes on from there.
	 */
	void runNow() {
		Run current;
		synchronized (this.monitor) {
			current = this.run;
		}
		if (current != null) {
			current.runNow();
		}
	}

	boolean isRunning() {
		synchronized (this.monitor) {
			return this.run != null;
		}
	}

	private @Nullable Run beginStop() {
		synchronized (this.monitor) {
			Run stopped = this.run;
			this.run = null;
			if (stopped != null) {
				stopped.executor.shutdown();
			}
			return stopped;
		}
	}

	private void awaitStop(Run stopped) {
		try {
			if (!stopped.executor.awaitTermination(this.shutdownTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
				stopped.abandon();
				logger.warn("RIME job watcher: the poll cycle in progress did not finish within " + Durations.format(this.shutdownTimeout)
						+ " (rime.watcher.shutdown-timeout) and was abandoned; it publishes no more events");
			}
		}
		catch (InterruptedException ex) {
			stopped.abandon();
			Thread.currentThread().interrupt();
		}
	}

	private void runSafely(Run current) {
		try {
			this.cycle.accept(current);
		}
		catch (VirtualMachineError ex) {
			throw ex;
		}
		catch (Throwable ex) {
			// A scheduled task that throws is never run again; the watcher must go on.
			logger.error("RIME job watcher: unexpected failure in a poll cycle; polling goes on", ex);
		}
	}

	/**
	 * One start-to-stop span of the watcher; abandoned when stopping outlasts the shutdown timeout,
	 * after which its cycle makes no more calls and publishes nothing.
	 */
	static final class Run {

		private final ScheduledThreadPoolExecutor executor;

		private final long intervalNanos;

		private final Consumer<Run> cycle;

		private volatile boolean abandoned;

		// Guarded by this: the one scheduled cycle (a cycle only runs when its token is current),
		// whether a cycle runs now, and whether the next one is wanted at once.
		private long token;

		private boolean cycleRunning;

		private boolean runNowRequested;

		Run(ScheduledThreadPoolExecutor executor, long intervalNanos, Consumer<Run> cycle) {
			this.executor = executor;
			this.intervalNanos = intervalNanos;
			this.cycle = cycle;
		}

		synchronized void scheduleNext(long delayNanos) {
			if (this.executor.isShutdown()) {
				return;
			}
			long scheduled = ++this.token;
			try {
				this.executor.schedule(() -> runCycle(scheduled), delayNanos, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopped meanwhile: no more cycles.
			}
		}

		synchronized void runNow() {
			if (this.cycleRunning) {
				this.runNowRequested = true;
			}
			else {
				scheduleNext(0);
			}
		}

		private void runCycle(long scheduled) {
			synchronized (this) {
				if (scheduled != this.token) {
					return;
				}
				this.cycleRunning = true;
				this.runNowRequested = false;
			}
			long start = System.nanoTime();
			try {
				this.cycle.accept(this);
			}
			finally {
				synchronized (this) {
					this.cycleRunning = false;
					long delay = this.runNowRequested ? 0
							: Math.max(0, start + this.intervalNanos - System.nanoTime());
					scheduleNext(delay);
				}
			}
		}

		boolean abandoned() {
			return this.abandoned;
		}

		void abandon() {
			// Marked before the interrupt, so that the cycle's failing call reads as abandoned.
			this.abandoned = true;
			this.executor.shutdownNow();
		}

		/**
		 * Checkpoint of a cycle, before each call to RIME and each event.
		 * @throws CancellationException if the run was abandoned
		 */
		void check() {
			if (this.abandoned) {
				throw new CancellationException("The poll cycle was abandoned");
			}
		}

	}

}
