package org.chokepoint.production;

import org.chokepoint.source.SourceRef;

/**
 * A buyer's known sourcing of an item at a stage: the share of its supply from one
 * supplier (itself for its own output).
 *
 * @param buyer the code of the buying country or bloc
 * @param supplier the code of the supplying country or bloc
 * @param share the supplier's share of the buyer's supply, 0..1
 * @param quantity the quantity behind the share, in {@code unit}, where known
 */
public record SourcingFact(String buyer, String buyerName, String supplier, String supplierName, String stage,
		long year, double share, Double quantity, String unit, SourceRef source, String note) {
}
