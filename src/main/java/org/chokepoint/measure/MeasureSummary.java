package org.chokepoint.measure;

import java.time.LocalDate;

/**
 * A measure in the list of measures.
 *
 * @param imposer the ISO3 code of the imposing country
 * @param type {@code EXPORT_BAN}, {@code EXPORT_LICENCE}, {@code TECHNOLOGY_BAN},
 * {@code TARIFF} or {@code QUOTA}
 * @param statusUnknownFrom the first day no source says what became of it (e.g. after a
 * suspension ran out with no word of an extension), or null
 * @param status on a list filtered by day: {@code IN_FORCE}, or {@code STATUS_UNKNOWN} on
 * or after {@code statusUnknownFrom} (then it is not known to be in force, nor known not
 * to be); null on the unfiltered list
 */
record MeasureSummary(String id, String name, String imposer, String type, LocalDate announced, LocalDate effective,
		LocalDate suspendedFrom, LocalDate suspendedUntil, LocalDate ended, LocalDate statusUnknownFrom,
		String status) {
}
