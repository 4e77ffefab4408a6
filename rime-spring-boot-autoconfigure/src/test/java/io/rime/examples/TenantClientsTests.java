package io.rime.examples;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeJobWatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's second client, as pasted: it talks to its own server with its own key, beside the
 * auto-configured client that the watcher follows.
 */
class TenantClientsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RimeAutoConfiguration.class, RimeWatcherAutoConfiguration.class,
				SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class));

	@Test
	void theSecondClientTalksToItsOwnServerBesideTheAutoConfiguredOne() {
		try (RimeEmulator tenantA = RimeEmulator.builder().build().start();
				RimeEmulator tenantB = RimeEmulator.builder().build().start()) {
			this.contextRunner
				.withPropertyValues("rime.address=" + tenantA.baseUrl(), "rime.api-key=" + tenantA.apiKey(),
						"rime.watcher.enabled=true", "tenant-b.rime.address=" + tenantB.baseUrl(),
						"tenant-b.rime.api-key=" + tenantB.apiKey())
				.withUserConfiguration(TenantClients.class)
				.run((context) -> {
					RimeClient tenantBClient = context.getBean("tenantBRime", RimeClient.class);
					assertThat(tenantBClient.getRimeInfo().version()).isNotBlank();
					assertThat(tenantB.requests()).singleElement()
						.satisfies((request) -> assertThat(request.apiKeyPresent()).isTrue());
					assertThat(context.getBean(RimeClient.class).address()).isEqualTo(tenantA.baseUrl());
					assertThat(context).hasSingleBean(RimeJobWatcher.class);
				});
		}
	}

	@Test
	void theReadmeShowsThisExample() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		String example = readme.substring(readme.indexOf("import org.springframework.beans.factory.annotation.Qualifier;"));
		example = example.substring(0, example.indexOf("```"));
		String source = Files.readString(Path.of("src/test/java/io/rime/examples/TenantClients.java"));
		assertThat(source.replaceAll("\\s+", "")).contains(example.replaceAll("\\s+", ""));
	}

}
