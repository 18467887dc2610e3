package org.chokepoint.production;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads the production and sourcing facts of a mineral or a product. */
@Service
public class ProductionFacts {

	private static final String PRODUCERS = """
			MATCH (c:Country)-[f:MINES|REFINES|MANUFACTURES]->(:Item {id: $id})
			WITH c, f,
			     CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage
			ORDER BY f.share IS NULL, f.share DESC, c.name
			WITH stage, f.year AS year, f.source AS sourceId,
			     collect(c {.iso3, .name, quantity: f.quantity, unit: f.unit, share: f.share,
			                publishedAs: f.publishedAs, note: f.note}) AS countries,
			     coalesce(sum(f.share), 0.0) AS attributed,
			     max(f.worldTotal) AS worldTotal,
			     head(collect(f.unit)) AS unit
			MATCH (s:Source {id: sourceId})
			RETURN {stage: stage, year: year, source: s {.id, .title, .url, .quality}, worldTotal: worldTotal,
			        unit: unit, countries: countries,
			        unknownShare: CASE WHEN attributed >= 1.0 THEN 0.0 ELSE round(1.0 - attributed, 9) END} AS producers
			ORDER BY CASE stage WHEN 'MINING' THEN 0 WHEN 'REFINING' THEN 1 ELSE 2 END, year DESC, sourceId
			""";

	/**
	 * The stage, which every SOURCES relationship has, is asked for so that the index on
	 * (item, stage) finds the item's relationships: with the item alone the planner reads
	 * every SOURCES relationship (a million trade flows at the benchmark's M tier: over
	 * 10 s, against 0.2 s).
	 */
	private static final String SOURCING = """
			MATCH (buyer:Party)-[f:SOURCES]->(supplier:Party)
			WHERE f.item = $id AND f.stage IS NOT NULL
			MATCH (s:Source {id: f.source})
			RETURN {buyer: buyer.code, buyerName: buyer.name, supplier: supplier.code, supplierName: supplier.name,
			        stage: f.stage, year: f.year, share: f.share, quantity: f.quantity, unit: f.unit,
			        source: s {.id, .title, .url, .quality}, note: f.note} AS sourcing
			ORDER BY buyer.code, f.stage, f.year DESC, f.source, f.share DESC, supplier.code
			""";

	/** One buyer's sourcing rows of an item: its own relationships, not the item's. */
	private static final String SOURCING_OF_BUYER = """
			MATCH (buyer:Party {code: $buyer})-[f:SOURCES]->(supplier:Party)
			WHERE f.item = $id
			MATCH (s:Source {id: f.source})
			RETURN {buyer: buyer.code, buyerName: buyer.name, supplier: supplier.code, supplierName: supplier.name,
			        stage: f.stage, year: f.year, share: f.share, quantity: f.quantity, unit: f.unit,
			        source: s {.id, .title, .url, .quality}, note: f.note} AS sourcing
			ORDER BY f.stage, f.year DESC, f.source, f.share DESC, supplier.code
			""";

	private final Neo4jClient client;

	ProductionFacts(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * The producers of an item by stage (chain order), year (newest first) and source.
	 */
	public List<ProducerGroup> producers(String itemId) {
		return List.copyOf(this.client.query(PRODUCERS)
			.bind(itemId)
			.to("id")
			.fetchAs(ProducerGroup.class)
			.mappedBy((types, row) -> row.get("producers").as(ProducerGroup.class))
			.all());
	}

	/**
	 * The known sourcing of an item, by buyer, stage, year (newest first) and source,
	 * largest share first.
	 * @param buyer a party's code to give that buyer's rows only, or null for every
	 * buyer's
	 */
	public List<SourcingFact> sourcing(String itemId, String buyer) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", itemId);
		parameters.put("buyer", buyer);
		return List.copyOf(this.client.query(buyer == null ? SOURCING : SOURCING_OF_BUYER)
			.bindAll(parameters)
			.fetchAs(SourcingFact.class)
			.mappedBy((types, row) -> row.get("sourcing").as(SourcingFact.class))
			.all());
	}

}
