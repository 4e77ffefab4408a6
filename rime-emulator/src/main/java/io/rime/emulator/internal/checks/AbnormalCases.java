package io.rime.emulator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The abnormal-input and cleanliness checks' test cases: failing rows counted in the evaluation
 * data, with their rate, examples and row numbers (0-based data rows of the evaluation file).
 */
final class AbnormalCases {

	/** The failing-row rate from which an abnormal input fails (E). */
	static final double FAIL_RATE = 0.01;

	/** The duplicate-row rate from which Duplicate Row fails (E). */
	static final double DUPLICATE_FAIL_RATE = 0.05;

	private AbnormalCases() {
	}

	static TestCase unseen(String feature, EvalColumn eval, long evalRows) {
		List<String> examples = new ArrayList<>();
		for (String value : eval.unseen.keySet()) {
			if (examples.size() == EvalColumn.EXAMPLES) {
				break;
			}
			examples.add(value);
		}
		return failing(feature, evalRows, eval.unseenRows, FAIL_RATE, examples, eval.unseenRowNumbers);
	}

	static TestCase outliers(String feature, ColumnModel model, EvalColumn eval) {
		long n = model.numeric;
		long m = eval.numeric;
		if (n < DriftCases.MIN_SAMPLE || m < 1) {
			return DriftCases.tooFew(feature, "non-null values (the evaluation at least one)", n, m);
		}
		double refRate = model.referenceOutlierShare;
		long refOutliers = Math.round(refRate * n);
		long outliers = eval.outliers.count;
		double rate = (double) outliers / m;
		double p = Stats.chiSquareYatesP(outliers, m - outliers, refOutliers, n - refOutliers);
		double increase = rate - refRate;
		Verdict verdict = (increase <= 0 || p >= DriftCases.P_VALUE) ? Verdict.PASS
				: (increase >= FAIL_RATE) ? Verdict.FAIL : Verdict.WARNING;
		return new TestCase(verdict, feature).count("count", TestCase.FAILING_INPUTS, outliers)
			.number("rate", TestCase.FAILING_INPUTS, rate)
			.judged("rate_increase", TestCase.FAILING_INPUTS, increase, 0, FAIL_RATE, true)
			.number("ref_rate", TestCase.FEATURE, refRate)
			.number("p_value", TestCase.DRIFT_STAT, p)
			.number("lower_bound", TestCase.FEATURE, model.lowerBound())
			.number("upper_bound", TestCase.FEATURE, model.upperBound())
			.texts("examples", TestCase.INPUT, eval.outliers.examples)
			.counts("row_ids", TestCase.INPUT, eval.outliers.rows);
	}

	static TestCase outOfRange(String feature, ColumnModel model, EvalColumn eval, long evalRows) {
		if (model.numeric < DriftCases.MIN_SAMPLE) {
			return DriftCases.tooFew(feature, "non-null reference values", model.numeric, evalRows);
		}
		double[] range = model.range();
		String text = String.format(Locale.ROOT, "%s, %s", bound(range[0], "(-inf"), bound(range[1], "inf)"));
		return failing(feature, evalRows, eval.outOfRange.count, FAIL_RATE, eval.outOfRange.examples,
				eval.outOfRange.rows).text("range", TestCase.FEATURE, text);
	}

	private static String bound(double value, String infinite) {
		if (Double.isInfinite(value)) {
			return infinite;
		}
		return (value == 0) ? "[0" : "1]";
	}

	static TestCase nullCheck(String feature, long refRows, EvalColumn eval, long evalRows) {
		if (refRows < DriftCases.MIN_SAMPLE) {
			return DriftCases.tooFew(feature, "reference rows", refRows, evalRows);
		}
		return failing(feature, evalRows, eval.nullRows.count, FAIL_RATE, List.of(), eval.nullRows.rows);
	}

	static TestCase duplicates(RowCounts evaluation, @Nullable RowCounts reference) {
		TestCase result = failing(null, evaluation.rowsCheckedForDuplicates, evaluation.duplicates,
				DUPLICATE_FAIL_RATE, List.of(), List.of());
		if (result.verdict != Verdict.SKIP) {
			result.count("rows_checked", TestCase.FEATURE, evaluation.rowsCheckedForDuplicates);
			if (reference != null) {
				result.count("ref_count", TestCase.FEATURE, reference.duplicates);
			}
		}
		return result;
	}

	/**
	 * A check of failing rows: PASS with none, WARNING from one, FAIL from a rate.
	 */
	private static TestCase failing(@Nullable String feature, long rows, long count, double failRate, List<String> examples,
			List<Long> rowIds) {
		if (rows < 1) {
			return TestCase.skip(feature, "the evaluation data has no rows");
		}
		double rate = (double) count / rows;
		Verdict verdict = (count == 0) ? Verdict.PASS : (rate >= failRate) ? Verdict.FAIL : Verdict.WARNING;
		return new TestCase(verdict, feature).count("count", TestCase.FAILING_INPUTS, count)
			.judged("rate", TestCase.FAILING_INPUTS, rate, 1.0 / rows, failRate, true)
			.texts("examples", TestCase.INPUT, examples)
			.counts("row_ids", TestCase.INPUT, rowIds);
	}

}
