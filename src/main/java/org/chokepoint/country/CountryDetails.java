package org.chokepoint.country;

import java.time.LocalDate;
import java.util.List;

import org.chokepoint.source.SourceRef;

/**
 * A country with its blocs, agreements and production.
 *
 * @param blocs the blocs it is a member of
 * @param agreements the agreements it is party to, directly or through a bloc
 * @param production its mining, refining and manufacturing facts, by item, stage and year
 * (newest first)
 */
record CountryDetails(String iso3, String name, List<Membership> blocs, List<Participation> agreements,
		List<ProductionFact> production) {

	/** Membership of a bloc, since a date where known. */
	record Membership(String code, String name, LocalDate since) {
	}

	/**
	 * Being party to an agreement.
	 *
	 * @param role e.g. {@code partner}, {@code signatory}
	 * @param since the date the party joined
	 * @param via the bloc through which the country is party, or null when it is party
	 * itself
	 */
	record Participation(String id, String name, String type, String role, LocalDate since, String via) {
	}

	/**
	 * One fact of the country's output.
	 *
	 * @param item the mineral's or product's id
	 * @param itemName its name
	 * @param stage {@code MINING}, {@code REFINING} or {@code MANUFACTURING}
	 * @param share its share of world output by that source, 0..1 (derived from
	 * quantities where the source gives them)
	 * @param worldTotal the denominator of the derived share
	 * @param publishedAs the value as published when it is not a number
	 */
	record ProductionFact(String item, String itemName, String stage, long year, Double quantity, String unit,
			Double share, Double worldTotal, String publishedAs, SourceRef source, String note) {
	}

}
