package io.rime.emulator.internal.checks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the evaluation pass counts for one column, read with the reference's type: grid cells of a
 * numeric column, category counts of a categorical one, and for each abnormal-input check the
 * failing rows, with up to {@link #EXAMPLES} example values and row numbers.
 */
final class EvalColumn {

	static final int EXAMPLES = 20;

	final ColumnModel model;

	long nonNull;

	long nulls;

	long numeric;

	final long[] cells;

	final long[] categoryCounts;

	/** Unseen values and their counts, up to {@link ReferenceColumn#MAX_CATEGORIES}. */
	final Map<String, long[]> unseen = new LinkedHashMap<>();

	long unseenRows;

	long unseenOverflow;

	final List<Long> unseenRowNumbers = new ArrayList<>();

	final Failures outliers = new Failures();

	final Failures outOfRange = new Failures();

	final Failures nullRows = new Failures();

	private final double[] range;

	EvalColumn(ColumnModel model) {
		this.model = model;
		this.cells = new long[model.edges.length + 1];
		this.categoryCounts = new long[(model.categories != null) ? model.categories.size() : 0];
		this.range = model.range();
	}

	void add(byte[] bytes, int start, int end, long row) {
		if (Cells.isNull(bytes, start, end)) {
			this.nulls++;
			this.nullRows.add(row, "null");
			return;
		}
		this.nonNull++;
		if (this.model.kind == ColumnModel.Kind.NUMERIC) {
			double value = Cells.number(bytes, start, end);
			if (Double.isNaN(value)) {
				return; // a value of another type: left out of the numeric statistics
			}
			this.numeric++;
			this.cells[this.model.cell(value)]++;
			if (this.model.outlier(value)) {
				this.outliers.add(row, bytes, start, end);
			}
			if (value < this.range[0] || value > this.range[1]) {
				this.outOfRange.add(row, bytes, start, end);
			}
		}
		else if (this.model.categories != null) {
			String key = new String(bytes, start, end - start, StandardCharsets.UTF_8);
			Integer index = this.model.categoryIndex.get(key);
			if (index != null) {
				this.categoryCounts[index]++;
				return;
			}
			this.unseenRows++;
			long[] count = this.unseen.get(key);
			if (count != null) {
				count[0]++;
			}
			else if (this.unseen.size() < ReferenceColumn.MAX_CATEGORIES) {
				this.unseen.put(key, new long[] { 1 });
			}
			else {
				this.unseenOverflow++;
			}
			if (this.unseenRows <= EXAMPLES) {
				this.unseenRowNumbers.add(row);
			}
		}
	}

	/**
	 * The failing rows of one abnormal-input check: their count, the first {@link #EXAMPLES}
	 * distinct values and the first row numbers.
	 */
	static final class Failures {

		long count;

		final List<String> examples = new ArrayList<>();

		final List<Long> rows = new ArrayList<>();

		void add(long row, byte[] bytes, int start, int end) {
			this.count++;
			if (this.rows.size() < EXAMPLES) {
				this.rows.add(row);
			}
			if (this.examples.size() < EXAMPLES) {
				String value = new String(bytes, start, end - start, StandardCharsets.UTF_8);
				if (!this.examples.contains(value)) {
					this.examples.add(value);
				}
			}
		}

		void add(long row, String value) {
			this.count++;
			if (this.rows.size() < EXAMPLES) {
				this.rows.add(row);
			}
			if (this.examples.isEmpty()) {
				this.examples.add(value);
			}
		}

	}

}
