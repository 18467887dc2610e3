package org.chokepoint.importer;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * An open-addressing map from long keys (never {@link Long#MIN_VALUE}) to double sums: about 16
 * bytes per entry where a {@code HashMap<Long, Double>} takes about 80, which decides whether
 * millions of trade flows fit in memory.
 */
final class LongDoubleMap {

	private static final long EMPTY = Long.MIN_VALUE;

	private long[] keys = new long[1 << 16];

	private double[] values = new double[1 << 16];

	private int size;

	LongDoubleMap() {
		Arrays.fill(this.keys, EMPTY);
	}

	/** Adds {@code value} to the key's sum (0 when absent). */
	void add(long key, double value) {
		if (this.size * 2 >= this.keys.length) {
			grow();
		}
		int slot = slot(key, this.keys);
		if (this.keys[slot] == EMPTY) {
			this.keys[slot] = key;
			this.size++;
		}
		this.values[slot] += value;
	}

	int size() {
		return this.size;
	}

	interface Visitor {

		void accept(long key, double value);

	}

	void forEach(Visitor visitor) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i] != EMPTY) {
				visitor.accept(this.keys[i], this.values[i]);
			}
		}
	}

	/** In key order (for trade flows: exporter, then importer, item, year), so writes touch one node at a time. */
	void forEachSorted(Visitor visitor) {
		forEachSorted(LongUnaryOperator.identity(), LongUnaryOperator.identity(), visitor);
	}

	/**
	 * In the order of {@code order(key)} (as signed longs), a one-to-one mapping of the keys whose
	 * {@code inverse} gives the key back: the same entries sorted another way, without boxing.
	 */
	void forEachSorted(LongUnaryOperator order, LongUnaryOperator inverse, Visitor visitor) {
		long[] sorted = new long[this.size];
		int n = 0;
		for (long key : this.keys) {
			if (key != EMPTY) {
				sorted[n++] = order.applyAsLong(key);
			}
		}
		Arrays.sort(sorted);
		for (long position : sorted) {
			long key = inverse.applyAsLong(position);
			visitor.accept(key, this.values[slot(key, this.keys)]);
		}
	}

	private static int slot(long key, long[] keys) {
		int mask = keys.length - 1;
		int slot = (int) (mix(key) & mask);
		while (keys[slot] != EMPTY && keys[slot] != key) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

	private static long mix(long key) {
		long h = key * 0x9E3779B97F4A7C15L;
		return h ^ (h >>> 32);
	}

	private void grow() {
		long[] oldKeys = this.keys;
		double[] oldValues = this.values;
		this.keys = new long[oldKeys.length * 2];
		this.values = new double[oldKeys.length * 2];
		Arrays.fill(this.keys, EMPTY);
		for (int i = 0; i < oldKeys.length; i++) {
			if (oldKeys[i] != EMPTY) {
				int slot = slot(oldKeys[i], this.keys);
				this.keys[slot] = oldKeys[i];
				this.values[slot] = oldValues[i];
			}
		}
	}

}
