package io.rime.autoconfigure.watch;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Several instances" example of a dedicated pool compiles as pasted, with the imports
 * it shows: this class holds it, and the README shows exactly it.
 */
class RimeWatcherClusterReadmeTests {

	@Test
	void theReadmeShowsExactlyThisExampleWithItsImports() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("## Several instances");
		int block = readme.indexOf("```java", section) + "```java".length();
		String example = readme.substring(block, readme.indexOf("```", block));
		String source = Files.readString(
				Path.of("src/test/java/io/rime/autoconfigure/watch/RimeWatcherClusterReadmeTests.java"));

		String code = example.substring(example.indexOf("@Configuration"));
		assertThat(withoutWhitespace(source)).contains(withoutWhitespace(code.replace("class WatcherDatabase",
				"static class WatcherDatabase")));
		for (String line : example.lines().filter((line) -> line.startsWith("import ")).toList()) {
			// Its own annotation is in this package; every other import is this file's too.
			if (!line.equals("import io.rime.autoconfigure.watch.RimeWatcherDataSource;")) {
				assertThat(source).contains(line);
			}
		}
		assertThat(example).contains("import io.rime.autoconfigure.watch.RimeWatcherDataSource;");
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

	@Configuration
	static class WatcherDatabase {

		@Bean
		@RimeWatcherDataSource
		DataSource watcherDataSource() {
			return DataSourceBuilder.create().url("jdbc:postgresql://db/app?socketTimeout=5").username("app").build();
		}

	}

}
