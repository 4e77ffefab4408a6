package io.rime.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.rime.autoconfigure.watch.RimeWatcherProperties;
import io.rime.client.RimeClientBuilder;
import io.rime.emulator.RimeEmulator;
import io.rime.watch.RimeWatcherSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every default of the starter is the SDK's (or the emulator's, or the watcher's): in the bound
 * properties, in the configuration metadata IDEs show, and in the README's properties table.
 */
class RimeDefaultsTests {

	@Test
	void theRetryPropertiesDefaultToTheSdksRetryPolicy() {
		RimeProperties.Retry retry = new RimeProperties().getRetry();
		assertThat(retry.getMaxRetries()).isEqualTo(RimeClientBuilder.DEFAULT_MAX_RETRIES);
		assertThat(retry.getDelay()).isEqualTo(RimeClientBuilder.DEFAULT_RETRY_DELAY);
		assertThat(retry.getMultiplier()).isEqualTo(RimeClientBuilder.DEFAULT_RETRY_MULTIPLIER);
		assertThat(retry.getMaxDelay()).isEqualTo(RimeClientBuilder.DEFAULT_RETRY_MAX_DELAY);
		assertThat(retry.getJitter()).isEqualTo(RimeClientBuilder.DEFAULT_RETRY_JITTER);
		assertThat(retry.getTimeout()).isEqualTo(RimeClientBuilder.DEFAULT_RETRY_TIMEOUT)
			.isEqualTo(RimeClientBuilder.DEFAULT_RETRY_POLICY.getTimeout());
	}

	@Test
	void theWatcherPropertiesDefaultToTheWatchersSettings() {
		RimeWatcherProperties properties = new RimeWatcherProperties();
		RimeWatcherSettings defaults = RimeWatcherSettings.defaults();
		assertThat(properties.getPollInterval()).isEqualTo(defaults.pollInterval());
		assertThat(properties.getProjectIds()).isEqualTo(defaults.projectIds());
		assertThat(properties.getProjectRefreshInterval()).isEqualTo(defaults.projectRefreshInterval());
		assertThat(properties.getShutdownTimeout()).isEqualTo(defaults.shutdownTimeout());
		assertThat(properties.getFinishedHistorySize()).isEqualTo(defaults.finishedHistorySize());
	}

	@Test
	void theEmulatorDurationsAreLeftToTheEmulatorUnlessSet() {
		RimeProperties.Emulator emulator = new RimeProperties().getEmulator();
		assertThat(emulator.getPendingDuration()).isNull();
		assertThat(emulator.getRunningDuration()).isNull();
		assertThat(emulator.getValidationDuration()).isNull();
		assertThat(emulator.getCancelDuration()).isNull();
		assertThat(emulator.getJobTtl()).isNull();
	}

	@Test
	void theMetadataAndTheReadmeShowTheSdksDefaults() throws Exception {
		Map<String, String> expected = new LinkedHashMap<>();
		expected.put("rime.retry.max-retries", String.valueOf(RimeClientBuilder.DEFAULT_MAX_RETRIES));
		expected.put("rime.retry.delay", format(RimeClientBuilder.DEFAULT_RETRY_DELAY));
		expected.put("rime.retry.multiplier", RimeConfigurationChecks.format(RimeClientBuilder.DEFAULT_RETRY_MULTIPLIER));
		expected.put("rime.retry.max-delay", format(RimeClientBuilder.DEFAULT_RETRY_MAX_DELAY));
		expected.put("rime.retry.jitter", format(RimeClientBuilder.DEFAULT_RETRY_JITTER));
		expected.put("rime.retry.timeout", format(RimeClientBuilder.DEFAULT_RETRY_TIMEOUT));
		expected.put("rime.emulator.pending-duration", format(RimeEmulator.DEFAULT_PENDING_DURATION));
		expected.put("rime.emulator.running-duration", format(RimeEmulator.DEFAULT_RUNNING_DURATION));
		expected.put("rime.emulator.validation-duration", format(RimeEmulator.DEFAULT_VALIDATION_DURATION));
		expected.put("rime.emulator.cancel-duration", format(RimeEmulator.DEFAULT_CANCEL_DURATION));
		expected.put("rime.emulator.job-ttl", format(RimeEmulator.DEFAULT_JOB_TTL));
		expected.put("rime.watcher.poll-interval", format(RimeWatcherSettings.DEFAULT_POLL_INTERVAL));
		expected.put("rime.watcher.project-refresh-interval",
				format(RimeWatcherSettings.DEFAULT_PROJECT_REFRESH_INTERVAL));
		expected.put("rime.watcher.shutdown-timeout", format(RimeWatcherSettings.DEFAULT_SHUTDOWN_TIMEOUT));
		expected.put("rime.watcher.finished-history-size",
				String.valueOf(RimeWatcherSettings.DEFAULT_FINISHED_HISTORY_SIZE));
		Map<String, String> metadata = metadataDefaults();
		Map<String, String> readme = RimeConfigurationMetadataTests.readmeTable(2);
		assertThat(expected).allSatisfy((key, value) -> {
			assertThat(metadata.get(key)).as("metadata default of " + key).isEqualTo(value);
			assertThat(readme.get(key)).as("README default of " + key).isEqualTo("`" + value + "`");
		});
		assertThat(readme.get("rime.connect-timeout"))
			.endsWith("`" + format(RimeClientBuilder.DEFAULT_CONNECT_TIMEOUT) + "`");
		assertThat(readme.get("rime.read-timeout")).endsWith("`" + format(RimeClientBuilder.DEFAULT_READ_TIMEOUT) + "`");
	}

	private static String format(Duration duration) {
		return RimeConfigurationChecks.format(duration);
	}

	private static Map<String, String> metadataDefaults() throws Exception {
		Map<String, String> defaults = new LinkedHashMap<>();
		for (JsonNode property : RimeConfigurationMetadataTests.metadata().get("properties")) {
			JsonNode value = property.get("defaultValue");
			if (value != null) {
				defaults.put(property.get("name").asString(),
						value.isNumber() ? value.numberValue().toString() : value.asString());
			}
		}
		return defaults;
	}

}
