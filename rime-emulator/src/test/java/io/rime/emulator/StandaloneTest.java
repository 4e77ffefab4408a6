package io.rime.emulator;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void helpListsTheOptions() {
		int exit = run("--help");

		assertThat(exit).isZero();
		assertThat(text(this.out)).contains("--port", "--api-key", "--fault", "--running-duration");
	}

	@Test
	void aBadOptionExitsWithTwoAndSaysWhy() {
		assertThat(run("--port", "eighty")).isEqualTo(2);
		assertThat(text(this.err)).contains("Option --port needs a whole number, but was 'eighty'", "Usage:");
	}

	@Test
	void dataChecksAreTurnedOffWithFalseAndOtherValuesAreRejected() {
		assertThat(run("--data-checks", "yes")).isEqualTo(2);
		assertThat(text(this.err)).contains("Option --data-checks needs true or false, but was 'yes'");
		assertThat(text(this.out)).isEmpty();
	}

	@Test
	void anUnknownOptionOrAMissingValueIsNamed() {
		assertThat(run("--colour", "blue")).isEqualTo(2);
		assertThat(run("--api-key")).isEqualTo(2);
		assertThat(run("--fault", "GET /v1=boom")).isEqualTo(2);

		assertThat(text(this.err)).contains("Unknown option --colour", "Option --api-key needs a value",
				"unknown kind 'boom'");
	}

	@Test
	void aDurationThatSpringBootWouldNotReadIsRejectedWithTheSyntaxItTakes() {
		assertThat(run("--running-duration", "1.5x")).isEqualTo(2);
		assertThat(text(this.err)).contains("Option --running-duration needs a duration such as 500ms, 10s, 10m, 2h,"
				+ " 2d or PT10M (as in Spring Boot properties), but was '1.5x'");
	}

	private int run(String... args) {
		return Standalone.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private static String text(ByteArrayOutputStream stream) {
		return stream.toString(StandardCharsets.UTF_8);
	}

}
