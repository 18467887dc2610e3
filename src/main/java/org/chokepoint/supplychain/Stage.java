package org.chokepoint.supplychain;

/** A stage of a supply chain, from the mine to the assembled product. */
public enum Stage {

	/** Mine production. */
	MINING,
	/** Refining or processing. */
	REFINING,
	/** Manufacturing of a component or an end product. */
	MANUFACTURING

}
