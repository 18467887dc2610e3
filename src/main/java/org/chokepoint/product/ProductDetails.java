package org.chokepoint.product;

import java.util.List;

import org.chokepoint.production.ProducerGroup;
import org.chokepoint.production.SourcingFact;
import org.chokepoint.source.SourceRef;

/**
 * A product with its bill of materials and supply.
 *
 * @param kind {@code COMPONENT} or {@code END_PRODUCT}
 * @param inputs its bill of materials: what one unit of it requires
 * @param requiredBy the products whose bills of materials name it
 * @param producers who manufactures it: one group per year and source
 * @param sourcing buyers' known sourcing of it
 */
record ProductDetails(String id, String name, String kind, String note, List<BomLine> inputs, List<BomLine> requiredBy,
		List<ProducerGroup> producers, List<SourcingFact> sourcing) {

	ProductDetails withSupply(List<ProducerGroup> producers, List<SourcingFact> sourcing) {
		return new ProductDetails(this.id, this.name, this.kind, this.note, this.inputs, this.requiredBy, producers,
				sourcing);
	}

	/**
	 * One line of a bill of materials, seen from either end: in {@code inputs} the item
	 * is the input, in {@code requiredBy} it is the product that requires this one.
	 *
	 * @param id the other item's id
	 * @param name its name
	 * @param type {@code MINERAL} or {@code PRODUCT}
	 * @param quantity how much of the input one unit of the product requires, in
	 * {@code unit}
	 * @param unit e.g. {@code kg per turbine}
	 * @param year the year the figure is for
	 */
	record BomLine(String id, String name, String type, Double quantity, String unit, long year, SourceRef source,
			String note) {
	}

}
