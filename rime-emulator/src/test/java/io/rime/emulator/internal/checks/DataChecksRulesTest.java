package io.rime.emulator.internal.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static io.rime.emulator.internal.checks.Checked.count;
import static io.rime.emulator.internal.checks.Checked.number;
import static io.rime.emulator.internal.checks.Checked.status;
import static io.rime.emulator.internal.checks.Checked.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typing rules, thresholds and skip paths of the data checks, on small files made here.
 */
class DataChecksRulesTest {

	@TempDir
	Path temp;

	@Test
	void aColumnOfNumbersWithTenDistinctValuesIsNumericAndWithNineCategorical() {
		Path ref = csv("ref.csv", "ten,nine", 200, (i) -> (i % 10) + "," + (i % 9));

		Checked checked = Checked.run(ref, ref);

		assertThat(checked.has("numeric_feature_drift", "ten")).isTrue();
		assertThat(checked.has("categorical_feature_drift", "nine")).isTrue();
		assertThat(checked.has("numeric_feature_drift", "nine")).isFalse();
	}

	@Test
	void aColumnIsNumericWhenNinetyNinePercentOfItsValuesParse() {
		// 1 text value in 100 parses 99%: numeric; 2 in 100: categorical
		Path ref = csv("ref.csv", "one,two", 200, (i) -> ((i % 100 == 0) ? "x" : Integer.toString(i % 37)) + ","
				+ ((i % 100 < 2) ? "x" : Integer.toString(i % 37)));

		Checked checked = Checked.run(ref, ref);

		assertThat(checked.has("numeric_feature_drift", "one")).isTrue();
		assertThat(checked.has("categorical_feature_drift", "two")).isTrue();
	}

	@Test
	void idLikeColumnsAreSkippedWithTheReason() {
		Path ref = csv("ref.csv", "id,name,fare", 200, (i) -> i + ",name " + i + "," + (i * 1.5 + 0.25));

		Checked checked = Checked.run(ref, ref);

		JsonNode id = checked.testCase("numeric_feature_drift", "id");
		assertThat(status(id)).isEqualTo("SKIP");
		assertThat(text(id, "skip_reason")).isEqualTo("ID-like: 100.0% of its reference values are distinct (99% or more)");
		assertThat(status(checked.testCase("categorical_feature_drift", "name"))).isEqualTo("SKIP");
		// a float column is never ID-like, as RIME's allow_float_unique: false
		assertThat(status(checked.testCase("numeric_feature_drift", "fare"))).isEqualTo("PASS");
	}

	@Test
	void declaredCategoricalFeaturesAreCategoricalAndExcludedColumnsAreLeftOut() {
		Path ref = csv("ref.csv", "code,x,noise", 200, (i) -> (i % 20) + "," + (i % 30) + "," + i);
		DataCheckSpec spec = new DataCheckSpec(ref, "ref.csv", ref, "ref.csv", null, Set.of("code"), Set.of("noise"),
				List.of());

		DataCheckReport report = DataChecks.run(spec, "run", List.of(), (bytes) -> {
		});

		List<String> cases = report.testCases().stream()
			.map((testCase) -> testCase.path("testBatchType").asString() + " " + testCase.path("features"))
			.toList();
		assertThat(cases).contains("categorical_feature_drift [\"code\"]", "numeric_feature_drift [\"x\"]")
			.noneMatch((testCase) -> testCase.contains("noise"));
	}

	@Test
	void freeTextAndColumnsWithTooManyValuesGetNoCategoricalDriftOrUnseenTest() {
		// a quarter of the values distinct: free text; more than 10,000 distinct values: not kept
		Path ref = csv("ref.csv", "text,many", 12_000, (i) -> "t" + (i % 3000) + ",m" + (i % 11_000));

		Checked checked = Checked.run(ref, ref);

		assertThat(text(checked.testCase("categorical_feature_drift", "text"), "skip_reason"))
			.startsWith("25% or more of the reference values are distinct");
		assertThat(text(checked.testCase("categorical_feature_drift", "many"), "skip_reason"))
			.isEqualTo("ID-like: more than 10000 distinct values");
		assertThat(checked.has("unseen_categorical", "text")).isFalse();
		assertThat(checked.has("unseen_categorical", "many")).isFalse();
	}

	@Test
	void pandasNullTokensAndQuotedEmptyFieldsCountAsNulls() {
		List<String> tokens = List.of("", "\"\"", "NA", "N/A", "null", "NULL", "None", "NaN", "nan", "#N/A", "<NA>");
		Path ref = csv("ref.csv", "v,w", 110, (i) -> tokens.get(i % tokens.size()) + ",1");

		Checked checked = Checked.run(ref, ref);

		assertThat(number(checked.testCase("null_proportion", "v"), "ref_null_rate")).isEqualTo(1.0);
		assertThat(number(checked.testCase("null_proportion", "w"), "ref_null_rate")).isZero();
	}

