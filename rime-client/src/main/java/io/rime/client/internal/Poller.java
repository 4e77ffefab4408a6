package io.rime.client.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Polls until a condition holds. One scheduler thread per client only keeps time; the reads run
 * on the client's read executor ({@link ReadExecutors}), so a slow server delays each wait by its
 * own reads only, and a wait's deadline is judged on its own job. Idle, it holds no threads.
 */
final class Poller implements AutoCloseable {

	private static final AtomicInteger clientCount = new AtomicInteger();

	private final ScheduledThreadPoolExecutor scheduler;

	private final ExecutorService reads;

	private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();

	/**
	 * Create a poller with its own daemon scheduler thread and read executor.
	 */
	public Poller() {
		this(null);
	}

	/**
	 * Create a poller whose scheduler and reads run on threads of the given factory.
	 * @param threadFactory the factory, or {@code null} for the SDK's own daemon threads
	 */
	public Poller(@Nullable ThreadFactory threadFactory) {
		String prefix = "rime-client-" + clientCount.incrementAndGet();
		this.scheduler = new ScheduledThreadPoolExecutor(1, (threadFactory != null) ? threadFactory : (task) -> {
			Thread thread = new Thread(task, prefix + "-poller-1");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setKeepAliveTime(30, TimeUnit.SECONDS);
		this.scheduler.allowCoreThreadTimeOut(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.reads = ReadExecutors.create(prefix + "-read-", threadFactory);
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
		Runnable read = new Runnable() {

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
					next.set(Poller.this.scheduler.schedule(() -> submit(this, result), Durations.nanos(this.interval),
							TimeUnit.NANOSECONDS));
					this.interval = (this.interval.compareTo(maxInterval.dividedBy(2)) >= 0) ? maxInterval
							: this.interval.multipliedBy(2);
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
			this.reads.execute(read);
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

	// The scheduler's thread only hands the read on, so it is free for the next wait at once.
	private void submit(Runnable read, CompletableFuture<?> result) {
		try {
			this.reads.execute(read);
		}
		catch (RejectedExecutionException ex) {
			result.cancel(false);
		}
	}

	/**
	 * Stop polling; waits still pending are cancelled.
	 */
	@Override
	public void close() {
		// Cancelled before the reads are interrupted, so that an interrupted read cannot fail a wait first.
		this.pending.forEach((result) -> result.cancel(false));
		this.scheduler.shutdownNow();
		this.reads.shutdownNow();
	}

}
