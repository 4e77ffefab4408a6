package io.rime.test;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your application" section shows the tests that run here and in the sample
 * app, imports included, so that they compile as pasted.
 */
class ReadmeTestingSectionTests {

	@Test
	void theReadmeShowsTheSpringBootTestOfTheServiceExample() throws Exception {
		assertThat(javaBlock(0)).isEqualTo(testSource(Path.of("..", "sample-app", "src", "test", "java", "io", "rime",
				"readme", "ModelGateTests.java")));
	}

	@Test
	void theReadmeShowsTheSdkOnlyTest() throws Exception {
		assertThat(javaBlock(1)).isEqualTo(testSource(Path.of("src", "test", "java", "io", "rime", "test",
				"GateTests.java")));
	}

	private static String javaBlock(int index) throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("## Testing your application");
		int end = readme.indexOf("\n## ", section + 1);
		int start = section;
		for (int i = 0; i <= index; i++) {
			start = readme.indexOf("```java\n", start) + "```java\n".length();
		}
		assertThat(start).isBetween(section, end);
		return withoutWhitespace(readme.substring(start, readme.indexOf("```", start)));
	}

	private static String testSource(Path file) throws Exception {
		String source = Files.readString(file);
		source = source.substring(source.indexOf("import "));
		return withoutWhitespace(source.replace("// README test starts here", ""));
	}

	private static String withoutWhitespace(String text) {
		return text.replaceAll("\\s+", "");
	}

}
