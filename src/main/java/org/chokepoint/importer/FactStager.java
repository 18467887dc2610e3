package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Stages the facts of the two files that may hold many rows, before an import's switch:
 * the output facts of {@code production.csv} ({@code MINES}, {@code REFINES},
 * {@code MANUFACTURES} from the staged countries to the staged items) and the buyers'
 * sourcing rows of {@code sourcing.csv} ({@code SOURCES} between staged parties), in
 * committed transactions of {@code chokepoint.import.batch-size} rows, as the trade flows
 * are ({@link TradeFlowStager}). Written in the switch's one transaction, they bounded an
 * import by the memory one transaction may use (256 MB by default): the 89,640 output
 * facts of issue 18's second model (about 2.9 KB each) failed it, and so did 139,440
 * sourcing rows (an 8.6 MB file, within the 16 MB bound of a file). No query sees them
 * until the switch ({@link GraphWriter#ADOPT_STAGED}); what a failed or killed import
 * staged is deleted by the clean-up ({@link GraphWriter#cleanUp}).
 *
 * <p>
 * {@code CREATE}, not {@code MERGE}: no two rows of a file share a key (the validator
 * refuses duplicates), a trade flow with a sourcing row's buyer, item, stage, year and
 * source is refused, and the staged nodes are this import's own, so no such relationship
 * can exist yet (a MERGE looked among the party's trade flows: 9.2 s for the 10,000
 * output facts of the M tier against 0.9 s, docs/scaling.md). A row whose party or item
 * is not a staged one of the right kind is not written, as a {@code MATCH} by key left it
 * out when the rows were written in the switch.
 */
final class FactStager {

	private static final Map<String, String> PRODUCTION_BY_STAGE = Map.of("MINING",
			production("MINES", "StagedMineral"), "REFINING", production("REFINES", "StagedMineral"), "MANUFACTURING",
			production("MANUFACTURES", "StagedProduct"));

	private static final String SOURCING = """
			UNWIND $rows AS r
			MATCH (buyer:Staged) WHERE elementId(buyer) = r.buyerNode
			MATCH (supplier:Staged) WHERE elementId(supplier) = r.supplierNode
			CREATE (buyer)-[f:SOURCES {item: r.item, stage: r.stage, year: r.year, source: r.source}]->(supplier)
			SET f.share = r.share, f.basis = r.basis, f.quantity = r.quantity, f.unit = r.unit, f.note = r.note
			""";

	private FactStager() {
	}

	private static String production(String type, String itemLabel) {
		return """
				UNWIND $rows AS r
				MATCH (c:StagedCountry) WHERE elementId(c) = r.countryNode
				MATCH (i:%s) WHERE elementId(i) = r.itemNode
				CREATE (c)-[f:%s {year: r.year, source: r.source}]->(i)
				SET f.quantity = r.quantity, f.unit = r.unit, f.share = r.share, f.worldTotal = r.worldTotal,
				    f.publishedAs = r.published_as, f.note = r.note
				""".formatted(itemLabel, type);
	}

	/**
	 * Writes the rows of {@code production.csv} (a stage at a time) and of
	 * {@code sourcing.csv}, in committed batches, reporting progress after each; throws
	 * if a batch fails.
	 */
	static void stage(Driver driver, int batchSize, ImportData data, StagedNodes nodes, Consumer<String> progress) {
		Map<String, List<Map<String, Object>>> production = new LinkedHashMap<>();
		for (Map<String, Object> row : data.of(ImportFile.PRODUCTION)) {
			Map<String, Object> parameters = parameters(row);
			parameters.put("countryNode", nodes.party((String) row.get("country")));
			parameters.put("itemNode", nodes.item((String) row.get("item")));
			production.computeIfAbsent(PRODUCTION_BY_STAGE.get((String) row.get("stage")), s -> new ArrayList<>())
				.add(parameters);
		}
		List<Map<String, Object>> sourcing = new ArrayList<>();
		for (Map<String, Object> row : data.of(ImportFile.SOURCING)) {
			Map<String, Object> parameters = parameters(row);
			parameters.put("buyerNode", nodes.party((String) row.get("buyer")));
			parameters.put("supplierNode", nodes.party((String) row.get("supplier")));
			sourcing.add(parameters);
		}
		try (Session session = driver.session()) {
			stage(session, batchSize, ImportFile.PRODUCTION, "output facts", production, progress);
			stage(session, batchSize, ImportFile.SOURCING, "sourcing rows", Map.of(SOURCING, sourcing), progress);
		}
	}

	private static Map<String, Object> parameters(Map<String, Object> row) {
		Map<String, Object> parameters = new HashMap<>(row);
		parameters.remove("_line");
		return parameters;
	}

	/** Writes one file's rows, per statement, in committed batches. */
	private static void stage(Session session, int batchSize, ImportFile file, String what,
			Map<String, List<Map<String, Object>>> byStatement, Consumer<String> progress) {
		int total = byStatement.values().stream().mapToInt(List::size).sum();
		if (total == 0) {
			return;
		}
		long started = System.nanoTime();
		int done = 0;
		for (Map.Entry<String, List<Map<String, Object>>> statement : byStatement.entrySet()) {
			List<Map<String, Object>> rows = statement.getValue();
			for (int from = 0; from < rows.size(); from += batchSize) {
				List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + batchSize));
				session.executeWriteWithoutResult(tx -> tx.run(statement.getKey(), Map.of("rows", batch)).consume());
				done += batch.size();
				progress.accept(file.fileName() + ": " + done + " / " + total + " " + what + " committed");
			}
		}
		progress.accept(file.fileName() + ": " + total + " " + what + " staged in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

}
