package io.rime.emulator.internal.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The drift checks' test cases: PSI with its thresholds (RIME 2.x: warning 0.2, alert 0.6),
 * Kolmogorov-Smirnov and chi-square reported beside it, and the null-rate test.
 */
final class DriftCases {

	static final double PSI_WARNING = 0.2;

	static final double PSI_FAIL = 0.6;

	static final int MIN_SAMPLE = 100;

	static final double P_VALUE = 0.05;

	static final double NULL_RATE_WARNING = 0.01;

	static final double NULL_RATE_FAIL = 0.05;

	private DriftCases() {
	}

	/**
	 * The number of PSI bins for n reference and m evaluation values: one per 100 values of the
	 * smaller side, from 10 to 100, so that identical distributions stay far below 0.2.
	 */
	static int bins(long n, long m) {
		return (int) Math.max(10, Math.min(100, Math.min(n, m) / 100));
	}

	static TestCase numeric(String feature, ColumnModel model, EvalColumn eval) {
		long n = model.numeric;
		long m = eval.numeric;
		if (n < MIN_SAMPLE || m < MIN_SAMPLE) {
			return tooFew(feature, "non-null values", n, m);
		}
		double total = Arrays.stream(model.referenceCells).sum();
		int bins = bins(n, m);
		double[] reference = new double[bins];
		double[] evaluation = new double[bins];
		boolean[] used = new boolean[bins];
		double cumulativeRef = 0;
		double cumulativeEval = 0;
		double ks = 0;
		for (int cell = 0; cell < model.referenceCells.length; cell++) {
			int bin = (int) Math.min(bins - 1, Math.floor(cumulativeRef * bins / total));
			reference[bin] += model.referenceCells[cell];
			evaluation[bin] += eval.cells[cell];
			used[bin] = true;
			cumulativeRef += model.referenceCells[cell];
			cumulativeEval += eval.cells[cell];
			ks = Math.max(ks, Math.abs(cumulativeRef / total - cumulativeEval / m));
		}
		int kept = 0;
		for (int i = 0; i < bins; i++) {
			if (used[i]) {
				reference[kept] = reference[i];
				evaluation[kept++] = evaluation[i];
			}
		}
		double psi = Stats.psi(Arrays.copyOf(reference, kept), Arrays.copyOf(evaluation, kept));
		return new TestCase(Verdict.atLeast(psi, PSI_WARNING, PSI_FAIL), feature)
			.judged("psi", TestCase.DRIFT_STAT, psi, PSI_WARNING, PSI_FAIL, true)
			.number("ks_statistic", TestCase.DRIFT_STAT, ks)
			.number("ks_p_value", TestCase.DRIFT_STAT, Stats.ksP(ks, n, m))
			.count("num_bins", TestCase.FEATURE, kept)
			.count("ref_count", TestCase.FEATURE, n)
			.count("eval_count", TestCase.FEATURE, m);
	}

	static TestCase categorical(String feature, ColumnModel model, EvalColumn eval) {
		if (model.highCardinality()) {
			return TestCase.skip(feature, "more than " + ReferenceColumn.MAX_CATEGORIES
					+ " distinct reference values: too many categories to compare");
		}
		if (model.unseenAllowed) {
			return TestCase.skip(feature, "25% or more of the reference values are distinct (free text or "
					+ "codes): category frequencies are too sparse to compare (E)");
		}
		long n = model.nonNull;
		long m = eval.nonNull;
		if (n < MIN_SAMPLE || m < MIN_SAMPLE) {
			return tooFew(feature, "non-null values", n, m);
		}
		int known = model.categoryCounts.length;
		int bins = known + eval.unseen.size() + ((eval.unseenOverflow > 0) ? 1 : 0);
		long[] reference = Arrays.copyOf(model.categoryCounts, bins);
		long[] evaluation = Arrays.copyOf(eval.categoryCounts, bins);
		int bin = known;
		List<String> unseen = new ArrayList<>();
		for (Map.Entry<String, long[]> entry : eval.unseen.entrySet()) {
			evaluation[bin++] = entry.getValue()[0];
			if (unseen.size() < 10) {
				unseen.add(entry.getKey());
			}
		}
		if (eval.unseenOverflow > 0) {
			evaluation[bin] = eval.unseenOverflow;
		}
		double psi = Stats.psi(reference, evaluation);
		return new TestCase(Verdict.atLeast(psi, PSI_WARNING, PSI_FAIL), feature)
			.judged("psi", TestCase.DRIFT_STAT, psi, PSI_WARNING, PSI_FAIL, true)
			.number("chi_squared_p_value", TestCase.DRIFT_STAT, Stats.chiSquareP(reference, evaluation))
			.count("num_categories", TestCase.FEATURE, bins)
			.count("ref_count", TestCase.FEATURE, n)
			.count("eval_count", TestCase.FEATURE, m)
			.texts("unseen_categories", TestCase.INPUT, unseen);
	}

	static TestCase nulls(String feature, long refRows, long refNulls, long evalRows, long evalNulls) {
		if (refRows < MIN_SAMPLE || evalRows < MIN_SAMPLE) {
			return tooFew(feature, "rows", refRows, evalRows);
		}
		double p = Stats.chiSquareYatesP(refNulls, refRows - refNulls, evalNulls, evalRows - evalNulls);
		double refRate = (double) refNulls / refRows;
		double evalRate = (double) evalNulls / evalRows;
		double change = Math.abs(evalRate - refRate);
		Verdict verdict = (p >= P_VALUE) ? Verdict.PASS : Verdict.atLeast(change, NULL_RATE_WARNING, NULL_RATE_FAIL);
		return new TestCase(verdict, feature).judged("p_value", TestCase.DRIFT_STAT, p, P_VALUE, P_VALUE, false)
			.judged("null_rate_change", TestCase.DRIFT_STAT, change, NULL_RATE_WARNING, NULL_RATE_FAIL, true)
			.number("ref_null_rate", TestCase.FEATURE, refRate)
			.number("eval_null_rate", TestCase.FEATURE, evalRate);
	}

	static TestCase rowNulls(long[] reference, long[] evaluation, long refRows, long evalRows) {
		if (refRows < MIN_SAMPLE || evalRows < MIN_SAMPLE) {
			return tooFew(null, "rows", refRows, evalRows);
		}
		double psi = Stats.psi(reference, evaluation);
		return new TestCase(Verdict.atLeast(psi, PSI_WARNING, PSI_FAIL), null)
			.judged("psi", TestCase.DRIFT_STAT, psi, PSI_WARNING, PSI_FAIL, true)
			.number("ref_mean_nulls_per_row", TestCase.FEATURE, mean(reference))
			.number("eval_mean_nulls_per_row", TestCase.FEATURE, mean(evaluation));
	}

	private static double mean(long[] histogram) {
		double rows = 0;
		double nulls = 0;
		for (int i = 0; i < histogram.length; i++) {
			rows += histogram[i];
			nulls += (double) i * histogram[i];
		}
		return (rows > 0) ? nulls / rows : 0;
	}

	static TestCase tooFew(@Nullable String feature, String what, long n, long m) {
		return TestCase.skip(feature, "needs " + MIN_SAMPLE + " " + what + " on each side; the reference has "
				+ n + ", the evaluation " + m);
	}

}
