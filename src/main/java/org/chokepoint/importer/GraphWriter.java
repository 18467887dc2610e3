package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Transaction;

/**
 * Writes validated rows with {@code UNWIND $rows AS r MERGE ...}, in batches, inside the
 * caller's transaction (the parties and items, the trade flows, the output facts, the
 * sourcing rows and the supply mixes are staged before it: {@link StagedNodes},
 * {@link TradeFlowStager}, {@link FactStager}, {@link SupplyMixWriter#stage}). The
 * statement of each file is fixed text: labels and relationship types never come from the
 * data (a stage picks one of three statements).
 */
final class GraphWriter {

	static final int BATCH_SIZE = 10_000;

	/**
	 * Hides the current knowledge graph from every query (not the schema history nor the
	 * data version): its nodes lose their labels and become :Retired, deleted after the
	 * commit by {@link #cleanUp}. A few thousand label changes, whatever the number of
	 * facts.
	 */
	static final String RETIRE_ALL = """
			MATCH (n)
			WHERE n:Item OR n:Party OR n:Agreement OR n:TradeMeasure OR n:Source OR n:HsCode
			REMOVE n:Item:Mineral:Product:Party:Country:Bloc:Agreement:TradeMeasure:Source:HsCode
			SET n:Retired
			""";

	/**
	 * Makes the staged parties and items ({@link StagedNodes}), and the trade flows and
	 * supply mixes between them, part of the graph being written; the files' statements
	 * then find them by key and set their other properties. {@code :StagedCountry}
	 * without {@code :Staged} is what an import of an earlier version staged.
	 */
	static final List<String> ADOPT_STAGED = List.of("""
			MATCH (n:StagedCountry)
			REMOVE n:Staged:StagedCountry
			SET n:Country:Party
			""", """
			MATCH (n:StagedBloc)
			REMOVE n:Staged:StagedBloc
			SET n:Bloc:Party
			""", """
			MATCH (n:StagedMineral)
			REMOVE n:Staged:StagedMineral
			SET n:Mineral:Item
			""", """
			MATCH (n:StagedProduct)
			REMOVE n:Staged:StagedProduct
			SET n:Product:Item
			""");

	/**
	 * Deletes retired and staged leftovers in small transactions of {@code rows} each
	 * ({@code chokepoint.import.batch-size}, as the staging's): their relationships
	 * first, then them. A deleted trade flow costs its transaction about 3.6 KiB (50,000
	 * took 180 MiB at M), so the default 5,000 per transaction stay well under
	 * {@code chokepoint.embedded.transaction-max-memory}, and a lower limit is met with a
	 * smaller batch size, as the staging is.
	 */
	static List<String> cleanUp(int rows) {
		return List.of("""
				MATCH (n)-[r]-()
				WHERE n:Retired OR n:Staged OR n:StagedCountry
				CALL (r) {
				  DELETE r
				} IN TRANSACTIONS OF %d ROWS
				""".formatted(rows), """
				MATCH (n)
				WHERE n:Retired OR n:Staged OR n:StagedCountry
				CALL (n) {
				  DELETE n
				} IN TRANSACTIONS OF %d ROWS
				""".formatted(rows));
	}

	private static final Map<ImportFile, String> STATEMENTS = new LinkedHashMap<>();

