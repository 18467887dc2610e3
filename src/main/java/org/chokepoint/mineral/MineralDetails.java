package org.chokepoint.mineral;

import java.util.List;

import org.chokepoint.production.ProducerGroup;
import org.chokepoint.production.SourcingFact;
import org.chokepoint.source.SourceRef;

/**
 * A mineral with everything the graph knows about its supply.
 *
 * @param producers who mines and refines it: one group per stage, year and source
 * @param reserves countries' reserves
 * @param importReliance net import reliance of countries and blocs, as a share of
 * apparent consumption
 * @param stockpiles strategic stockpiles of countries and blocs
 * @param sourcing buyers' known sourcing of it
 */
record MineralDetails(String id, String name, String basis, String note, List<ProducerGroup> producers,
		List<Reserve> reserves, List<ImportReliance> importReliance, List<Stockpile> stockpiles,
		List<SourcingFact> sourcing) {

	MineralDetails withSupply(List<ProducerGroup> producers, List<SourcingFact> sourcing) {
		return new MineralDetails(this.id, this.name, this.basis, this.note, producers, this.reserves,
				this.importReliance, this.stockpiles, sourcing);
	}

	/**
	 * A country's reserves of the mineral; {@code publishedAs} where the source gives no
	 * number.
	 */
	record Reserve(String iso3, String name, long year, Double quantity, String unit, String publishedAs,
			SourceRef source, String note) {
	}

	/**
	 * A country's or bloc's net import reliance: imports minus exports over apparent
	 * consumption.
	 *
	 * @param party the country's ISO3 code or the bloc's code
	 * @param share 0..1; null with {@code publishedAs} such as {@code E} (net exporter)
	 */
	record ImportReliance(String party, String name, long year, Double share, String publishedAs, SourceRef source,
			String note) {
	}

	/**
	 * A strategic stockpile held by a country or bloc.
	 *
	 * @param party the holder's code
	 * @param daysOfCover how many days of the holder's consumption the stockpile covers
	 * @param valueUsd its value in US dollars
	 */
	record Stockpile(String party, String name, long year, Double quantity, String unit, Double daysOfCover,
			Double valueUsd, String publishedAs, SourceRef source, String note) {
	}

}
