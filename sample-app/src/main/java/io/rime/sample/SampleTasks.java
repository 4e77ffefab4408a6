package io.rime.sample;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The sample's one background thread: starts the start-up stress test, reads its progress and
 * writes results, so that neither the main thread nor the watcher's thread waits on RIME. Not an
 * {@code Executor} bean, so Spring Boot's own task executor stays in place.
 */
@Component
public class SampleTasks implements DisposableBean {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "rime-sample");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Run a task soon.
	 * @param task the task
	 */
	public void execute(Runnable task) {
		this.executor.execute(task);
	}

	/**
	 * Run a task every interval, the first time after one interval.
	 * @param task the task
	 * @param interval the delay between the end of one run and the start of the next
	 * @return the schedule, to cancel
	 */
	public ScheduledFuture<?> everyInterval(Runnable task, Duration interval) {
		long millis = Math.max(1, interval.toMillis());
		return this.executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

}
