package io.rime.autoconfigure.watch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.convert.DurationStyle;

import io.rime.watch.RimeWatcherSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's properties table gives the watcher's real defaults, so that it cannot go stale.
 */
class RimeWatcherReadmeTests {

	private static final Pattern ROW = Pattern.compile("^\\| `(rime\\.watcher\\.[a-z-]+)` \\|([^|]+)\\|",
			Pattern.MULTILINE);

	@Test
	void theReadmePropertiesTableGivesTheWatchersDefaults() throws Exception {
		Map<String, String> defaults = readmeDefaults();
		RimeWatcherProperties properties = new RimeWatcherProperties();

		assertThat(defaults).containsOnlyKeys("rime.watcher.enabled", "rime.watcher.poll-interval",
				"rime.watcher.project-ids", "rime.watcher.project-refresh-interval", "rime.watcher.shutdown-timeout",
				"rime.watcher.finished-history-size");
		assertThat(defaults.get("rime.watcher.enabled")).isEqualTo("`" + properties.isEnabled() + "`");
		assertThat(duration(defaults.get("rime.watcher.poll-interval"))).isEqualTo(properties.getPollInterval())
			.isEqualTo(RimeWatcherSettings.DEFAULT_POLL_INTERVAL);
		assertThat(properties.getProjectIds()).isEmpty();
		assertThat(defaults.get("rime.watcher.project-ids")).isEqualTo("every project the key can see");
		assertThat(duration(defaults.get("rime.watcher.project-refresh-interval")))
			.isEqualTo(properties.getProjectRefreshInterval());
		assertThat(duration(defaults.get("rime.watcher.shutdown-timeout"))).isEqualTo(properties.getShutdownTimeout());
		assertThat(defaults.get("rime.watcher.finished-history-size"))
			.isEqualTo("`" + properties.getFinishedHistorySize() + "`");
	}

	private static Duration duration(String cell) {
		assertThat(cell).startsWith("`").endsWith("`");
		return DurationStyle.detectAndParse(cell.substring(1, cell.length() - 1));
	}

	private static Map<String, String> readmeDefaults() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("### Configuration properties");
		Matcher row = ROW.matcher(readme.substring(start, readme.indexOf("\n###", start + 1)));
		Map<String, String> defaults = new LinkedHashMap<>();
		while (row.find()) {
			defaults.put(row.group(1), row.group(2).trim());
		}
		return defaults;
	}

}
