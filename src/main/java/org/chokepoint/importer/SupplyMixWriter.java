package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.chokepoint.supplymix.Basis;
import org.chokepoint.supplymix.Mix;
import org.chokepoint.supplymix.MixFacts;
import org.chokepoint.supplymix.MixFacts.Flow;
import org.chokepoint.supplymix.MixFacts.Output;
import org.chokepoint.supplymix.MixFacts.Reliance;
import org.chokepoint.supplymix.MixFacts.Row;
import org.chokepoint.supplymix.SupplyMixes;
import org.chokepoint.supplymix.Tonnes;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

/**
 * Writes every buyer's supply mix, derived by {@link SupplyMixes} from the validated rows
 * and the added-up trade flows, as the relationships the chain analysis and chain.cypher
 * read:
 * {@code (:Party)-[:SOURCING_SPLIT {stage, year, dataYear, sourcing, kind, assumption, source,
 * sources, suppliers, shares}]->(:Item)}, one per (buyer, item, stage, year the mix holds
 * from, sourcing): {@code sourcing} is {@code direct} or {@code traced};
 * {@code suppliers} the codes, comma-separated (one string per buyer rather than a list
 * of codes: docs/scaling.md), {@code shares} their shares in the same order. Party codes
 * never hold a comma (checked by the import).
 *
 * <p>
 * A full import stages them between its staged nodes in committed batches before its
 * switch ({@link #stage}): the mixes switch with the facts they are made of, all or
 * nothing, and are retired and deleted with them. An incremental trade import writes
 * those of the stages it changed inside its own transaction ({@link #write}).
 */
final class SupplyMixWriter {

	/** Mixes per statement: a mix carries up to a few hundred suppliers. */
	static final int BATCH_SIZE = 500;

	static final String WRITE = """
			UNWIND $rows AS r
			MATCH (buyer:Party {code: r[0]})
			MATCH (item:Item {id: r[1]})
			CREATE (buyer)-[:SOURCING_SPLIT {stage: r[2], year: r[3], dataYear: r[4], sourcing: r[5], kind: r[6],
			                                 assumption: r[7], source: r[8], sources: r[9], suppliers: r[10],
			                                 shares: r[11]}]->(item)
			""";

	private SupplyMixWriter() {
	}

	/**
	 * Between staged nodes, by element id: what {@link #stage} writes before an import's
	 * switch.
	 */
	static final String STAGE = """
			UNWIND $rows AS r
			MATCH (buyer:Staged) WHERE elementId(buyer) = r[0]
			MATCH (item:Staged) WHERE elementId(item) = r[1]
			CREATE (buyer)-[:SOURCING_SPLIT {stage: r[2], year: r[3], dataYear: r[4], sourcing: r[5], kind: r[6],
			                                 assumption: r[7], source: r[8], sources: r[9], suppliers: r[10],
			                                 shares: r[11]}]->(item)
			""";

