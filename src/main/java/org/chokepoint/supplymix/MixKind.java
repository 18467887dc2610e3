package org.chokepoint.supplymix;

/**
 * Which facts a buyer's mix was made of (domain.md, "Precisely"), in the order they are
 * preferred among facts of the same year and source quality.
 */
public enum MixKind {

	/** {@code basis = supply} sourcing rows, used as they are. */
	SUPPLY_ROWS("supply shares as published"),

	/**
	 * The buyer's own output plus its imports from the trade flows, in comparable
	 * quantities.
	 */
	OUTPUT_AND_IMPORTS("own output and imports in tonnes of the item's basis"),

	/**
	 * Import shares scaled by the buyer's net import reliance; the buyer supplies the
	 * rest itself.
	 */
	IMPORTS_WITH_RELIANCE("import shares scaled by net import reliance"),

	/**
	 * A net exporter (reliance 0 or less) without comparable quantities: it supplies
	 * itself.
	 */
	NET_EXPORTER("net exporter (reliance 0 or less): supplies itself"),

	/**
	 * No reliance and no comparable output, but the trade flows show the buyer exporting
	 * more than it imports: its output is taken as at least its net exports (exports -
	 * imports, the least it must have made), so a large producer is not read as supplied
	 * by its imports alone.
	 */
	NET_EXPORTS_AS_OUTPUT("assumption: own output taken as net exports (exports - imports in the trade flows)"),

	/**
	 * Import shares taken as supply shares: neither reliance nor comparable output is
	 * known.
	 */
	IMPORTS_ONLY("assumption: import shares taken as supply shares (no reliance, no comparable output)"),

	/**
	 * The stage has trade flows, the buyer imports none but has output: it supplies
	 * itself.
	 */
	OWN_OUTPUT_ONLY("no imports in the trade flows of the year: supplies itself from its own output");

	private final String description;

	MixKind(String description) {
		this.description = description;
	}

	/** What a user reads about the mix. */
	public String description() {
		return this.description;
	}

}
