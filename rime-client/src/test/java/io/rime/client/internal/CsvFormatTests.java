package io.rime.client.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CsvFormatTests {

	@Test
	void withoutAPinTheNewestFormatIsUsed() {
		assertThat(CsvFormat.forVersion(null)).isEqualTo(CsvFormat.V1_0_0);
	}

	@ParameterizedTest
	@CsvSource({ "0.12.0, V0_12_0", "0.12.5, V0_12_0", "0.99.0, V0_12_0", "1.0.0-rc.1, V0_12_0", "1.0.0, V1_0_0",
			"1.0.0+build.7, V1_0_0",
			"1.4.2, V1_0_0", "2.10.16, V1_0_0", "99.0.0, V1_0_0" })
	void aPinSelectsTheNewestFormatNotNewerThanIt(String pin, CsvFormat expected) {
		assertThat(CsvFormat.forVersion(pin)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "1.0", "v1.0.0", "1.0.0.0", "01.0.0", "1.0.0-", "", "latest" })
	void aPinThatIsNotASemanticVersionIsRejected(String pin) {
		assertThatIllegalArgumentException().isThrownBy(() -> CsvFormat.forVersion(pin))
			.withMessage("Results CSV version '" + pin + "' is not a semantic version; expected MAJOR.MINOR.PATCH,"
					+ " one of 0.12.0, 1.0.0");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.11.9", "0.1.0", "0.12.0-rc.1" })
	void aPinOlderThanTheFirstFormatIsRejectedListingTheFormats(String pin) {
		assertThatIllegalArgumentException().isThrownBy(() -> CsvFormat.forVersion(pin))
			.withMessage("Results CSV version '" + pin + "' is older than every format this SDK writes; expected one of"
					+ " 0.12.0, 1.0.0");
	}

	@Test
	void preReleasesCompareBySemverPrecedence() {
		assertThat(SemVer.parse("1.0.0-alpha")).isLessThan(SemVer.parse("1.0.0-alpha.1"));
		assertThat(SemVer.parse("1.0.0-alpha.1")).isLessThan(SemVer.parse("1.0.0-alpha.beta"));
		assertThat(SemVer.parse("1.0.0-beta.2")).isLessThan(SemVer.parse("1.0.0-beta.11"));
		assertThat(SemVer.parse("1.0.0-rc.1")).isLessThan(SemVer.parse("1.0.0"));
		assertThat(SemVer.parse("1.0.0+a")).isEqualByComparingTo(SemVer.parse("1.0.0+b"));
	}

}
