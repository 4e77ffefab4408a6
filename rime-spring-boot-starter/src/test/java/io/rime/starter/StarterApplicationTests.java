package io.rime.starter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Spring Boot application with only this starter (and, in test scope, the emulator).
 */
class StarterApplicationTests {

	private static RimeEmulator emulator;

	@BeforeAll
	static void startEmulator() {
		emulator = RimeEmulator.builder().build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@Test
	void withAddressAndApiKeyTheApplicationGetsAWorkingClient() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.properties("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey())
			.run()) {
			assertThat(context.getBean(RimeClient.class).getRimeInfo().customerName()).isEqualTo("RIME Emulator");
			assertThat(context.containsBean("rimeEmulator")).isFalse();
		}
	}

	@Test
	void withoutPropertiesTheApplicationRunsAgainstTheEmbeddedEmulator() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.run()) {
			RimeEmulator embedded = context.getBean(RimeEmulator.class);
			assertThat(embedded.baseUrl()).isNotEqualTo(emulator.baseUrl());
			assertThat(context.getBean(RimeClient.class).getRimeInfo()).isNotNull();
			assertThat(embedded.requests()).isNotEmpty();
		}
	}

	@Test
	void theStarterDoesNotBringActuator() {
		ClassLoader classLoader = getClass().getClassLoader();
		assertThat(ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.SanitizingFunction", classLoader))
			.isFalse();
		assertThat(ClassUtils.isPresent("org.springframework.boot.health.contributor.HealthIndicator", classLoader))
			.isFalse();
	}

	@SpringBootApplication
	static class App {

	}

}