	static {
		STATEMENTS.put(ImportFile.SOURCES, """
				UNWIND $rows AS r
				MERGE (s:Source {id: r.id})
				SET s.title = r.title, s.publisher = r.publisher, s.year = r.year, s.url = r.url,
				    s.quality = r.quality, s.note = r.note
				""");
		STATEMENTS.put(ImportFile.COUNTRIES, """
				UNWIND $rows AS r
				MERGE (c:Country:Party {iso3: r.iso3})
				SET c.code = r.iso3, c.name = r.name
				""");
		STATEMENTS.put(ImportFile.BLOCS, """
				UNWIND $rows AS r
				MERGE (b:Bloc:Party {code: r.code})
				SET b.name = r.name, b.note = r.note
				""");
		STATEMENTS.put(ImportFile.MINERALS, """
				UNWIND $rows AS r
				MERGE (m:Mineral:Item {id: r.id})
				SET m.name = r.name, m.basis = r.basis, m.note = r.note
				""");
		STATEMENTS.put(ImportFile.PRODUCTS, """
				UNWIND $rows AS r
				MERGE (p:Product:Item {id: r.id})
				SET p.name = r.name, p.kind = r.kind, p.note = r.note
				""");
		// the codes the trade flows were converted with, kept so that a reader (and the
		// data report)
		// can see which code stood for which item and stage, and by which factor and
		// source
		STATEMENTS.put(ImportFile.HS_CODES, """
				UNWIND $rows AS r
				MATCH (i:Item {id: r.item})
				MERGE (h:HsCode {code: r.hs6})
				SET h.factor = r.factor, h.factorSource = r.factor_source, h.note = r.note
				MERGE (h)-[f:STANDS_FOR]->(i)
				SET f.stage = r.stage, f.source = r.factor_source
				""");
		STATEMENTS.put(ImportFile.AGREEMENTS, """
				UNWIND $rows AS r
				MERGE (a:Agreement {id: r.id})
				SET a.name = r.name, a.type = r.type, a.signed = r.signed, a.inForce = r.in_force,
				    a.ended = r.ended, a.criticalMinerals = r.critical_minerals, a.year = r.year,
				    a.source = r.source, a.note = r.note
				""");
		STATEMENTS.put(ImportFile.MEASURES,
				"""
						UNWIND $rows AS r
						MATCH (c:Country {iso3: r.imposer})
						MERGE (m:TradeMeasure {id: r.id})
						SET m.name = r.name, m.type = r.type, m.announced = r.announced, m.effective = r.effective,
						    m.suspendedFrom = r.suspended_from, m.suspendedUntil = r.suspended_until, m.ended = r.ended,
						    m.statusUnknownFrom = r.status_unknown_from, m.rate = r.rate, m.year = r.year, m.source = r.source, m.note = r.note
						MERGE (c)-[f:IMPOSES]->(m)
						SET f.year = r.year, f.source = r.source
						""");
		STATEMENTS.put(ImportFile.MEMBERSHIPS, """
				UNWIND $rows AS r
				MATCH (c:Country {iso3: r.country})
				MATCH (b:Bloc {code: r.bloc})
				MERGE (c)-[f:MEMBER_OF {source: r.source}]->(b)
				SET f.since = r.since, f.year = r.year
				""");
		STATEMENTS.put(ImportFile.RESERVES, """
				UNWIND $rows AS r
				MATCH (c:Country {iso3: r.country})
				MATCH (m:Mineral {id: r.mineral})
				MERGE (c)-[f:HAS_RESERVES {year: r.year, source: r.source}]->(m)
				SET f.quantity = r.quantity, f.unit = r.unit, f.publishedAs = r.published_as, f.note = r.note
				""");
		STATEMENTS.put(ImportFile.IMPORT_RELIANCE, """
				UNWIND $rows AS r
				MATCH (p:Party {code: r.party})
				MATCH (m:Mineral {id: r.mineral})
				MERGE (p)-[f:IMPORT_RELIANCE {year: r.year, source: r.source}]->(m)
				SET f.share = r.share, f.publishedAs = r.published_as, f.note = r.note
				""");
		STATEMENTS.put(ImportFile.BOM, """
				UNWIND $rows AS r
				MATCH (p:Product {id: r.product})
				MATCH (i:Item {id: r.input})
				MERGE (p)-[f:REQUIRES {source: r.source}]->(i)
				SET f.quantity = r.quantity, f.unit = r.unit, f.year = r.year, f.note = r.note
				""");
		STATEMENTS.put(ImportFile.AGREEMENT_PARTIES, """
				UNWIND $rows AS r
				MATCH (a:Agreement {id: r.agreement})
				MATCH (p:Party {code: r.party})
				MERGE (p)-[f:PARTY_TO]->(a)
				SET f.role = r.role, f.since = r.since, f.year = r.year, f.source = r.source
				""");
		STATEMENTS.put(ImportFile.AGREEMENT_ITEMS, """
				UNWIND $rows AS r
				MATCH (a:Agreement {id: r.agreement})
				MATCH (i:Item {id: r.item})
				MERGE (a)-[f:COVERS]->(i)
				SET f.year = r.year, f.source = r.source
				""");
		STATEMENTS.put(ImportFile.MEASURE_ITEMS, """
				UNWIND $rows AS r
				MATCH (m:TradeMeasure {id: r.measure})
				MATCH (i:Item {id: r.item})
				MERGE (m)-[f:RESTRICTS]->(i)
				SET f.source = r.source
				""");
		STATEMENTS.put(ImportFile.MEASURE_TARGETS, """
				UNWIND $rows AS r
				MATCH (m:TradeMeasure {id: r.measure})
				MATCH (p:Party {code: r.target})
				MERGE (m)-[f:TARGETS]->(p)
				SET f.source = r.source
				""");
		STATEMENTS.put(ImportFile.STOCKPILES, """
				UNWIND $rows AS r
				MATCH (p:Party {code: r.holder})
				MATCH (m:Mineral {id: r.mineral})
				MERGE (p)-[f:STOCKPILES {year: r.year, source: r.source}]->(m)
				SET f.quantity = r.quantity, f.unit = r.unit, f.daysOfCover = r.days_of_cover,
				    f.valueUsd = r.value_usd, f.publishedAs = r.published_as, f.note = r.note
				""");
	}

	private GraphWriter() {
	}

	/**
	 * Writes all rows, files in dependency order, reporting progress after each batch.
	 */
	static void write(Transaction tx, ImportData data, Consumer<String> progress) {
		ADOPT_STAGED.forEach(statement -> tx.run(statement).consume());
		for (ImportFile file : ImportFile.values()) {
			List<Map<String, Object>> rows = data.of(file);
			// production.csv and sourcing.csv are staged before the switch (FactStager)
			if (STATEMENTS.containsKey(file)) {
				// world totals are not written as such: they live on as each fact's
				// worldTotal
				inBatches(tx, file, STATEMENTS.get(file), rows, progress);
			}
		}
	}

	private static void inBatches(Transaction tx, ImportFile file, String statement, List<Map<String, Object>> rows,
			Consumer<String> progress) {
		long started = System.nanoTime();
		for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
			List<Map<String, Object>> batch = new ArrayList<>();
			for (Map<String, Object> row : rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE))) {
				Map<String, Object> parameters = new HashMap<>(row);
				parameters.remove("_line");
				batch.add(parameters);
			}
			tx.run(statement, Map.of("rows", batch)).consume();
			int done = Math.min(rows.size(), from + BATCH_SIZE);
			if (rows.size() > BATCH_SIZE) {
				progress.accept(file.fileName() + ": " + done + " / " + rows.size() + " rows");
			}
		}
		if (!rows.isEmpty()) {
			progress.accept(file.fileName() + ": " + rows.size() + " rows in "
					+ (System.nanoTime() - started) / 1_000_000 + " ms");
		}
	}

}
