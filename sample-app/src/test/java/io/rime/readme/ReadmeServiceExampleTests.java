package io.rime.readme;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.rime.autoconfigure.RimeAutoConfiguration;
import io.rime.autoconfigure.emulator.RimeEmulatorAutoConfiguration;
import io.rime.autoconfigure.watch.RimeWatcherAutoConfiguration;
import io.rime.client.JobStatus;
import io.rime.client.RimeClient;
import io.rime.emulator.RimeEmulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Use it in your service" example ({@link ModelGate}), compiled and run, and kept equal to
 * the README.
 */
class ReadmeServiceExampleTests {

	@Test
	void theReadmeShowsExactlyThisExample() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("## Use it in your service");
		int start = readme.indexOf("@Service", section);
		String example = readme.substring(start, readme.indexOf("```", start));
		String source = Files.readString(Path.of("src/test/java/io/rime/readme/ModelGate.java"));

		assertThat(withoutWhitespace(source)).contains(withoutWhitespace(example));
	}

	@Test
	void theExampleStartsAStressTest() {
		try (RimeEmulator emulator = RimeEmulator.builder().build().start();
				RimeClient rime = RimeClient.builder().address(emulator.baseUrl()).apiKey(emulator.apiKey()).build()) {
			String jobId = new ModelGate(rime).stressTest(emulator.defaultProjectId());

			assertThat(rime.getStressTestJob(jobId).getStatus().status()).isIn(JobStatus.PENDING, JobStatus.RUNNING);
		}
	}

	@Test
	void asABeanTheExampleWritesTheResultsOfItsJobWhenTheWatcherSaysItFinished() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RimeEmulatorAutoConfiguration.class, RimeAutoConfiguration.class,
					RimeWatcherAutoConfiguration.class))
			.withPropertyValues("rime.emulator.pending-duration=100ms", "rime.emulator.running-duration=300ms",
					"rime.watcher.enabled=true", "rime.watcher.poll-interval=100ms")
			.withUserConfiguration(ModelGateConfiguration.class)
			.run((context) -> {
				RimeEmulator emulator = context.getBean(RimeEmulator.class);
				String jobId = context.getBean("modelGate", ModelGate.class).stressTest(emulator.defaultProjectId());
				Path results = Path.of(jobId + ".csv");
				try {
					Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(results));
					assertThat(Files.readAllLines(results).get(0)).startsWith("test_name,feature(s),status");
				}
				finally {
					Files.deleteIfExists(results);
				}
			});
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

	@Configuration(proxyBeanMethods = false)
	static class ModelGateConfiguration {

		@Bean
		ModelGate modelGate(RimeClient rime) {
			return new ModelGate(rime);
		}

	}

}
