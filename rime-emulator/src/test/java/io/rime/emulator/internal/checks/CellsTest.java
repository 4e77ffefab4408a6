package io.rime.emulator.internal.checks;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTest {

	@ParameterizedTest
	@ValueSource(strings = { "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN",
			"<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null" })
	void pandasDefaultNullTokensAreNull(String token) {
		assertThat(isNull(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { " ", "na", "none", "NONE", " NA", "0", "-", "N/A " })
	void otherTextIsNotNull(String text) {
		assertThat(isNull(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "+2", "3.25", ".5", "5.", "-0.125", "1e3", "2.5E-3", "123456789012345678901",
			"0.1", "9007199254740993" })
	void numbersParseAsJavaParsesThem(String text) {
		assertThat(number(text)).isEqualTo(Double.parseDouble(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1,5", "1.2.3", "-", ".", "+", "1e", "12a", "0x1F", "--1" })
	void otherTextIsNotANumber(String text) {
		assertThat(number(text)).isNaN();
	}

	private static boolean isNull(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Cells.isNull(bytes, 0, bytes.length);
	}

	private static double number(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return Cells.number(bytes, 0, bytes.length);
	}

}
