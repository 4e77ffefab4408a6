package io.rime.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A review rule for the whole project, run with its tests: no test method that reaches no
 * assertion, no assertion behind an {@code if} that skips it, nothing {@code @Disabled}. The
 * sample is the last module of the build, so its tests read every module's test sources.
 */
class EveryTestCanFailTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();

	@Test
	void everyTestOfEveryModuleReachesAnAssertionThatNoConditionSkips() throws IOException {
		List<Path> files = TestSources.find(PROJECT);
		List<String> problems = new ArrayList<>();
		for (Path file : files) {
			problems.addAll(TestSources.problems(PROJECT.relativize(file).toString(),
					Files.readString(file, StandardCharsets.UTF_8)));
		}

		assertThat(files).as("test sources under " + PROJECT).hasSizeGreaterThan(50);
		assertThat(problems).as("tests that cannot fail").isEmpty();
	}

	@Test
	void noTestIsDisabled() throws IOException {
		List<String> disabled = new ArrayList<>();
		for (Path file : TestSources.find(PROJECT)) {
			String code = TestSources.blankCommentsAndLiterals(Files.readString(file, StandardCharsets.UTF_8));
			if (code.matches("(?s).*@Disabled\\w*\\b.*")) {
				disabled.add(PROJECT.relativize(file).toString());
			}
		}

		assertThat(disabled).as("test sources with @Disabled").isEmpty();
	}

	@Test
	void theRuleFindsATestWithoutAssertionAndAnAssertionThatAConditionSkips() {
		String source = """
				class ExampleTests {
					@Test
					void looksBusy() {
						int status = 409; // assertThat(status)
						String text = "assertThat(";
					}
					@Test
					void checksOnlySometimes() {
						int status = call();
						if (status != 200) {
							assertThat(status).isEqualTo(409);
						}
					}
					@Test
					void assertsThroughAHelper() {
						check(call());
					}
					@Test
					void assertsInEveryBranchAndLoop() {
						for (int i = 0; i < 3; i++) {
							if (i > 0) {
								assertThat(i).isPositive();
							}
						}
						if (call() == 200) {
							assertThat(call()).isEqualTo(200);
						}
						else {
							fail("not 200");
						}
					}
					private void check(int status) {
						assertThat(status).isEqualTo(200);
					}
				}
				""";

		assertThat(TestSources.problems("ExampleTests.java", source)).containsExactly(
				"ExampleTests.java#checksOnlySometimes: an assertion only runs if(status != 200), with no else",
				"ExampleTests.java#looksBusy: reaches no assertion");
	}

}
