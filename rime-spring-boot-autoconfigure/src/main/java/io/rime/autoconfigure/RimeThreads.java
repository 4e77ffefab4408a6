package io.rime.autoconfigure;

import java.util.concurrent.ThreadFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerBuilder;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Threads for the starter's background work (the watcher's polls, the health check), made by the
 * application's {@link SimpleAsyncTaskSchedulerBuilder} as Spring Boot makes its own schedulers'
 * threads, without a {@code TaskScheduler} bean.
 */
public final class RimeThreads {

	private RimeThreads() {
	}

	/**
	 * Returns a factory of daemon threads configured by the auto-configured
	 * {@link SimpleAsyncTaskSchedulerBuilder}: its thread name prefix
	 * ({@code spring.task.scheduling.thread-name-prefix}) before the given name, virtual threads
	 * with {@code spring.threads.virtual.enabled=true} on Java 21+, and its customizers. Without the
	 * builder (no {@code TaskSchedulingAutoConfiguration}), threads named by the given name alone,
	 * virtual under the same condition.
	 * @param builder the auto-configured builder, if any
	 * @param environment the environment, for {@code spring.threads.virtual.enabled}
	 * @param name what the threads do, such as {@code rime-watcher-}
	 * @return the thread factory
	 */
	public static ThreadFactory threadFactory(ObjectProvider<SimpleAsyncTaskSchedulerBuilder> builder,
			Environment environment, String name) {
		SchedulerThreads threads = new SchedulerThreads();
		threads.setThreadNamePrefix("");
		builder.getIfUnique(() -> new SimpleAsyncTaskSchedulerBuilder()
			.virtualThreads(Threading.VIRTUAL.isActive(environment))).configure(threads);
		threads.setThreadNamePrefix(threads.getThreadNamePrefix() + name);
		// A background thread must not keep the JVM alive; virtual threads always are daemons.
		threads.setDaemon(true);
		return threads;
	}

	/**
	 * A scheduler used only for the threads it would make: it is never started, so it runs nothing
	 * and needs no closing.
	 */
	private static final class SchedulerThreads extends SimpleAsyncTaskScheduler implements ThreadFactory {

		@Override
		public Thread newThread(Runnable task) {
			return super.newThread(task);
		}

	}

}
