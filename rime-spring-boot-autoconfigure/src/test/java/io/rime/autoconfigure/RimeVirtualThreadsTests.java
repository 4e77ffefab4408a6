package io.rime.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.thread.Threading;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.threads.virtual.enabled=true} the client's waits run on virtual threads where
 * the JVM has them (Java 21+), as Spring Boot's own executors do; otherwise on the SDK's threads.
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
	void withoutItTheClientWaitsOnTheSdksThreads() {
		this.contextRunner.withPropertyValues(emulatorProperties())
			.run((context) -> assertThat(context).doesNotHaveBean("rimeVirtualThreadsCustomizer"));
	}

}
