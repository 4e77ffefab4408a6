package io.rime.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch mode of {@code rime.sample.exit-when-done}: no web server, unless asked for.
 */
class ExitWhenDoneEnvironmentPostProcessorTests {

	private final ExitWhenDoneEnvironmentPostProcessor processor = new ExitWhenDoneEnvironmentPostProcessor();

	@Test
	void exitWhenDoneStartsNoWebServer() {
		MockEnvironment environment = new MockEnvironment().withProperty("rime.sample.exit-when-done", "true");

		this.processor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
	}

	@Test
	void anExplicitWebApplicationTypeWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("rime.sample.exit-when-done", "true")
			.withProperty("spring.main.web-application-type", "servlet");

		this.processor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("servlet");
	}

	@Test
	void withoutExitWhenDoneTheWebServerStays() {
		MockEnvironment environment = new MockEnvironment().withProperty("rime.sample.exit-when-done", "false");

		this.processor.postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.containsProperty("spring.main.web-application-type")).isFalse();
	}

}
