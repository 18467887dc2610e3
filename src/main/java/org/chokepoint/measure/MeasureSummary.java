package org.chokepoint.measure;

import java.time.LocalDate;

/**
 * A measure in the list of measures.
 *
 * @param imposer the ISO3 code of the imposing country
 * @param type {@code EXPORT_BAN}, {@code EXPORT_LICENCE}, {@code TECHNOLOGY_BAN}, {@code TARIFF} or {@code QUOTA}
 */
record MeasureSummary(String id, String name, String imposer, String type, LocalDate announced, LocalDate effective,
		LocalDate suspendedFrom, LocalDate suspendedUntil, LocalDate ended) {
}