	/**
	 * Derives every mix of a full import and writes it between the staged nodes
	 * ({@link StagedNodes}), {@link #BATCH_SIZE} mixes per committed transaction: no
	 * query sees them before the switch adopts the nodes, and the switch's transaction
	 * stays small (20,000 mixes held 115 MiB of transaction state, and their commit
	 * passed 256 MiB: {@code chokepoint.embedded.transaction-max-memory}). Returns how
	 * many.
	 */
	static int stage(Driver driver, ImportData data, StagedNodes nodes, Consumer<String> progress) {
		long started = System.nanoTime();
		List<MixFacts> stages = facts(data);
		List<List<Object>> rows = new ArrayList<>(BATCH_SIZE);
		int written = 0;
		try (Session session = driver.session()) {
			for (MixFacts facts : stages) {
				for (Mix mix : SupplyMixes.derive(facts)) {
					List<Object> row = row(facts, mix);
					String buyer = nodes.party(mix.buyer());
					String item = nodes.item(facts.item());
					if (buyer == null || item == null) {
						// as the live statement's MATCH: no such party or item, no mix
						continue;
					}
					row.set(0, buyer);
					row.set(1, item);
					rows.add(row);
					written++;
					if (rows.size() == BATCH_SIZE) {
						commit(session, rows);
						rows.clear();
					}
				}
			}
			if (!rows.isEmpty()) {
				commit(session, rows);
			}
		}
		progress.accept("SOURCING_SPLIT: " + written + " supply mixes (direct and traced) of " + stages.size()
				+ " item stages staged in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		return written;
	}

	private static void commit(Session session, List<List<Object>> rows) {
		List<List<Object>> batch = List.copyOf(rows);
		session.executeWriteWithoutResult(tx -> tx.run(STAGE, Map.of("rows", batch)).consume());
	}

	/**
	 * Derives the mixes of the given stages and writes those that hold from
	 * {@code fromYear} on (an incremental trade import: the mixes before the first year
	 * it changes are unchanged), inside {@code tx}; returns how many.
	 */
	static int write(Transaction tx, List<MixFacts> stages, long fromYear, Consumer<String> progress) {
		long started = System.nanoTime();
		List<List<Object>> rows = new ArrayList<>(BATCH_SIZE);
		int written = 0;
		for (MixFacts facts : stages) {
			for (Mix mix : SupplyMixes.derive(facts)) {
				if (mix.asOf() < fromYear) {
					continue;
				}
				rows.add(row(facts, mix));
				written++;
				if (rows.size() == BATCH_SIZE) {
					tx.run(WRITE, Map.of("rows", rows)).consume();
					rows.clear();
				}
			}
		}
		if (!rows.isEmpty()) {
			tx.run(WRITE, Map.of("rows", rows)).consume();
		}
		progress.accept("SOURCING_SPLIT: " + written + " supply mixes (direct and traced) of " + stages.size()
				+ " item stages in " + (System.nanoTime() - started) / 1_000_000 + " ms");
		return written;
	}

	private static List<Object> row(MixFacts facts, Mix mix) {
		List<Object> row = new ArrayList<>(12);
		row.add(mix.buyer());
		row.add(facts.item());
		row.add(facts.stage());
		row.add(mix.asOf());
		row.add(mix.dataYear());
		row.add(mix.sourcing().word());
		row.add(mix.kind().name());
		row.add(mix.kind().description());
		row.add(mix.sources().get(0));
		row.add(mix.sources());
		row.add(String.join(",", mix.suppliers()));
		row.add(mix.shares());
		return row;
	}

	/** The facts of every (item, stage) with output, sourcing rows or trade flows. */
	static List<MixFacts> facts(ImportData data) {
		Map<String, Integer> rank = new HashMap<>();
		for (Map<String, Object> source : data.of(ImportFile.SOURCES)) {
			rank.put((String) source.get("id"), rank((String) source.get("quality")));
		}
		Set<String> minerals = new TreeSet<>();
		data.of(ImportFile.MINERALS).forEach(m -> minerals.add((String) m.get("id")));
		Map<String, Set<String>> members = new LinkedHashMap<>();
		for (Map<String, Object> m : data.of(ImportFile.MEMBERSHIPS)) {
			members.computeIfAbsent((String) m.get("bloc"), k -> new TreeSet<>()).add((String) m.get("country"));
		}
		Map<String, Builder> stages = new LinkedHashMap<>();
		for (Map<String, Object> p : data.of(ImportFile.PRODUCTION)) {
			String source = (String) p.get("source");
			builder(stages, p.get("item"), p.get("stage")).outputs
				.add(new Output((String) p.get("country"), (Long) p.get("year"), source, rank.getOrDefault(source, 2),
						Tonnes.of((Double) p.get("quantity"), (String) p.get("unit"))));
		}
		for (Map<String, Object> s : data.of(ImportFile.SOURCING)) {
			String source = (String) s.get("source");
			Object basis = s.get("basis");
			builder(stages, s.get("item"), s.get("stage")).rows.add(new Row((String) s.get("buyer"),
					(String) s.get("supplier"), (Long) s.get("year"), source, rank.getOrDefault(source, 2),
					basis == null ? Basis.SUPPLY : Basis.of(basis.toString()), (Double) s.get("share")));
		}
		flows(data.tradeFlows(), rank)
			.forEach((itemStage, flows) -> builder(stages, itemStage.get(0), itemStage.get(1)).flows.addAll(flows));
		Map<String, List<Reliance>> reliance = new HashMap<>();
		for (Map<String, Object> r : data.of(ImportFile.IMPORT_RELIANCE)) {
			if (r.get("share") != null) {
				String source = (String) r.get("source");
				reliance.computeIfAbsent((String) r.get("mineral"), k -> new ArrayList<>())
					.add(new Reliance((String) r.get("party"), (Long) r.get("year"), source,
							rank.getOrDefault(source, 2), (Double) r.get("share")));
			}
		}
		List<MixFacts> facts = new ArrayList<>(stages.size());
		stages.values()
			.forEach(b -> facts.add(new MixFacts(b.item, b.stage, minerals.contains(b.item), b.outputs, b.rows, b.flows,
					reliance.getOrDefault(b.item, List.of()), members)));
		return facts;
	}

	/**
	 * The trade flows per [item, stage], their quantities in tonnes (a flow in a unit of
	 * no tonnage is left out), as the graph holds them after an import.
	 * @param rank each source's rank ({@link #rank})
	 */
	static Map<List<String>, List<Flow>> flows(TradeFlows flows, Map<String, Integer> rank) {
		Map<List<String>, List<Flow>> byStage = new LinkedHashMap<>();
		List<String> items = flows.items();
		List<String> stages = flows.stages();
		List<String> sources = flows.sources();
		List<String> units = flows.units();
		flows.forEachBatch(10_000, batch -> {
			for (TradeFlows.Pair pair : batch.pairs()) {
				for (List<Object> flow : pair.flows()) {
					int is = ((Long) flow.get(0)).intValue();
					String source = sources.get(((Long) flow.get(2)).intValue());
					Double tonnes = Tonnes.of((Double) flow.get(4), units.get(((Long) flow.get(5)).intValue()));
					if (tonnes != null) {
						byStage.computeIfAbsent(List.of(items.get(is), stages.get(is)), k -> new ArrayList<>())
							.add(new Flow(pair.supplier(), pair.buyer(), (Long) flow.get(1), source,
									rank.getOrDefault(source, 2), tonnes));
					}
				}
			}
		});
		return byStage;
	}

	static int rank(String quality) {
		return switch (quality == null ? "" : quality) {
			case "official" -> 0;
			case "secondary" -> 1;
			default -> 2;
		};
	}

	private static Builder builder(Map<String, Builder> stages, Object item, Object stage) {
		return stages.computeIfAbsent(item + "\u0000" + stage, k -> new Builder((String) item, (String) stage));
	}

	private static final class Builder {

		final String item;

		final String stage;

		final List<Output> outputs = new ArrayList<>();

		final List<Row> rows = new ArrayList<>();

		final List<Flow> flows = new ArrayList<>();

		Builder(String item, String stage) {
			this.item = item;
			this.stage = stage;
		}

	}

}