	@Test
	void fewerThanAHundredValuesOnASideSkipDrift() {
		Path ref = csv("ref.csv", "x", 200, (i) -> Integer.toString(i % 50));
		Path eval = csv("eval.csv", "x", 99, (i) -> Integer.toString(i % 50));

		JsonNode x = Checked.run(ref, eval).testCase("numeric_feature_drift", "x");

		assertThat(status(x)).isEqualTo("SKIP");
		assertThat(text(x, "skip_reason"))
			.isEqualTo("needs 100 non-null values on each side; the reference has 200, the evaluation 99");
	}

	@Test
	void withoutAReferenceOnlyDuplicateRowRuns() {
		Path eval = csv("eval.csv", "x", 120, (i) -> Integer.toString(i % 60));

		Checked checked = Checked.run(null, eval, null, List.of());

		JsonNode drift = checked.testCase("numeric_feature_drift", null);
		assertThat(status(drift)).isEqualTo("SKIP");
		assertThat(text(drift, "skip_reason")).startsWith("no reference dataset");
		JsonNode duplicates = checked.testCase("duplicate_rows", null);
		assertThat(count(duplicates, "count")).isEqualTo(60);
		assertThat(status(duplicates)).isEqualTo("FAIL");
	}

	@Test
	void unseenValuesWarnBelowOnePercentOfTheRowsAndFailFromIt() {
		Path ref = csv("ref.csv", "c", 200, (i) -> "abc".substring(i % 3, i % 3 + 1));
		Path exactlyOnePercent = csv("eval1.csv", "c", 100, (i) -> (i == 0) ? "z" : "a");
		Path underOnePercent = csv("eval2.csv", "c", 101, (i) -> (i == 0) ? "z" : "a");

		assertThat(status(Checked.run(ref, exactlyOnePercent).testCase("unseen_categorical", "c"))).isEqualTo("FAIL");
		assertThat(status(Checked.run(ref, underOnePercent).testCase("unseen_categorical", "c"))).isEqualTo("WARNING");
		assertThat(status(Checked.run(ref, ref).testCase("unseen_categorical", "c"))).isEqualTo("PASS");
	}

	@Test
	void duplicateRowsWarnBelowFivePercentAndFailFromIt() {
		Path ref = csv("ref.csv", "x,y", 200, (i) -> i + "," + (i * 7 % 13));
		Path fivePercent = csv("eval1.csv", "x,y", 100, (i) -> (i < 5) ? "0,0" : i + ",1");
		Path fourPercent = csv("eval2.csv", "x,y", 100, (i) -> (i < 4) ? "0,0" : i + ",1");

		JsonNode five = Checked.run(ref, fivePercent).testCase("duplicate_rows", null);
		assertThat(count(five, "count")).isEqualTo(4); // five equal rows: the first is not a duplicate
		assertThat(status(five)).isEqualTo("WARNING");
		Path sixEqual = csv("eval3.csv", "x,y", 100, (i) -> (i < 6) ? "0,0" : i + ",1");
		assertThat(status(Checked.run(ref, sixEqual).testCase("duplicate_rows", null))).isEqualTo("FAIL");
		assertThat(status(Checked.run(ref, fourPercent).testCase("duplicate_rows", null))).isEqualTo("WARNING");
		assertThat(status(Checked.run(ref, ref).testCase("duplicate_rows", null))).isEqualTo("PASS");
	}

	@Test
	void nullsInAFeatureThatHadNoneAreCaughtByNullCheck() {
		// two columns: a one-column row with an empty field is a blank line, which pandas skips too
		Path ref = csv("ref.csv", "x,y", 200, (i) -> i % 40 + ",1");
		Path eval = csv("eval.csv", "x,y", 200, (i) -> ((i % 50 == 0) ? "" : Integer.toString(i % 40)) + ",1");

		JsonNode x = Checked.run(ref, eval).testCase("null_check", "x");

		assertThat(count(x, "count")).isEqualTo(4);
		assertThat(status(x)).isEqualTo("FAIL");
		assertThat(Checked.metric(x, "row_ids").path("intList").path("values").toString())
			.isEqualTo("[\"0\",\"50\",\"100\",\"150\"]");
	}

	@Test
	void valuesOutsideTheInferredRangeAreOutOfRange() {
		Path ref = csv("ref.csv", "share,count,delta", 200, (i) -> (i % 100) / 100.0 + "," + i % 30 + "," + (i % 30 - 15));
		Path eval = csv("eval.csv", "share,count,delta", 200,
				(i) -> ((i == 7) ? "1.5" : (i % 100) / 100.0) + "," + ((i == 9) ? -1 : i % 30) + "," + (i % 30 - 15));

		Checked checked = Checked.run(ref, eval);

		JsonNode share = checked.testCase("out_of_range", "share");
		assertThat(text(share, "range")).isEqualTo("[0, 1]");
		assertThat(count(share, "count")).isEqualTo(1);
		assertThat(status(share)).isEqualTo("WARNING");
		assertThat(text(checked.testCase("out_of_range", "count"), "range")).isEqualTo("[0, inf)");
		assertThat(Checked.metric(checked.testCase("out_of_range", "count"), "examples").path("strList").toString())
			.isEqualTo("{\"values\":[\"-1\"]}");
		JsonNode delta = checked.testCase("out_of_range", "delta");
		assertThat(text(delta, "range")).isEqualTo("(-inf, inf)");
		assertThat(status(delta)).isEqualTo("PASS");
	}

