package io.rime.emulator.internal.checks;

/**
 * What a pass counts per row: the rows, the histogram of null features per row, and the
 * duplicate rows among the first {@link #MAX_DUPLICATE_ROWS} (by a 64-bit hash of all columns).
 */
final class RowCounts {

	static final int MAX_DUPLICATE_ROWS = 1 << 20;

	final long[] nullsPerRow;

	private final LongHashSet hashes = new LongHashSet(MAX_DUPLICATE_ROWS);

	long rows;

	long duplicates;

	long rowsCheckedForDuplicates;

	RowCounts(int features) {
		this.nullsPerRow = new long[features + 1];
	}

	void add(int nullFeatures, long rowHash) {
		this.rows++;
		this.nullsPerRow[nullFeatures]++;
		if (!this.hashes.overflowed()) {
			if (this.hashes.add(rowHash)) {
				this.rowsCheckedForDuplicates++;
			}
			else if (!this.hashes.overflowed()) {
				this.rowsCheckedForDuplicates++;
				this.duplicates++;
			}
		}
	}

}
