package org.chokepoint.measure;

import java.time.LocalDate;
import java.util.List;

import org.chokepoint.source.SourceRef;

/**
 * A trade measure. It is in force on day D when {@code effective} <= D, {@code ended} is
 * empty or after D, and D is not within {@code suspendedFrom}..{@code suspendedUntil}
 * (both inclusive).
 *
 * @param imposer the imposing country
 * @param type {@code EXPORT_BAN}, {@code EXPORT_LICENCE}, {@code TECHNOLOGY_BAN},
 * {@code TARIFF} or {@code QUOTA}
 * @param statusUnknownFrom the first day no source says what became of it (from then on
 * its status is unknown, not back in force), or null
 * @param rate a tariff's rate as a fraction (0.25 = 25 %), else null
 * @param year the year the facts about it are for
 * @param restricts the minerals and products it restricts
 * @param targets the countries and blocs it applies to; empty means all destinations
 * @param allDestinations true when it has no targets: it applies to every destination
 */
record MeasureDetails(String id, String name, Party imposer, String type, LocalDate announced, LocalDate effective,
		LocalDate suspendedFrom, LocalDate suspendedUntil, LocalDate ended, LocalDate statusUnknownFrom, Double rate,
		long year, SourceRef source, String note, List<Item> restricts, List<Party> targets, boolean allDestinations) {

	/**
	 * A country or bloc.
	 *
	 * @param code the country's ISO3 code or the bloc's code
	 * @param type {@code COUNTRY} or {@code BLOC}
	 */
	record Party(String code, String name, String type) {
	}

	/**
	 * A mineral or product.
	 *
	 * @param type {@code MINERAL} or {@code PRODUCT}
	 */
	record Item(String id, String name, String type) {
	}

}
