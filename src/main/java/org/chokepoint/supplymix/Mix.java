package org.chokepoint.supplymix;

import java.util.List;

/**
 * A buyer's supply of an item at a stage, as of a year: its suppliers and their shares of
 * one unit of its supply. The shares add up to at most 1; the rest is the unknown
 * supplier.
 *
 * @param buyer the buyer (country or bloc code)
 * @param sourcing direct partners or traced origins
 * @param asOf the year the mix holds from (the facts chosen are the newest up to it)
 * @param dataYear the year of the facts the mix is made of (the trade flows', the rows')
 * @param kind which facts it is made of, and the assumption made
 * @param sources the ids of the sources used, the main one first (the rows' or the trade
 * flows')
 * @param suppliers the suppliers, largest share first, then by code
 * @param shares their shares, in the same order
 */
public record Mix(String buyer, Sourcing sourcing, long asOf, long dataYear, MixKind kind, List<String> sources,
		List<String> suppliers, double[] shares) {

	public Mix {
		sources = List.copyOf(sources);
		suppliers = List.copyOf(suppliers);
		shares = shares.clone();
	}

	/** The share of {@code supplier}, 0 where it is not one. */
	public double shareOf(String supplier) {
		int at = this.suppliers.indexOf(supplier);
		return at < 0 ? 0.0 : this.shares[at];
	}

	/** The part of the supply from no known supplier. */
	public double unknown() {
		double sum = 0.0;
		for (double share : this.shares) {
			sum += share;
		}
		return Math.max(0.0, 1.0 - sum);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Mix m && this.buyer.equals(m.buyer) && this.sourcing == m.sourcing
				&& this.asOf == m.asOf && this.dataYear == m.dataYear && this.kind == m.kind
				&& this.sources.equals(m.sources) && this.suppliers.equals(m.suppliers)
				&& java.util.Arrays.equals(this.shares, m.shares);
	}

	@Override
	public int hashCode() {
		return java.util.Objects.hash(this.buyer, this.sourcing, this.asOf, this.suppliers)
				+ java.util.Arrays.hashCode(this.shares);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.buyer + " " + this.sourcing.word() + " as of " + this.asOf + " ("
				+ this.dataYear + ", " + this.kind + "):");
		for (int i = 0; i < this.shares.length; i++) {
			text.append(' ').append(this.suppliers.get(i)).append('=').append(this.shares[i]);
		}
		return text.toString();
	}

}
