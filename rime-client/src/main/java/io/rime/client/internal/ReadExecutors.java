package io.rime.client.internal;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Creates the executor that runs the reads of a client's waits, the one place where it is made:
 * virtual threads where the JDK has them (21 and later), else daemon threads created as reads need
 * them and dropped after 30 s idle. Either way a slow read holds only its own wait, never another
 * wait's turn: each wait has at most one read in flight, so the threads in use never exceed the
 * waits pending.
 */
final class ReadExecutors {

	private ReadExecutors() {
	}

	/**
	 * Create an executor for reads.
	 * @param threadPrefix the name prefix of platform threads, such as {@code rime-client-1-read-}
	 * @param threadFactory the application's thread factory ({@code RimeClientBuilder.threadFactory}),
	 * or {@code null} for the SDK's choice
	 * @return the executor; shut it down with the client
	 */
	static ExecutorService create(String threadPrefix, @Nullable ThreadFactory threadFactory) {
		if (threadFactory != null) {
			return threadsOf(threadFactory);
		}
		ExecutorService virtual = virtualThreads();
		if (virtual != null) {
			return virtual;
		}
		AtomicInteger threadCount = new AtomicInteger();
		return threadsOf((task) -> {
			Thread thread = new Thread(task, threadPrefix + threadCount.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	private static ExecutorService threadsOf(ThreadFactory threadFactory) {
		return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
				threadFactory);
	}

	// Java 17 is the baseline, so the JDK 21 method is looked up rather than called.
	private static @Nullable ExecutorService virtualThreads() {
		try {
			Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
			return (ExecutorService) factory.invoke(null);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

}
