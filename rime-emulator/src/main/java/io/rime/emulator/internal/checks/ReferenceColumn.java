package io.rime.emulator.internal.checks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What the reference pass learns about one column, in bounded memory: counts, moments, range,
 * whether it ascends, its categories (up to {@link #MAX_CATEGORIES}) and its values in the rows of
 * a fixed-size, fixed-seed reservoir sample, from which the quantile grid is taken.
 */
final class ReferenceColumn {

	/** Beyond this many distinct values a column's categories are not kept (high cardinality). */
	static final int MAX_CATEGORIES = 10_000;

	final String name;

	private final int sampleSize;

	private double[] sample = new double[0];

	long nonNull;

	long nulls;

	long numeric;

	boolean integral = true;

	boolean ascending = true;

	private double mean;

	private double squaredDeviations;

	double min = Double.POSITIVE_INFINITY;

	double max = Double.NEGATIVE_INFINITY;

	private double last = Double.NEGATIVE_INFINITY;

	/** Category counts, or null once the column had more than {@link #MAX_CATEGORIES} values. */
	Map<String, long[]> categories = new HashMap<>();

	ReferenceColumn(String name, int sampleSize) {
		this.name = name;
		this.sampleSize = sampleSize;
	}

	/**
	 * Adds a field.
	 * @param bytes the record's bytes
	 * @param start the field's start
	 * @param end the field's end
	 * @param slot the reservoir slot of this row, or -1 when the row is not sampled
	 * @return whether the field is null
	 */
	boolean add(byte[] bytes, int start, int end, int slot) {
		if (slot >= this.sample.length) {
			int length = this.sample.length;
			this.sample = Arrays.copyOf(this.sample, Math.min(this.sampleSize, Math.max(slot + 1, length * 2)));
			Arrays.fill(this.sample, length, this.sample.length, Double.NaN);
		}
		if (Cells.isNull(bytes, start, end)) {
			this.nulls++;
			if (slot >= 0) {
				this.sample[slot] = Double.NaN;
			}
			return true;
		}
		this.nonNull++;
		double value = Cells.number(bytes, start, end);
		if (!Double.isNaN(value)) {
			this.numeric++;
			// Welford's update: no cancellation for large values with a small spread
			double delta = value - this.mean;
			this.mean += delta / this.numeric;
			this.squaredDeviations += delta * (value - this.mean);
			this.min = Math.min(this.min, value);
			this.max = Math.max(this.max, value);
			this.integral &= value == Math.rint(value) && !Double.isInfinite(value);
			this.ascending &= value > this.last;
			this.last = value;
		}
		else {
			this.ascending = false;
		}
		if (slot >= 0) {
			this.sample[slot] = value;
		}
		Map<String, long[]> counts = this.categories;
		if (counts != null) {
			String key = new String(bytes, start, end - start, StandardCharsets.UTF_8);
			long[] count = counts.get(key);
			if (count != null) {
				count[0]++;
			}
			else if (counts.size() < MAX_CATEGORIES) {
				counts.put(key, new long[] { 1 });
			}
			else {
				this.categories = null;
			}
		}
		return false;
	}

	/** The number of distinct values, or -1 when there were more than {@link #MAX_CATEGORIES}. */
	int distinct() {
		return (this.categories != null) ? this.categories.size() : -1;
	}

	double mean() {
		return this.mean;
	}

	/** The sample standard deviation (n - 1), as pandas' {@code std()} computes it. */
	double standardDeviation() {
		if (this.numeric < 2) {
			return 0;
		}
		return Math.sqrt(this.squaredDeviations / (this.numeric - 1));
	}

	/** The sampled numeric values, sorted. */
	double[] sortedSample() {
		return Arrays.stream(this.sample).filter((value) -> !Double.isNaN(value)).sorted().toArray();
	}

}
