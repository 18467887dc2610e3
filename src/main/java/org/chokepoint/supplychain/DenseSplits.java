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
 */
record DenseSplits(PartyIndex parties, int[] globalIds, double[] globalShares, int[] globalOrder, int[] rowOf,
		int[] buyers, int[][] ids, double[][] shares) {

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
		int[] globalIds = new int[global.size()];
		double[] globalShares = new double[global.size()];
		for (int i = 0; i < globalIds.length; i++) {
			globalIds[i] = parties.id(global.get(i).country());
			globalShares[i] = global.get(i).share();
		}
		int[] rowOf = noRows(parties.size());
		int[] buyers = new int[sourcing.size()];
		int[][] ids = new int[sourcing.size()][];
		double[][] shares = new double[sourcing.size()][];
		for (int r = 0; r < buyers.length; r++) {
			BuyerSplit own = sourcing.get(r);
			buyers[r] = parties.id(own.buyer());
			if (rowOf[buyers[r]] < 0) {
				rowOf[buyers[r]] = r;
			}
			List<Split> split = own.split();
			ids[r] = new int[split.size()];
			shares[r] = new double[split.size()];
			for (int i = 0; i < ids[r].length; i++) {
				ids[r][i] = parties.id(split.get(i).country());
				shares[r][i] = split.get(i).share();
			}
		}
		return new DenseSplits(parties, globalIds, globalShares,
				largestFirst(globalShares, i -> global.get(i).country()), rowOf, buyers, ids, shares);
	}

}
