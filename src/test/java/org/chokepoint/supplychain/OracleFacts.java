package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of an import folder as plain rows, for the independent implementation of
 * domain.md ({@link MixOracle}, {@link ChainOracle}): the generator
 * ({@link ChainDataGenerator}) builds them and writes them as CSV, the oracle reads them
 * here, so the oracle never goes through the importer or the graph it checks.
 * Hand-computed cases ({@code ChainOracleTests}) build small ones directly.
 */
final class OracleFacts {

	/** A publication and its quality rank: official 0, secondary 1, estimate 2. */
	record Source(String id, String quality) {

		int rank() {
			return switch (this.quality) {
				case "official" -> 0;
				case "secondary" -> 1;
				default -> 2;
			};
		}

	}

	/**
	 * A production.csv row: quantity + unit, or a published share, or neither (published
	 * as text).
	 */
	record Production(String country, String item, String stage, int year, Double quantity, String unit, Double share,
			String publishedAs, String source) {
	}

	/** A world_totals.csv row. */
	record WorldTotal(String item, String stage, int year, double quantity, String unit, String source) {
	}

	/** A sourcing.csv row; basis {@code supply} or {@code imports}. */
	record Sourcing(String buyer, String supplier, String item, String stage, int year, double share, String basis,
			String source) {
	}

	/** A trade_flows.csv row naming the item directly, in tonnes of the item's basis. */
	record Flow(int year, String exporter, String importer, String item, String stage, double tonnes, String source) {
	}

	/** An import_reliance.csv row with a numeric share. */
	record Reliance(String party, String mineral, int year, double share, String source) {
	}

	final Map<String, Source> sources = new LinkedHashMap<>();

	final Map<String, String> countries = new LinkedHashMap<>();

	/** Per bloc, its members. */
	final Map<String, Set<String>> blocs = new LinkedHashMap<>();

	final Set<String> minerals = new LinkedHashSet<>();

	/** Per product, its kind (COMPONENT, END_PRODUCT). */
	final Map<String, String> products = new LinkedHashMap<>();

	/** Per product, its inputs in bom.csv order. */
	final Map<String, List<String>> bom = new LinkedHashMap<>();

	final List<Production> production = new ArrayList<>();

	final List<WorldTotal> worldTotals = new ArrayList<>();

	final List<Sourcing> sourcing = new ArrayList<>();

	final List<Flow> flows = new ArrayList<>();

	final List<Reliance> reliance = new ArrayList<>();

	OracleFacts source(String id, String quality) {
		this.sources.put(id, new Source(id, quality));
		return this;
	}

	OracleFacts country(String iso3, String name) {
		this.countries.put(iso3, name);
		return this;
	}

	OracleFacts bloc(String code, String... members) {
		this.blocs.put(code, new LinkedHashSet<>(List.of(members)));
		return this;
	}

	OracleFacts mineral(String id) {
		this.minerals.add(id);
		return this;
	}

	OracleFacts product(String id, String kind, String... inputs) {
		this.products.put(id, kind);
		this.bom.put(id, new ArrayList<>(List.of(inputs)));
		return this;
	}

	OracleFacts tonnes(String country, String item, String stage, int year, double quantity, String unit,
			String source) {
		this.production.add(new Production(country, item, stage, year, quantity, unit, null, null, source));
		return this;
	}

	OracleFacts withheld(String country, String item, String stage, int year, String source) {
		this.production.add(new Production(country, item, stage, year, null, null, null, "W", source));
		return this;
	}

	OracleFacts share(String country, String item, String stage, int year, double share, String source) {
		this.production.add(new Production(country, item, stage, year, null, null, share, null, source));
		return this;
	}

	OracleFacts worldTotal(String item, String stage, int year, double quantity, String unit, String source) {
		this.worldTotals.add(new WorldTotal(item, stage, year, quantity, unit, source));
		return this;
	}

	OracleFacts row(String buyer, String supplier, String item, String stage, int year, double share, String basis,
			String source) {
		this.sourcing.add(new Sourcing(buyer, supplier, item, stage, year, share, basis, source));
		return this;
	}

	OracleFacts flow(int year, String exporter, String importer, String item, String stage, double tonnes,
			String source) {
		this.flows.add(new Flow(year, exporter, importer, item, stage, tonnes, source));
		return this;
	}

	OracleFacts reliance(String party, String mineral, int year, double share, String source) {
		this.reliance.add(new Reliance(party, mineral, year, share, source));
		return this;
	}

	boolean isMineral(String item) {
		return this.minerals.contains(item);
	}

	int rank(String source) {
		return this.sources.get(source).rank();
	}

	/** Every party: countries, then blocs. */
	List<String> parties() {
		List<String> parties = new ArrayList<>(this.countries.keySet());
		parties.addAll(this.blocs.keySet());
		return parties;
	}

	/** The stages of an item, from the top of the chain down. */
	List<String> stagesOf(String item) {
		return isMineral(item) ? List.of("REFINING", "MINING") : List.of("MANUFACTURING");
	}

}
