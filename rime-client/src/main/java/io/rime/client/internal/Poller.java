package io.rime.client.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until a condition holds, on one small scheduler shared by all waits of a client, so no
 * thread is parked per job. Idle, it holds no threads.
 */
final class Poller implements AutoCloseable {

	private static final AtomicInteger clientCount = new AtomicInteger();

	private final ScheduledThreadPoolExecutor scheduler;

	private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

	/**
	 * Create a poller with its own daemon threads.
	 */
	public Poller() {
		String prefix = "rime-client-" + clientCount.incrementAndGet() + "-poller-";
		AtomicInteger threadCount = new AtomicInteger();
		// Two threads, so one poll stuck in a retry back-off does not hold up every other job.
		this.scheduler = new ScheduledThreadPoolExecutor(2, (task) -> {
			Thread thread = new Thread(task, prefix + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
		this.scheduler.allowCoreThreadTimeOut(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/**
	 * Probe now, then again after each interval, until the condition holds or the probe fails.
	 * Cancelling the returned future stops the polling.
	 * @param <T> the probe's result type
	 * @param probe what to check
	 * @param done when to stop
	 * @param firstInterval the wait before the second probe
	 * @param maxInterval the longest wait; intervals double from the first up to this
	 * @return the first result that satisfied the condition
	 */
	public <T> CompletableFuture<T> poll(Supplier<T> probe, Predicate<T> done, Duration firstInterval,
			Duration maxInterval) {
		CompletableFuture<T> result = new CompletableFuture<>();
		AtomicReference<ScheduledFuture<?>> next = new AtomicReference<>();
		Runnable tick = new Runnable() {

			private Duration interval = firstInterval;

			@Override
			public void run() {
				if (result.isDone()) {
					return;
				}
				try {
					T value = probe.get();
					if (done.test(value)) {
						result.complete(value);
						return;
					}
					next.set(Poller.this.scheduler.schedule(this, this.interval.toNanos(), TimeUnit.NANOSECONDS));
					Duration doubled = this.interval.multipliedBy(2);
					this.interval = (doubled.compareTo(maxInterval) > 0) ? maxInterval : doubled;
				}
				catch (RejectedExecutionException ex) {
					result.cancel(false);
				}
				catch (Throwable ex) {
					result.completeExceptionally(ex);
				}
			}

		};
		try {
			next.set(this.scheduler.schedule(tick, 0, TimeUnit.NANOSECONDS));
		}
		catch (RejectedExecutionException ex) {
			throw new IllegalStateException("The RimeClient is closed; build a new one to wait for jobs", ex);
		}
		this.pending.add(result);
		result.whenComplete((value, failure) -> {
			this.pending.remove(result);
			ScheduledFuture<?> scheduled = next.get();
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		});
		return result;
	}

	/**
	 * Stop polling; waits still pending are cancelled.
	 */
	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.pending.forEach((result) -> result.cancel(false));
	}

}
