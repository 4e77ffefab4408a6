package io.rime.emulator;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DurationTextTest {

	@Test
	void everyUnitOfSpringBootsSimpleFormIsRead() {
		assertThat(DurationText.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(DurationText.parse("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(DurationText.parse("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(DurationText.parse("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(DurationText.parse("2d")).isEqualTo(Duration.ofDays(2));
		assertThat(DurationText.parse("250us")).isEqualTo(Duration.ofNanos(250_000));
		assertThat(DurationText.parse("7ns")).isEqualTo(Duration.ofNanos(7));
		assertThat(DurationText.parse("10M")).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aBareNumberIsMillisecondsAsInSpringBoot() {
		assertThat(DurationText.parse("1500")).isEqualTo(Duration.ofMillis(1500));
	}

	@Test
	void iso8601IsRead() {
		assertThat(DurationText.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
		assertThat(DurationText.parse("P2D")).isEqualTo(Duration.ofDays(2));
		assertThat(DurationText.parse("pt0.5s")).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void badDurationsAreRejectedNamingTheTextAndTheSyntax() {
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("ten minutes"))
			.withMessage("'ten minutes' is not a duration such as 500ms, 10s, 10m, 2h, 2d or PT10M");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("3w"))
			.withMessageStartingWith("'3w' has an unknown unit 'w'; expected ns, us, ms, s, m, h or d");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("PT"))
			.withMessageStartingWith("'PT' is not an ISO-8601 duration");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("-5s"))
			.withMessageStartingWith("'-5s' is negative");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("99999999999999999999d"))
			.withMessageStartingWith("'99999999999999999999d' is too long");
		assertThatIllegalArgumentException().isThrownBy(() -> DurationText.parse("9999999999999999d"))
			.withMessageStartingWith("'9999999999999999d' is too long");
	}

}
