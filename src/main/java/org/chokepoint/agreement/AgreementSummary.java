package org.chokepoint.agreement;

import java.time.LocalDate;

/**
 * An agreement in the list of agreements.
 *
 * @param type {@code PARTNERSHIP}, {@code AGREEMENT}, {@code ALLIANCE}, {@code TRUCE},
 * ...
 * @param criticalMinerals whether it covers critical minerals in general (besides the
 * items it names)
 */
record AgreementSummary(String id, String name, String type, LocalDate signed, LocalDate inForce, LocalDate ended,
		boolean criticalMinerals) {
}
