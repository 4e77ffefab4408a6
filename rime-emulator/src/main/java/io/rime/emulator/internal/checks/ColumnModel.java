package io.rime.emulator.internal.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A reference column's type and what the evaluation pass compares against: RIME's column typing
 * defaults (numeric when at least 99% of the non-null values parse and there are at least 10
 * distinct ones; declared categorical features win; ID-like columns, 99% or more distinct, are
 * left out of drift and abnormal-value checks), the quantile grid of a numeric column and the
 * sorted categories of a categorical one.
 */
final class ColumnModel {

	static final double NUMERIC_SHARE = 0.99;

	static final int MIN_DISTINCT_FOR_NUMERIC = 10;

	static final double UNIQUE_SHARE = 0.99;

	static final double UNSEEN_ALLOWED_SHARE = 0.25;

	static final int GRID_POINTS = 1000;

	enum Kind {

		NUMERIC, CATEGORICAL

	}

	final String name;

	final int index;

	final Kind kind;

	/** Why the column is left out of drift and abnormal-value checks, or null. */
	final @Nullable String excludedBecause;

	final long nonNull;

	final long nulls;

	final long numeric;

	final boolean integral;

	final boolean ascending;

	final double mean;

	final double standardDeviation;

	final double min;

	final double max;

	/** The quantile grid: cell j holds the values in (edges[j-1], edges[j]]; the last cell those above. */
	final double[] edges;

	/** The reference values per grid cell, scaled from the sample to all the column's numbers. */
	final double[] referenceCells;

	/** The reference values outside mean +- 3 standard deviations, estimated from the sample. */
	final double referenceOutlierShare;

	/** The categories in order, or null for a numeric column or one with too many to keep. */
	final @Nullable List<String> categories;

	final long @Nullable [] categoryCounts;

	final Map<String, Integer> categoryIndex = new HashMap<>();

	/** Whether unseen values are expected (many distinct values), so Unseen Categorical is not run. */
	final boolean unseenAllowed;

	ColumnModel(ReferenceColumn column, int index, boolean declaredCategorical) {
		this.name = column.name;
		this.index = index;
		this.nonNull = column.nonNull;
		this.nulls = column.nulls;
		this.numeric = column.numeric;
		this.integral = column.integral;
		this.ascending = column.ascending;
		this.mean = column.mean();
		this.standardDeviation = column.standardDeviation();
		this.min = column.min;
		this.max = column.max;
		int distinct = column.distinct();
		boolean numbers = column.nonNull > 0 && column.numeric >= NUMERIC_SHARE * column.nonNull;
		this.kind = (numbers && !declaredCategorical && (distinct < 0 || distinct >= MIN_DISTINCT_FOR_NUMERIC))
				? Kind.NUMERIC : Kind.CATEGORICAL;
		double[] sorted = (this.kind == Kind.NUMERIC) ? column.sortedSample() : new double[0];
		this.excludedBecause = idLike(column, distinct, sorted);
		this.unseenAllowed = distinct >= 0 && column.nonNull > 0 && distinct >= UNSEEN_ALLOWED_SHARE * column.nonNull;
		this.edges = grid(sorted);
		this.referenceCells = new double[this.edges.length + 1];
		double scale = (sorted.length > 0) ? (double) column.numeric / sorted.length : 0;
		long outliers = 0;
		for (double value : sorted) {
			this.referenceCells[cell(value)] += scale;
			if (outlier(value)) {
				outliers++;
			}
		}
		this.referenceOutlierShare = (sorted.length > 0) ? (double) outliers / sorted.length : 0;
		if (this.kind == Kind.CATEGORICAL && column.categories != null) {
			List<String> names = new ArrayList<>(column.categories.keySet());
			names.sort(null);
			this.categories = List.copyOf(names);
			this.categoryCounts = new long[names.size()];
			for (int i = 0; i < names.size(); i++) {
				this.categoryIndex.put(names.get(i), i);
				this.categoryCounts[i] = column.categories.get(names.get(i))[0];
			}
		}
		else {
			this.categories = null;
			this.categoryCounts = null;
		}
	}

	private @Nullable String idLike(ReferenceColumn column, int distinct, double[] sorted) {
		if (this.kind == Kind.NUMERIC && !this.integral) {
			return null; // as RIME's allow_float_unique: false, a float column is never ID-like
		}
		if (column.nonNull < 2) {
			return null;
		}
		double share;
		if (distinct >= 0) {
			share = (double) distinct / column.nonNull;
		}
		else if (this.kind == Kind.NUMERIC) {
			share = (double) Arrays.stream(sorted).distinct().count() / sorted.length;
		}
		else {
			return "ID-like: more than " + ReferenceColumn.MAX_CATEGORIES + " distinct values";
		}
		return (share >= UNIQUE_SHARE)
				? "ID-like: " + percent(share) + " of its reference values are distinct (99% or more)" : null;
	}

	private static String percent(double share) {
		return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
	}

	/**
	 * The grid: the distinct values among the reference sample's quantiles at i/G, i = 1..G,
	 * G = min(1000, sample size); so a small sample gives every distinct value, and a point mass
	 * stays one cell.
	 */
	private static double[] grid(double[] sorted) {
		int points = Math.min(GRID_POINTS, sorted.length);
		double[] edges = new double[points];
		int count = 0;
		for (int i = 1; i <= points; i++) {
			double quantile = sorted[(int) Math.ceil((double) i * sorted.length / points) - 1];
			if (count == 0 || quantile != edges[count - 1]) {
				edges[count++] = quantile;
			}
		}
		return Arrays.copyOf(edges, count);
	}

	int cell(double value) {
		int found = Arrays.binarySearch(this.edges, value);
		return (found >= 0) ? found : -found - 1;
	}

	double lowerBound() {
		return this.mean - 3 * this.standardDeviation;
	}

	double upperBound() {
		return this.mean + 3 * this.standardDeviation;
	}

	boolean outlier(double value) {
		return value < lowerBound() || value > upperBound();
	}

	/** The smallest of [0, 1], [0, inf) and (-inf, inf) that holds every reference value. */
	double[] range() {
		if (this.min >= 0 && this.max <= 1) {
			return new double[] { 0, 1 };
		}
		return (this.min >= 0) ? new double[] { 0, Double.POSITIVE_INFINITY }
				: new double[] { Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY };
	}

	boolean highCardinality() {
		return this.kind == Kind.CATEGORICAL && this.categories == null;
	}

}
