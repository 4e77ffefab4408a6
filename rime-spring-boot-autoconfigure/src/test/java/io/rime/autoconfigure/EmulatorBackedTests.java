package io.rime.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.emulator.RimeEmulator;

/**
 * Tests of the auto-configured client against one emulator per test class, with Boot's HTTP
 * client auto-configurations around it as in an application.
 */
abstract class EmulatorBackedTests {

	static RimeEmulator emulator;

	final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeRequestFactoryAutoConfiguration.class,
				SslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class));

	@BeforeAll
	static void startEmulator() {
		emulator = RimeEmulator.builder().build().start();
	}

	@AfterAll
	static void stopEmulator() {
		emulator.close();
	}

	@BeforeEach
	void clearFaults() {
		emulator.faults().clear();
	}

	/**
	 * Return the properties that point the client at the emulator, and more.
	 * @param more further properties
	 * @return the properties
	 */
	static String[] emulatorProperties(String... more) {
		List<String> properties = new ArrayList<>(
				List.of("rime.address=" + emulator.baseUrl(), "rime.api-key=" + emulator.apiKey()));
		properties.addAll(List.of(more));
		return properties.toArray(String[]::new);
	}

}
