package io.rime.emulator.internal.checks;

/**
 * A set of 64-bit hashes in one primitive array (open addressing) that grows up to a capacity and
 * then accepts no more: the bounded state behind duplicate rows.
 */
final class LongHashSet {

	private static final long EMPTY = 0;

	private final int capacity;

	private long[] table = new long[1024];

	private int size;

	private boolean containsZero;

	private boolean full;

	LongHashSet(int capacity) {
		this.capacity = capacity;
	}

	/**
	 * Adds a hash.
	 * @param value the hash
	 * @return true when it was not there before; false when it was, or when the set is full
	 */
	boolean add(long value) {
		if (value == EMPTY) {
			if (this.containsZero || atCapacity()) {
				return false;
			}
			this.containsZero = true;
			this.size++;
			return true;
		}
		int mask = this.table.length - 1;
		int slot = (int) Cells.mix(value) & mask;
		while (true) {
			long current = this.table[slot];
			if (current == value) {
				return false;
			}
			if (current == EMPTY) {
				if (atCapacity()) {
					return false;
				}
				this.table[slot] = value;
				if (++this.size * 2 > this.table.length) {
					grow();
				}
				return true;
			}
			slot = (slot + 1) & mask;
		}
	}

	private void grow() {
		long[] old = this.table;
		this.table = new long[old.length * 2];
		int mask = this.table.length - 1;
		for (long value : old) {
			if (value != EMPTY) {
				int slot = (int) Cells.mix(value) & mask;
				while (this.table[slot] != EMPTY) {
					slot = (slot + 1) & mask;
				}
				this.table[slot] = value;
			}
		}
	}

	private boolean atCapacity() {
		if (this.size == this.capacity) {
			this.full = true;
			return true;
		}
		return false;
	}

	/** Whether a new value was turned away because the set was at its capacity. */
	boolean overflowed() {
		return this.full;
	}

}
