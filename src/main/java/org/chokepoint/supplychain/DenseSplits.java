package org.chokepoint.supplychain;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Split;

/**
 * The splits of one (item, stage) as party ids of one {@link PartyIndex}: what the
 * calculator's loops read, so a stage costs array reads instead of map look-ups by
 * country code. A projection makes them once per view from its own arrays (no copy);
 * other facts are compiled per chain ({@link #compile}).
 *
 * <p>
 * A supplier's id is a {@code char} (an unsigned 16-bit party id, two bytes a supplier
 * instead of four): a chain reads every holder's mix, so the mixes' bytes are most of
 * what a first computation of a chain reads from memory. An index has at most 65,536
 * parties.
 *
 * @param parties the index the ids are of
 * @param globalIds the global split's suppliers, in its order
 * @param globalShares their shares
 * @param globalOrder the global split's positions, largest share first, equal shares by
 * code: the order a report lists alternatives in ({@link #largestFirst}), made once per
 * split
 * @param rowOf per party id, the row of its own split (the first of the buyer's in the
 * stage's sourcing order), -1 where it has none
 * @param buyers per row, the buyer's id
 * @param ids per row, the suppliers
 * @param shares per row, their shares
 * @param oneRowEach whether no buyer has more than one row (then {@code rowOf} names
 * every row of a buyer): derived from {@code rowOf} and {@code buyers}
 * @param inGlobal the parties the global split names, a bit per party id: derived from
 * {@code globalIds} (a report asks it of a stage's few listed suppliers)
 */
record DenseSplits(PartyIndex parties, char[] globalIds, double[] globalShares, int[] globalOrder, int[] rowOf,
		int[] buyers, char[][] ids, double[][] shares, boolean oneRowEach, long[] inGlobal) {

	DenseSplits(PartyIndex parties, char[] globalIds, double[] globalShares, int[] globalOrder, int[] rowOf,
			int[] buyers, char[][] ids, double[][] shares) {
		this(parties, globalIds, globalShares, globalOrder, rowOf, buyers, ids, shares, oneRowEach(rowOf, buyers),
				bits(parties.size(), globalIds));
	}

	/** Whether the global split names the party of id {@code party}. */
	boolean inGlobal(int party) {
		return party >= 0 && (party >> 6) < this.inGlobal.length && (this.inGlobal[party >> 6] & (1L << party)) != 0;
	}

	private static long[] bits(int parties, char[] ids) {
		long[] bits = new long[(parties + 63) >> 6];
		for (char id : ids) {
			bits[id >> 6] |= 1L << id;
		}
		return bits;
	}

	/**
	 * Whether each row of {@code buyers} is its buyer's first, as {@code rowOf} has it.
	 */
	private static boolean oneRowEach(int[] rowOf, int[] buyers) {
		for (int r = 0; r < buyers.length; r++) {
			if (rowOf[buyers[r]] != r) {
				return false;
			}
		}
		return true;
	}

	/** The row of {@code party}'s own split, -1 where it has none. */
	int row(int party) {
		return (party < this.rowOf.length) ? this.rowOf[party] : -1;
	}

	/** An index of no rows: the per-party table before any buyer is added. */
	static int[] noRows(int parties) {
		int[] rowOf = new int[parties];
		Arrays.fill(rowOf, -1);
		return rowOf;
	}

	/**
	 * The positions of a split of {@code shares} (of the suppliers {@code code} names),
	 * largest share first, equal shares by code.
	 */
	static int[] largestFirst(double[] shares, IntFunction<String> code) {
		Integer[] positions = new Integer[shares.length];
		for (int i = 0; i < positions.length; i++) {
			positions[i] = i;
		}
		Arrays.sort(positions, (a, b) -> {
			int byShare = Double.compare(shares[b], shares[a]);
			return (byShare != 0) ? byShare : code.apply(a).compareTo(code.apply(b));
		});
		int[] order = new int[positions.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = positions[i];
		}
		return order;
	}

	/**
	 * The splits of {@code global} and {@code sourcing} in {@code parties}' ids; every
	 * code must have one.
	 */
	static DenseSplits compile(PartyIndex parties, List<Split> global, List<BuyerSplit> sourcing) {
		char[] globalIds = new char[global.size()];
		double[] globalShares = new double[global.size()];
		for (int i = 0; i < globalIds.length; i++) {
			globalIds[i] = party(parties, global.get(i).country());
			globalShares[i] = global.get(i).share();
		}
		int[] rowOf = noRows(parties.size());
		int[] buyers = new int[sourcing.size()];
		char[][] ids = new char[sourcing.size()][];
		double[][] shares = new double[sourcing.size()][];
		for (int r = 0; r < buyers.length; r++) {
			BuyerSplit own = sourcing.get(r);
			buyers[r] = parties.id(own.buyer());
			if (rowOf[buyers[r]] < 0) {
				rowOf[buyers[r]] = r;
			}
			List<Split> split = own.split();
			ids[r] = new char[split.size()];
			shares[r] = new double[split.size()];
			for (int i = 0; i < ids[r].length; i++) {
				ids[r][i] = party(parties, split.get(i).country());
				shares[r][i] = split.get(i).share();
			}
		}
		return new DenseSplits(parties, globalIds, globalShares,
				largestFirst(globalShares, i -> global.get(i).country()), rowOf, buyers, ids, shares);
	}

	/** {@code code}'s id in {@code parties} as a supplier's id. */
	private static char party(PartyIndex parties, String code) {
		int id = parties.id(code);
		if (id < 0 || id > Character.MAX_VALUE) {
			throw new IllegalArgumentException("No supplier id for " + code + " in an index of " + parties.size()
					+ " parties (at most " + (Character.MAX_VALUE + 1) + ")");
		}
		return (char) id;
	}

}
