package io.rime.emulator.internal.checks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

	@Test
	void psiWithOneAddedToEachBinReproducesRimesDocumentedCategoricalExample() {
		double psi = Stats.psi(new long[] { 100, 200 }, new long[] { 25, 150 });

		assertThat(psi).isCloseTo(Goldens.number("rime_psi_example"), within(1e-12));
		assertThat(psi).isCloseTo(0.201, within(0.0005));
	}

	@Test
	void yatesCorrectedChiSquareReproducesRimesDocumentedNullProportionExample() {
		double p = Stats.chiSquareYatesP(100, 1900, 100, 1400);

		assertThat(p).isCloseTo(Goldens.number("rime_null_example_p"), within(1e-9));
		assertThat(p).isCloseTo(0.0425, within(0.00005));
	}

	@Test
	void anEmptyBinGivesAFinitePsi() {
		assertThat(Stats.psi(new long[] { 0, 100 }, new long[] { 100, 0 })).isFinite().isGreaterThan(1);
	}

	@Test
	void identicalHistogramsHaveNoDrift() {
		assertThat(Stats.psi(new long[] { 10, 20, 30 }, new long[] { 10, 20, 30 })).isZero();
	}

	@Test
	void aTwoByTwoTableWithAnEmptyMarginHasPValueOne() {
		assertThat(Stats.chiSquareYatesP(0, 100, 0, 200)).isEqualTo(1);
	}

	@Test
	void chiSquareSurvivalMatchesKnownCriticalValues() {
		// chi-square critical values at p = 0.05 for 1, 2 and 10 degrees of freedom
		assertThat(Stats.chiSquareSurvival(3.841458820694124, 1)).isCloseTo(0.05, within(1e-9));
		assertThat(Stats.chiSquareSurvival(5.991464547107979, 2)).isCloseTo(0.05, within(1e-9));
		assertThat(Stats.chiSquareSurvival(18.307038053275146, 10)).isCloseTo(0.05, within(1e-9));
	}

	@Test
	void kolmogorovSmirnovPValueFallsWithTheStatistic() {
		assertThat(Stats.ksP(0, 1000, 1000)).isEqualTo(1);
		assertThat(Stats.ksP(0.0607, 1000, 1000)).isCloseTo(0.05, within(0.002));
		assertThat(Stats.ksP(0.2, 1000, 1000)).isLessThan(1e-15);
	}

	@Test
	void verdictsChangeExactlyAtTheThresholds() {
		assertThat(Verdict.atLeast(0.19999999, 0.2, 0.6)).isEqualTo(Verdict.PASS);
		assertThat(Verdict.atLeast(0.2, 0.2, 0.6)).isEqualTo(Verdict.WARNING);
		assertThat(Verdict.atLeast(0.59999999, 0.2, 0.6)).isEqualTo(Verdict.WARNING);
		assertThat(Verdict.atLeast(0.6, 0.2, 0.6)).isEqualTo(Verdict.FAIL);
	}

	@Test
	void aSignificantNullRateChangeWarnsFromOnePointAndFailsFromFive() {
		assertThat(verdict(DriftCases.nulls("v", 100_000, 0, 100_000, 999))).isEqualTo("PASS");
		assertThat(verdict(DriftCases.nulls("v", 100_000, 0, 100_000, 1_000))).isEqualTo("WARNING");
		assertThat(verdict(DriftCases.nulls("v", 100_000, 0, 100_000, 4_999))).isEqualTo("WARNING");
		assertThat(verdict(DriftCases.nulls("v", 100_000, 0, 100_000, 5_000))).isEqualTo("FAIL");
		// a change of 5 points that is not significant (too few rows) passes
		assertThat(verdict(DriftCases.nulls("v", 100, 0, 100, 5))).isEqualTo("PASS");
	}

	private static String verdict(TestCase testCase) {
		return testCase.verdict.name();
	}

	@Test
	void theBinCountFollowsTheSmallerSampleBetweenTenAndAHundred() {
		assertThat(DriftCases.bins(100, 5000)).isEqualTo(10);
		assertThat(DriftCases.bins(1999, 5000)).isEqualTo(19);
		assertThat(DriftCases.bins(1_000_000, 1_000_000)).isEqualTo(100);
	}

}
