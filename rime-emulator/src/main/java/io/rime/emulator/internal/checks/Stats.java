package io.rime.emulator.internal.checks;

/**
 * The closed-form statistics of the data checks: PSI with +1 smoothing, the two-sample
 * Kolmogorov-Smirnov p-value (asymptotic, with Stephens' correction), Pearson's chi-square
 * (2x2 with Yates' correction, and 2xK) and the regularized upper incomplete gamma function
 * behind its p-values.
 */
final class Stats {

	private static final double EPSILON = 1e-15;

	private static final double[] LANCZOS = { 76.18009172947146, -86.50532032941677, 24.01409824083091,
			-1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5 };

	private Stats() {
	}

	/**
	 * The population stability index of two histograms over the same bins, each bin count plus
	 * one (Laplace smoothing, which reproduces RIME's documented example), so that an empty bin
	 * gives a finite value.
	 * @param reference the reference counts
	 * @param evaluation the evaluation counts
	 * @return the PSI
	 */
	static double psi(double[] reference, double[] evaluation) {
		double n = 0;
		double m = 0;
		for (int i = 0; i < reference.length; i++) {
			n += reference[i];
			m += evaluation[i];
		}
		int bins = reference.length;
		double psi = 0;
		for (int i = 0; i < bins; i++) {
			double p = (reference[i] + 1) / (n + bins);
			double q = (evaluation[i] + 1) / (m + bins);
			psi += (q - p) * Math.log(q / p);
		}
		return psi;
	}

	static double psi(long[] reference, long[] evaluation) {
		return psi(doubles(reference), doubles(evaluation));
	}

	static double[] doubles(long[] counts) {
		double[] values = new double[counts.length];
		for (int i = 0; i < counts.length; i++) {
			values[i] = counts[i];
		}
		return values;
	}

	/**
	 * The p-value of Pearson's chi-square test of a 2x2 table with Yates' continuity correction
	 * (scipy's {@code chi2_contingency} default); 1 when a margin is zero.
	 * @param a row 1, column 1
	 * @param b row 1, column 2
	 * @param c row 2, column 1
	 * @param d row 2, column 2
	 * @return the p-value
	 */
	static double chiSquareYatesP(long a, long b, long c, long d) {
		double total = (double) a + b + c + d;
		double row1 = a + b;
		double row2 = c + d;
		double col1 = a + c;
		double col2 = b + d;
		if (row1 == 0 || row2 == 0 || col1 == 0 || col2 == 0) {
			return 1;
		}
		double statistic = yates(a, row1 * col1 / total) + yates(b, row1 * col2 / total)
				+ yates(c, row2 * col1 / total) + yates(d, row2 * col2 / total);
		return chiSquareSurvival(statistic, 1);
	}

	private static double yates(double observed, double expected) {
		double difference = Math.max(0, Math.abs(observed - expected) - 0.5);
		return difference * difference / expected;
	}

	/**
	 * The p-value of Pearson's chi-square test of homogeneity of two count vectors (a 2xK table,
	 * no correction); categories empty on both sides are left out.
	 * @param reference the reference counts
	 * @param evaluation the evaluation counts
	 * @return the p-value, 1 with fewer than two categories
	 */
	static double chiSquareP(long[] reference, long[] evaluation) {
		double n = 0;
		double m = 0;
		int categories = 0;
		for (int i = 0; i < reference.length; i++) {
			n += reference[i];
			m += evaluation[i];
			if (reference[i] + evaluation[i] > 0) {
				categories++;
			}
		}
		if (categories < 2 || n == 0 || m == 0) {
			return 1;
		}
		double statistic = 0;
		for (int i = 0; i < reference.length; i++) {
			double column = reference[i] + evaluation[i];
			if (column == 0) {
				continue;
			}
			double expectedRef = column * n / (n + m);
			double expectedEval = column * m / (n + m);
			statistic += square(reference[i] - expectedRef) / expectedRef + square(evaluation[i] - expectedEval) / expectedEval;
		}
		return chiSquareSurvival(statistic, categories - 1);
	}

	/**
	 * The asymptotic p-value of the two-sample Kolmogorov-Smirnov statistic, with Stephens'
	 * small-sample correction of lambda.
	 * @param d the statistic
	 * @param n the reference size
	 * @param m the evaluation size
	 * @return the p-value
	 */
	static double ksP(double d, long n, long m) {
		double effective = (double) n * m / (n + m);
		double root = Math.sqrt(effective);
		double lambda = (root + 0.12 + 0.11 / root) * d;
		if (lambda < 0.2) {
			return 1;
		}
		double sum = 0;
		double sign = 1;
		for (int k = 1; k <= 100; k++) {
			double term = sign * Math.exp(-2 * k * k * lambda * lambda);
			sum += term;
			if (Math.abs(term) <= EPSILON * Math.abs(sum)) {
				break;
			}
			sign = -sign;
		}
		return Math.max(0, Math.min(1, 2 * sum));
	}

	static double chiSquareSurvival(double statistic, int degreesOfFreedom) {
		return (statistic <= 0) ? 1 : upperGamma(degreesOfFreedom / 2.0, statistic / 2);
	}

	/** Q(a, x), the regularized upper incomplete gamma function (series or continued fraction). */
	static double upperGamma(double a, double x) {
		if (x < a + 1) {
			double sum = 1 / a;
			double term = sum;
			for (int n = 1; n < 10_000; n++) {
				term *= x / (a + n);
				sum += term;
				if (Math.abs(term) < Math.abs(sum) * EPSILON) {
					break;
				}
			}
			return Math.max(0, 1 - sum * Math.exp(-x + a * Math.log(x) - logGamma(a)));
		}
		double tiny = 1e-300;
		double b = x + 1 - a;
		double c = 1 / tiny;
		double d = 1 / b;
		double h = d;
		for (int i = 1; i < 10_000; i++) {
			double an = -i * (i - a);
			b += 2;
			d = an * d + b;
			d = (Math.abs(d) < tiny) ? tiny : d;
			c = b + an / c;
			c = (Math.abs(c) < tiny) ? tiny : c;
			d = 1 / d;
			double delta = d * c;
			h *= delta;
			if (Math.abs(delta - 1) < EPSILON) {
				break;
			}
		}
		return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
	}

	static double logGamma(double x) {
		double y = x;
		double tmp = x + 5.5;
		tmp -= (x + 0.5) * Math.log(tmp);
		double series = 1.000000000190015;
		for (double coefficient : LANCZOS) {
			series += coefficient / ++y;
		}
		return -tmp + Math.log(2.5066282746310005 * series / x);
	}

	private static double square(double value) {
		return value * value;
	}

}
