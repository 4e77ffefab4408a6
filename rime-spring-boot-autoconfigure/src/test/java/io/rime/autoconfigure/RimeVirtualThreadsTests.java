package io.rime.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.thread.Threading;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.test.util.ReflectionTestUtils;

import io.rime.autoconfigure.health.RimeHealthContributorAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.health.RimeHealthIndicator;
import io.rime.watch.RimeWatcherGate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true} the client's waits run on virtual threads where
 * the JVM has them (Java 21+), as Spring Boot's own executors do; otherwise on the SDK's threads.
 * The watcher's and the health check's threads come from Spring Boot's
 * {@code SimpleAsyncTaskSchedulerBuilder} when it is configured ({@code spring.task.scheduling.*}).
 */
class RimeVirtualThreadsTests extends EmulatorBackedTests {

	@Test
	void withVirtualThreadsEnabledTheClientWaitsOnThemWhereTheJvmHasThem() {
		this.contextRunner.withPropertyValues(emulatorProperties("spring.threads.virtual.enabled=true"))
			.run((context) -> {
				boolean virtual = Threading.VIRTUAL.isActive(context.getEnvironment());
				assertThat(context.containsBean("rimeVirtualThreadsCustomizer")).isEqualTo(virtual);
				assertThat(virtual).isEqualTo(Runtime.version().feature() >= 21);
				assertThat(context.getBean(io.rime.client.RimeClient.class).getRimeInfo()).isNotNull();
			});
	}

	@Test
	void theWatcherPollsAndHealthIsCheckedOnVirtualThreadsWhereTheJvmHasThem() {
		List<Boolean> pollThreads = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(RimeWatcherAutoConfiguration.class,
					RimeHealthContributorAutoConfiguration.class))
			.withPropertyValues(emulatorProperties("spring.threads.virtual.enabled=true", "rime.watcher.enabled=true",
					"rime.watcher.poll-interval=20ms"))
			.withBean(RimeWatcherGate.class, () -> () -> pollThreads.add(isVirtual(Thread.currentThread())))
			.run((context) -> {
				boolean virtual = Threading.VIRTUAL.isActive(context.getEnvironment());
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pollThreads.isEmpty());
				assertThat(pollThreads).containsOnly(virtual);
				String health = context.getBean(RimeHealthIndicator.class).health().getStatus().getCode();
				assertThat(health).isEqualTo("UP");
				assertThat(context.getBean(RimeHealthIndicator.class)).extracting("threadFactory")
					.satisfies((factory) -> assertThat(isVirtual(((ThreadFactory) factory).newThread(() -> {
					}))).isEqualTo(virtual));
			});
	}

	@Test
	void theWatcherAndTheHealthCheckTakeTheirThreadsFromSpringBootsSchedulerBuilder() {
		List<Thread> pollThreads = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class,
					RimeWatcherAutoConfiguration.class, RimeHealthContributorAutoConfiguration.class))
			.withPropertyValues(emulatorProperties("spring.threads.virtual.enabled=true",
					"spring.task.scheduling.thread-name-prefix=app-", "rime.watcher.enabled=true",
					"rime.watcher.poll-interval=20ms"))
			.withBean(RimeWatcherGate.class, () -> () -> pollThreads.add(Thread.currentThread()))
			.run((context) -> {
				boolean virtual = Runtime.version().feature() >= 21;
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pollThreads.isEmpty());
				assertThat(pollThreads).allSatisfy((thread) -> {
					assertThat(thread.getName()).startsWith("app-rime-watcher-");
					assertThat(isVirtual(thread)).isEqualTo(virtual);
					assertThat(thread.isDaemon()).isTrue();
				});
				Thread healthThread = healthThread(context.getBean(RimeHealthIndicator.class));
				assertThat(healthThread.getName()).startsWith("app-rime-health-check-");
				assertThat(isVirtual(healthThread)).isEqualTo(virtual);
				assertThat(context.getBean(RimeHealthIndicator.class).health().getStatus().getCode()).isEqualTo("UP");
				assertThat(context).doesNotHaveBean(TaskScheduler.class);
			});
	}

	@Test
	void withoutSpringBootsSchedulingTheThreadsAreNamedForWhatTheyDoAndArePlatformDaemons() {
		List<Thread> pollThreads = new CopyOnWriteArrayList<>();
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(RimeWatcherAutoConfiguration.class,
					RimeHealthContributorAutoConfiguration.class))
			.withPropertyValues(emulatorProperties("rime.watcher.enabled=true", "rime.watcher.poll-interval=20ms"))
			.withBean(RimeWatcherGate.class, () -> () -> pollThreads.add(Thread.currentThread()))
			.run((context) -> {
				Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !pollThreads.isEmpty());
				assertThat(pollThreads).allSatisfy((thread) -> {
					assertThat(thread.getName()).startsWith("rime-watcher-");
					assertThat(isVirtual(thread)).isFalse();
					assertThat(thread.isDaemon()).isTrue();
				});
				Thread healthThread = healthThread(context.getBean(RimeHealthIndicator.class));
				assertThat(healthThread.getName()).startsWith("rime-health-check-");
				assertThat(healthThread.isDaemon()).isTrue();
			});
	}

	private static Thread healthThread(RimeHealthIndicator indicator) {
		ThreadFactory factory = (ThreadFactory) ReflectionTestUtils.getField(indicator, "threadFactory");
		return factory.newThread(() -> {
		});
	}

	// Thread.isVirtual() is Java 21 API; on Java 17 no thread is virtual.
	private static boolean isVirtual(Thread thread) {
		try {
			return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	@Test
	void withoutItTheClientWaitsOnTheSdksThreads() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.run((context) -> assertThat(context).doesNotHaveBean("rimeVirtualThreadsCustomizer"));
	}

}
