package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chokepoint.supplymix.Basis;
import org.chokepoint.supplymix.MixFacts;
import org.chokepoint.supplymix.MixFacts.Flow;
import org.chokepoint.supplymix.MixFacts.Output;
import org.chokepoint.supplymix.MixFacts.Reliance;
import org.chokepoint.supplymix.MixFacts.Row;
import org.chokepoint.supplymix.Tonnes;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Value;

/**
 * Reads back from the graph the facts that some (item, stage)s' supply mixes are made of,
 * exactly as {@link SupplyMixWriter#facts(ImportData)} gathers them from an import's
 * rows: the producers' output, the buyers' sourcing rows, the trade flows (SOURCES marked
 * {@code tradeFlow}, their quantities already converted by their HS code's factor), the
 * minerals' import reliance, the sources' quality and the blocs' members. What an
 * incremental trade import re-derives the mixes of the stages it touched from.
 */
final class MixFactsReader {

	private static final Map<String, String> PRODUCTION = Map.of("MINING", "MINES", "REFINING", "REFINES",
			"MANUFACTURING", "MANUFACTURES");

	private MixFactsReader() {
	}

	/**
	 * The facts of each (item, stage), inside {@code tx} (so they include what it wrote).
	 * @param itemStages each [item, stage]
	 * @param flowsFrom the first year of trade flows needed: the mixes wanted hold from a
	 * year whose newest flows are no older (all flows: {@code Long.MIN_VALUE})
	 */
	static List<MixFacts> read(SimpleQueryRunner tx, Collection<List<String>> itemStages, long flowsFrom) {
		return read(tx, itemStages, flowsFrom, null);
	}

	/**
	 * The facts of each (item, stage) in the graph, and the trade flows {@code added}
	 * (not yet written) as if they were: their quantities converted as the graph holds
	 * them. What an added trade year's mixes are derived from, read before its flows are
	 * written: one read of each stage's facts, which also tells whether sourcing rows
	 * already give one of the added groups.
	 * @param added flows to add to the facts, or null
	 */
	static List<MixFacts> read(SimpleQueryRunner tx, Collection<List<String>> itemStages, long flowsFrom,
			TradeFlows added) {
		Map<String, Integer> rank = new HashMap<>();
		tx.run("MATCH (s:Source) RETURN s.id AS id, s.quality AS quality")
			.forEachRemaining(r -> rank.put(r.get("id").asString(), SupplyMixWriter.rank(nullable(r.get("quality")))));
		Map<List<String>, List<Flow>> addedFlows = (added != null) ? SupplyMixWriter.flows(added, rank) : Map.of();
		Map<String, Set<String>> members = new LinkedHashMap<>();
		tx.run("MATCH (c:Country)-[:MEMBER_OF]->(b:Bloc) RETURN b.code AS bloc, c.iso3 AS country")
			.forEachRemaining(r -> members.computeIfAbsent(r.get("bloc").asString(), k -> new TreeSet<>())
				.add(r.get("country").asString()));
		Set<String> items = new HashSet<>();
		itemStages.forEach(is -> items.add(is.get(0)));
		Set<String> minerals = new HashSet<>(
				tx.run("MATCH (m:Mineral) WHERE m.id IN $items RETURN m.id AS id", Map.of("items", List.copyOf(items)))
					.list(r -> r.get("id").asString()));
		Map<String, List<Reliance>> reliance = new HashMap<>();
		tx.run("""
				MATCH (p:Party)-[f:IMPORT_RELIANCE]->(m:Mineral)
				WHERE m.id IN $items AND f.share IS NOT NULL
				RETURN m.id AS mineral, p.code AS party, f.year AS year, f.source AS source, f.share AS share
				""", Map.of("items", List.copyOf(items))).forEachRemaining(r -> {
			String source = r.get("source").asString();
			reliance.computeIfAbsent(r.get("mineral").asString(), k -> new ArrayList<>())
				.add(new Reliance(r.get("party").asString(), r.get("year").asLong(), source,
						rank.getOrDefault(source, 2), r.get("share").asDouble()));
		});
		List<MixFacts> facts = new ArrayList<>(itemStages.size());
		for (List<String> itemStage : itemStages) {
			String item = itemStage.get(0);
			String stage = itemStage.get(1);
			List<Output> outputs = new ArrayList<>();
			tx.run("""
					MATCH (c:Country)-[p:%s]->(i:Item {id: $item})
					RETURN c.iso3 AS party, p.year AS year, p.source AS source, p.quantity AS quantity, p.unit AS unit
					""".formatted(PRODUCTION.get(stage)), Map.of("item", item)).forEachRemaining(r -> {
				String source = r.get("source").asString();
				outputs.add(new Output(r.get("party").asString(), r.get("year").asLong(), source,
						rank.getOrDefault(source, 2), Tonnes.of(number(r.get("quantity")), nullable(r.get("unit")))));
			});
			List<Row> rows = new ArrayList<>();
			List<Flow> flows = new ArrayList<>();
			tx.run("""
					MATCH (buyer:Party)-[f:SOURCES]->(supplier:Party)
					WHERE f.item = $item AND f.stage = $stage
					  AND (f.tradeFlow IS NULL OR f.year >= $flowsFrom)
					RETURN buyer.code AS buyer, supplier.code AS supplier, f.year AS year, f.source AS source,
					       f.share AS share, f.basis AS basis, f.quantity AS quantity, f.unit AS unit,
					       f.tradeFlow IS NOT NULL AS flow
					""", Map.of("item", item, "stage", stage, "flowsFrom", flowsFrom)).forEachRemaining(r -> {
				String source = r.get("source").asString();
				int sourceRank = rank.getOrDefault(source, 2);
				if (r.get("flow").asBoolean()) {
					Double tonnes = Tonnes.of(number(r.get("quantity")), nullable(r.get("unit")));
					if (tonnes != null) {
						flows.add(new Flow(r.get("supplier").asString(), r.get("buyer").asString(),
								r.get("year").asLong(), source, sourceRank, tonnes));
					}
				}
				else {
					String basis = nullable(r.get("basis"));
					rows.add(row(r, source, sourceRank, basis == null ? Basis.SUPPLY : Basis.of(basis)));
				}
			});
			flows.addAll(addedFlows.getOrDefault(List.of(item, stage), List.of()));
			facts.add(new MixFacts(item, stage, minerals.contains(item), outputs, rows, flows,
					reliance.getOrDefault(item, List.of()), members));
		}
		return facts;
	}

	private static Row row(Record r, String source, int rank, Basis basis) {
		return new Row(r.get("buyer").asString(), r.get("supplier").asString(), r.get("year").asLong(), source, rank,
				basis, r.get("share").asDouble());
	}

	private static String nullable(Value value) {
		return value.isNull() ? null : value.asString();
	}

	private static Double number(Value value) {
		return value.isNull() ? null : value.asDouble();
	}

}
