package org.chokepoint.agreement;

import java.time.LocalDate;
import java.util.List;

import org.chokepoint.source.SourceRef;

/**
 * An agreement with its parties and what it covers.
 *
 * @param criticalMinerals whether it covers critical minerals in general (besides
 * {@code covers})
 * @param year the year the facts about it are for
 * @param parties its countries and blocs
 * @param covers the minerals and products it names
 */
record AgreementDetails(String id, String name, String type, LocalDate signed, LocalDate inForce, LocalDate ended,
		boolean criticalMinerals, long year, SourceRef source, String note, List<Party> parties, List<Item> covers) {

	/**
	 * A party to the agreement.
	 *
	 * @param code the country's ISO3 code or the bloc's code
	 * @param type {@code COUNTRY} or {@code BLOC}
	 * @param role e.g. {@code partner}, {@code signatory}, {@code host}
	 * @param since the date it joined
	 */
	record Party(String code, String name, String type, String role, LocalDate since) {
	}

	/**
	 * A mineral or product the agreement covers.
	 *
	 * @param type {@code MINERAL} or {@code PRODUCT}
	 */
	record Item(String id, String name, String type) {
	}

}
