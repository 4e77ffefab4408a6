package io.rime.emulator.internal.checks;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.rime.emulator.internal.checks.Checked.count;
import static io.rime.emulator.internal.checks.Checked.metric;
import static io.rime.emulator.internal.checks.Checked.number;
import static io.rime.emulator.internal.checks.Checked.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The checks against values that {@code data-checks/goldens.py} computed with numpy and scipy.
 */
class DataChecksGoldenTest {

	@TempDir
	Path temp;

	private final Checked drift = Checked.run(Goldens.file("drift_ref.csv"), Goldens.file("drift_eval.csv"));

	@Test
	void numericDriftIsPsiOverReferenceQuantileBinsWithTheKolmogorovSmirnovTestBesideIt() {
		JsonNode x = this.drift.testCase("numeric_feature_drift", "x");

		assertThat(number(x, "psi")).isCloseTo(Goldens.number("numeric.psi"), within(1e-9));
		assertThat(count(x, "num_bins")).isEqualTo((long) Goldens.number("numeric.num_bins"));
		// D is taken on the grid of 1,000 reference quantiles: within one grid cell of the exact D
		assertThat(number(x, "ks_statistic")).isCloseTo(Goldens.number("numeric.ks_statistic"), within(0.002));
		double p = number(x, "ks_p_value");
		double scipy = Goldens.number("numeric.ks_p_value_scipy_asymp");
		assertThat(Math.log10(p)).isCloseTo(Math.log10(scipy), within(1.5));
		assertThat(status(x)).isEqualTo("PASS");
		assertThat(metric(x, "psi").path("testCaseMonitorInfo").path("threshold").toString())
			.isEqualTo("{\"low\":0.2,\"high\":0.6,\"type\":\"TYPE_UPPER_BOUND\"}");
	}

	@Test
	void categoricalDriftCountsUnseenCategoriesAsBinsTheReferenceLacks() {
		JsonNode c = this.drift.testCase("categorical_feature_drift", "c");

		assertThat(number(c, "psi")).isCloseTo(Goldens.number("categorical.psi"), within(1e-9));
		assertThat(number(c, "chi_squared_p_value")).isCloseTo(Goldens.number("categorical.chi_squared_p_value"),
				within(1e-80));
		assertThat(status(c)).isEqualTo("WARNING");
		assertThat(metric(c, "unseen_categories").path("strList").path("values").toString()).isEqualTo("[\"e\"]");
	}

	@Test
	void unseenCategoriesFailFromOnePercentOfTheRows() {
		JsonNode c = this.drift.testCase("unseen_categorical", "c");

		assertThat(count(c, "count")).isEqualTo((long) Goldens.number("categorical.unseen_rows"));
		assertThat(status(c)).isEqualTo("FAIL");
		assertThat(metric(c, "examples").path("strList").path("values").toString()).isEqualTo("[\"e\"]");
		assertThat(metric(c, "row_ids").path("intList").path("values")).hasSize(20);
	}

	@Test
	void outliersAreJudgedAgainstTheReferencesOwnShareOutsideThreeStandardDeviations() {
		JsonNode x = this.drift.testCase("numeric_outliers", "x");

		assertThat(number(x, "lower_bound")).isCloseTo(Goldens.number("outliers.lower_bound"), within(1e-9));
		assertThat(number(x, "upper_bound")).isCloseTo(Goldens.number("outliers.upper_bound"), within(1e-9));
		assertThat(count(x, "count")).isEqualTo((long) Goldens.number("outliers.count"));
		assertThat(number(x, "ref_rate")).isCloseTo(Goldens.number("outliers.ref_rate"), within(1e-12));
		assertThat(number(x, "p_value")).isCloseTo(Goldens.number("outliers.p_value"), within(1e-9));
		// significantly more than the reference, but less than one point more
		assertThat(status(x)).isEqualTo("WARNING");
	}

