package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an analysis reads besides the chain facts, held with them in the
 * {@link ChainProjection} of a data version, so that an uncached analysis asks the
 * database nothing: the keys that exist, every party's stockpiles, and every party's
 * agreements with the dates that put them in force. {@link #stockpileDaysOfCover} gives
 * what {@code cypher/queries/stockpile.cypher} gives, {@link #alliances} what
 * {@code cypher/queries/allies.cypher} gives (ChainProjectionIT holds them equal on the
 * shipped data for every party, and at every date an agreement starts or ends).
 *
 * @param products the product ids
 * @param parties the country and bloc codes
 * @param minerals the mineral ids
 * @param stockpiles per party, its stockpile figures (those with days of cover)
 * @param agreements per party, the agreements it is on a side of (itself or through a
 * bloc it belongs to), of the types that make allies, whatever their dates
 */
record ReferenceFacts(Set<String> products, Set<String> parties, Set<String> minerals,
		Map<String, List<Stockpile>> stockpiles, Map<String, List<AgreementTerm>> agreements) {

	ReferenceFacts {
		products = Set.copyOf(products);
		parties = Set.copyOf(parties);
		minerals = Set.copyOf(minerals);
		stockpiles = Map.copyOf(stockpiles);
		agreements = Map.copyOf(agreements);
	}

	/**
	 * stockpile.cypher's order among one mineral's figures: the newest year first, then
	 * by source (no source last).
	 */
	private static final Comparator<Stockpile> NEWEST_FIRST = Comparator.comparingLong(Stockpile::year)
		.reversed()
		.thenComparing(Stockpile::source, Comparator.nullsLast(Comparator.naturalOrder()));

	/**
	 * A stockpile figure.
	 *
	 * @param mineral the mineral id
	 * @param year the year of the figure
	 * @param daysOfCover days of supply it covers
	 * @param source the source id
	 */
	record Stockpile(String mineral, long year, double daysOfCover, String source) {
	}

	/**
	 * An agreement on a party's side, with what puts it in force.
	 *
	 * @param id the agreement id
	 * @param criticalMinerals whether it covers critical minerals in general
	 * @param items what it covers
	 * @param partners its other parties and their member countries, the party left out
	 * @param start the date it is in force from: its entry into force, else its
	 * signature, else 1900-01-01 (allies.cypher's rule)
	 * @param ended the date it ended, null if it has not
	 */
	record AgreementTerm(String id, boolean criticalMinerals, Set<String> items, Set<String> partners, LocalDate start,
			LocalDate ended) {

		/** In force on {@code asOf}: started on or before it, not ended by it. */
		boolean inForce(LocalDate asOf) {
			return !this.start.isAfter(asOf) && (this.ended == null || this.ended.isAfter(asOf));
		}

	}

	/**
	 * The consumer's stockpiles: per mineral, the days of cover of its newest figure in
	 * or before {@code year} (stockpile.cypher).
	 */
	Map<String, Double> stockpileDaysOfCover(String consumer, int year) {
		Map<String, Stockpile> newest = new HashMap<>();
		for (Stockpile figure : this.stockpiles.getOrDefault(consumer, List.of())) {
			if (figure.year() <= year) {
				newest.merge(figure.mineral(), figure,
						(kept, other) -> NEWEST_FIRST.compare(other, kept) < 0 ? other : kept);
			}
		}
		Map<String, Double> days = new HashMap<>();
		newest.forEach((mineral, figure) -> days.put(mineral, figure.daysOfCover()));
		return Map.copyOf(days);
	}

	/**
	 * The consumer's agreements in force on {@code asOf}, by id (allies.cypher).
	 * @param minerals the mineral ids (an agreement on critical minerals in general
	 * covers them)
	 */
	Alliances.Of alliances(String consumer, LocalDate asOf, Set<String> minerals) {
		List<Alliances.Agreement> inForce = new ArrayList<>();
		for (AgreementTerm term : this.agreements.getOrDefault(consumer, List.of())) {
			if (term.inForce(asOf)) {
				inForce.add(new Alliances.Agreement(term.id(), term.criticalMinerals(), term.items(), term.partners()));
			}
		}
		inForce.sort(Comparator.comparing(Alliances.Agreement::id));
		return new Alliances.Of(consumer, List.copyOf(inForce), minerals);
	}

	/** Its size on the heap, estimated as {@link ChainProjection#bytes()} does. */
	long bytes() {
		long bytes = 0;
		for (Set<String> keys : List.of(this.products, this.parties, this.minerals)) {
			for (String key : keys) {
				bytes += 40 + 2L * key.length();
			}
		}
		for (List<Stockpile> figures : this.stockpiles.values()) {
			bytes += 64 + 48L * figures.size();
		}
		for (List<AgreementTerm> terms : this.agreements.values()) {
			for (AgreementTerm term : terms) {
				bytes += 96 + 16L * (term.items().size() + term.partners().size());
			}
		}
		return bytes;
	}

}