	@Test
	void rowsWithMoreNullsDriftInNullsPerRow() {
		Path ref = csv("ref.csv", "a,b,c", 200, (i) -> "1,2,3");
		Path eval = csv("eval.csv", "a,b,c", 200, (i) -> (i % 2 == 0) ? ",," + i % 5 : "1,2,3");

		JsonNode rows = Checked.run(ref, eval).testCase("row_null_proportion", null);

		assertThat(number(rows, "eval_mean_nulls_per_row")).isEqualTo(1.0);
		assertThat(status(rows)).isEqualTo("FAIL");
	}

	@Test
	void theLabelGetsCategoricalOrRegressionLabelDrift() {
		Path ref = csv("ref.csv", "x,survived,price", 200, (i) -> i % 20 + "," + (i % 2) + "," + (i % 97) * 1.5);

		Checked classification = Checked.run(ref, ref, "survived", List.of());
		Checked regression = Checked.run(ref, ref, "price", List.of());

		assertThat(status(classification.testCase("categorical_label_drift", "survived"))).isEqualTo("PASS");
		assertThat(classification.has("categorical_feature_drift", "survived")).isFalse();
		assertThat(status(regression.testCase("regression_label_drift", "price"))).isEqualTo("PASS");
	}

	@Test
	void identicalDistributionsStayFarBelowTheWarningAtAThousandRows() {
		int below = 0;
		for (int seed = 0; seed < 40; seed++) {
			Random refRandom = new Random(seed);
			Random evalRandom = new Random(1000 + seed);
			Path ref = csv("ref.csv", "x", 1000, (i) -> Double.toString(refRandom.nextGaussian()));
			Path eval = csv("eval.csv", "x", 1000, (i) -> Double.toString(evalRandom.nextGaussian()));
			JsonNode x = Checked.run(ref, eval).testCase("numeric_feature_drift", "x");
			assertThat(status(x)).isEqualTo("PASS");
			below += (number(x, "psi") < 0.05) ? 1 : 0;
		}
		assertThat(below).isGreaterThanOrEqualTo(38);
	}

	@Test
	void identicalDistributionsPassEveryCheckAtAMillionRows() {
		Random refRandom = new Random(1);
		Random evalRandom = new Random(2);
		String[] colours = { "red", "green", "blue" };
		Path ref = csv("ref.csv", "x,c", 1_000_000,
				(i) -> String.format("%.4f", refRandom.nextGaussian()) + "," + colours[refRandom.nextInt(3)]);
		Path eval = csv("eval.csv", "x,c", 1_000_000,
				(i) -> String.format("%.4f", evalRandom.nextGaussian()) + "," + colours[evalRandom.nextInt(3)]);

		Checked checked = Checked.run(ref, eval);

		assertThat(number(checked.testCase("numeric_feature_drift", "x"), "psi")).isLessThan(0.01);
		assertThat(count(checked.testCase("numeric_feature_drift", "x"), "num_bins")).isEqualTo(100);
		for (String type : List.of("numeric_feature_drift", "numeric_outliers", "out_of_range", "null_proportion",
				"null_check")) {
			assertThat(status(checked.testCase(type, "x"))).as(type).isEqualTo("PASS");
		}
		assertThat(status(checked.testCase("categorical_feature_drift", "c"))).isEqualTo("PASS");
		assertThat(status(checked.testCase("unseen_categorical", "c"))).isEqualTo("PASS");
	}

	@Test
	void aCancelledComputationStopsAtItsNextCheckpoint() {
		Path ref = csv("ref.csv", "x,y", 300_000, (i) -> i % 1000 + "," + i % 7);
		DataCheckSpec spec = new DataCheckSpec(ref, "ref.csv", ref, "ref.csv", null, Set.of(), Set.of(), List.of());
		List<Long> checkpoints = new ArrayList<>();

		assertThatThrownBy(() -> DataChecks.run(spec, "run", List.of(), (bytes) -> {
			checkpoints.add(bytes);
			if (checkpoints.size() == 2) {
				throw new CancellationException("cancelled");
			}
		})).isInstanceOf(CancellationException.class);
		assertThat(checkpoints.get(1)).isLessThan(ref.toFile().length());
	}

	private Path csv(String name, String header, int rows, IntFunction<String> row) {
		StringBuilder text = new StringBuilder(header).append('\n');
		for (int i = 0; i < rows; i++) {
			text.append(row.apply(i)).append('\n');
		}
		return Checked.write(this.temp, name, text.toString());
	}

}