	@Test
	void rimesCategoricalPsiExampleGivesAWarning() {
		Path ref = Checked.write(this.temp, "ref.csv", "c\n" + "a\n".repeat(100) + "b\n".repeat(200));
		Path eval = Checked.write(this.temp, "eval.csv", "c\n" + "a\n".repeat(25) + "b\n".repeat(150));

		JsonNode c = Checked.run(ref, eval).testCase("categorical_feature_drift", "c");

		assertThat(number(c, "psi")).isCloseTo(Goldens.number("rime_psi_example"), within(1e-12));
		assertThat(status(c)).isEqualTo("WARNING");
	}

	@Test
	void rimesNullProportionExampleIsSignificantAndMovesTheRateByMoreThanOnePoint() {
		Path ref = Checked.write(this.temp, "ref.csv", "v,w\n" + ",1\n".repeat(100) + "1,1\n".repeat(1900));
		Path eval = Checked.write(this.temp, "eval.csv", "v,w\n" + "NA,1\n".repeat(100) + "1,1\n".repeat(1400));

		Checked checked = Checked.run(ref, eval);
		JsonNode v = checked.testCase("null_proportion", "v");

		assertThat(number(v, "p_value")).isCloseTo(Goldens.number("rime_null_example_p"), within(1e-9));
		assertThat(number(v, "null_rate_change")).isCloseTo(100.0 / 1500 - 0.05, within(1e-12));
		assertThat(status(v)).isEqualTo("WARNING");
		assertThat(status(checked.testCase("null_proportion", "w"))).isEqualTo("PASS");
	}

	@Test
	void theSameFilesGiveByteIdenticalResults() {
		Checked again = Checked.run(Goldens.file("drift_ref.csv"), Goldens.file("drift_eval.csv"));

		assertThat(again.report.batches().toString()).isEqualTo(this.drift.report.batches().toString());
		assertThat(again.report.testCases().toString()).isEqualTo(this.drift.report.testCases().toString());
	}

	@Test
	void modelDependentBatchesAreListedWithEveryCaseSkippedAndTheReason() {
		JsonNode batch = this.drift.batch("subset_accuracy");
		JsonNode x = this.drift.testCase("subset_accuracy", "x");

		assertThat(batch.path("summaryCounts").toString())
			.isEqualTo("{\"total\":\"2\",\"pass\":\"0\",\"warning\":\"0\",\"fail\":\"0\",\"skip\":\"2\"}");
		assertThat(batch.path("severity").asString()).isEqualTo("SEVERITY_UNSPECIFIED");
		assertThat(status(x)).isEqualTo("SKIP");
		assertThat(Checked.text(x, "skip_reason")).isEqualTo("needs the model: the emulator does not run models");
	}

	@Test
	void batchesCountTheirCasesAndListWarningAndFailingFeatures() {
		JsonNode unseen = this.drift.batch("unseen_categorical");

		assertThat(unseen.path("testName").asString()).isEqualTo("Unseen Categorical");
		assertThat(unseen.path("severity").asString()).isEqualTo("SEVERITY_ALERT");
		assertThat(unseen.path("failingFeatures").toString()).isEqualTo("[\"c\"]");
		assertThat(this.drift.batch("numeric_outliers").path("failingFeatures").toString()).isEqualTo("[\"x\"]");
		assertThat(this.drift.batch("duplicate_rows").path("testName").asString()).isEqualTo("Duplicate Row");
		assertThat(this.drift.report.batchTypes()).containsExactly("numeric_feature_drift", "categorical_feature_drift",
				"null_proportion", "row_null_proportion", "unseen_categorical", "numeric_outliers", "out_of_range",
				"null_check", "duplicate_rows", "subset_accuracy", "single_feature_changes");
	}

	@Test
	void theRequestedCategoriesChooseTheBatches() {
		Checked checked = Checked.run(Goldens.file("drift_ref.csv"), Goldens.file("drift_eval.csv"), null,
				List.of("TEST_CATEGORY_TYPE_DATA_CLEANLINESS", "TEST_CATEGORY_TYPE_ADVERSARIAL"));

		assertThat(checked.report.batchTypes()).containsExactly("duplicate_rows", "single_feature_changes");
	}

}
