package org.chokepoint.importer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The parties and items of an import, created before its switch as staged nodes that no
 * query sees ({@code :Staged} and {@code :StagedCountry}, {@code :StagedBloc},
 * {@code :StagedMineral} or {@code :StagedProduct}, their key only), in one small
 * committed transaction, so the trade flows ({@link TradeFlowStager}) and the supply
 * mixes ({@link SupplyMixWriter#stage}) can be written between them in committed batches.
 * The switch adopts them ({@link GraphWriter#ADOPT_STAGED}) and sets their other
 * properties; a failed or killed import leaves them to the clean-up
 * ({@link GraphWriter#cleanUp}).
 */
final class StagedNodes {

	private static final String CREATE = """
			UNWIND $countries AS code
			CREATE (n:Staged:StagedCountry {iso3: code, code: code})
			RETURN 'party' AS kind, code AS key, elementId(n) AS id
			UNION ALL
			UNWIND $blocs AS code
			CREATE (n:Staged:StagedBloc {code: code})
			RETURN 'party' AS kind, code AS key, elementId(n) AS id
			UNION ALL
			UNWIND $minerals AS id
			CREATE (n:Staged:StagedMineral {id: id})
			RETURN 'item' AS kind, id AS key, elementId(n) AS id
			UNION ALL
			UNWIND $products AS id
			CREATE (n:Staged:StagedProduct {id: id})
			RETURN 'item' AS kind, id AS key, elementId(n) AS id
			""";

	private final Map<String, String> parties;

	private final Map<String, String> items;

	private StagedNodes(Map<String, String> parties, Map<String, String> items) {
		this.parties = parties;
		this.items = items;
	}

	/** Creates the staged nodes of the import's parties and items. */
	static StagedNodes create(Driver driver, ImportData data) {
		Set<String> countries = new LinkedHashSet<>(keys(data, ImportFile.COUNTRIES, "iso3"));
		countries.addAll(data.tradeFlows().parties());
		Map<String, Object> parameters = Map.of("countries", List.copyOf(countries), "blocs",
				keys(data, ImportFile.BLOCS, "code"), "minerals", keys(data, ImportFile.MINERALS, "id"), "products",
				keys(data, ImportFile.PRODUCTS, "id"));
		Map<String, String> parties = new HashMap<>();
		Map<String, String> items = new HashMap<>();
		try (Session session = driver.session()) {
			session.executeWrite(tx -> tx.run(CREATE, parameters).list()).forEach(r -> {
				Map<String, String> target = "party".equals(r.get("kind").asString()) ? parties : items;
				target.put(r.get("key").asString(), r.get("id").asString());
			});
		}
		return new StagedNodes(parties, items);
	}

	private static List<String> keys(ImportData data, ImportFile file, String column) {
		return data.of(file).stream().map(row -> (String) row.get(column)).distinct().toList();
	}

	/** The element id of the staged party (country or bloc) with this code, or null. */
	String party(String code) {
		return this.parties.get(code);
	}

	/** The element id of the staged item (mineral or product) with this id, or null. */
	String item(String id) {
		return this.items.get(id);
	}

}
