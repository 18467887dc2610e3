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
 * Stages the output facts of {@code production.csv} before an import's switch: the
 * {@code MINES}, {@code REFINES} and {@code MANUFACTURES} relationships between the
 * staged countries and items ({@link StagedNodes}), in committed transactions of
 * {@code chokepoint.import.batch-size} rows, as the trade flows are
 * ({@link TradeFlowStager}). Written in the switch's one transaction, they bounded an
 * import by the memory one transaction may use: about 90,000 output facts (issue 18's
 * second model, 249 countries and 360 items) needed more than its default 256 MB. No
 * query sees them until the switch ({@link GraphWriter#ADOPT_STAGED}); what a failed or
 * killed import staged is deleted by the clean-up ({@link GraphWriter#CLEAN_UP}).
 *
 * <p>
 * {@code CREATE}, not {@code MERGE}: no two rows share a key (country, item, stage, year,
 * source), the validator refuses duplicates, and the staged nodes are this import's own,
 * so no such relationship can exist yet (a MERGE looked among the country's trade flows:
 * 9.2 s for the 10,000 rows of the M tier against 0.9 s, docs/scaling.md). A row whose
 * country or item is not a staged country or item of its stage's kind is not written, as
 * a {@code MATCH} by key left it out when the rows were written in the switch.
 */
final class ProductionStager {

	private static final Map<String, String> BY_STAGE = Map.of("MINING", statement("MINES", "StagedMineral"),
			"REFINING", statement("REFINES", "StagedMineral"), "MANUFACTURING",
			statement("MANUFACTURES", "StagedProduct"));

	private ProductionStager() {
	}

	private static String statement(String type, String itemLabel) {
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
	 * Writes the rows of {@code production.csv}, a stage at a time, in committed batches,
	 * reporting progress after each; throws if a batch fails.
	 */
	static void stage(Driver driver, int batchSize, ImportData data, StagedNodes nodes, Consumer<String> progress) {
		List<Map<String, Object>> rows = data.of(ImportFile.PRODUCTION);
		if (rows.isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		Map<String, List<Map<String, Object>>> byStage = new LinkedHashMap<>();
		for (Map<String, Object> row : rows) {
			Map<String, Object> parameters = new HashMap<>(row);
			parameters.remove("_line");
			parameters.put("countryNode", nodes.party((String) row.get("country")));
			parameters.put("itemNode", nodes.item((String) row.get("item")));
			byStage.computeIfAbsent((String) row.get("stage"), stage -> new ArrayList<>()).add(parameters);
		}
		int done = 0;
		try (Session session = driver.session()) {
			for (Map.Entry<String, List<Map<String, Object>>> stage : byStage.entrySet()) {
				String statement = BY_STAGE.get(stage.getKey());
				List<Map<String, Object>> stageRows = stage.getValue();
				for (int from = 0; from < stageRows.size(); from += batchSize) {
					List<Map<String, Object>> batch = stageRows.subList(from,
							Math.min(stageRows.size(), from + batchSize));
					session.executeWriteWithoutResult(tx -> tx.run(statement, Map.of("rows", batch)).consume());
					done += batch.size();
					progress.accept(ImportFile.PRODUCTION.fileName() + ": " + done + " / " + rows.size()
							+ " output facts committed");
				}
			}
		}
		progress.accept(ImportFile.PRODUCTION.fileName() + ": " + rows.size() + " output facts staged in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

}
