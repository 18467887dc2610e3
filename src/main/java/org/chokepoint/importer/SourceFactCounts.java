package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.neo4j.driver.Record;
import org.neo4j.driver.Transaction;

/**
 * How many facts cite each source, by relationship type, kept on the source's node by
 * every import: {@code Source.factTypes} (sorted) and {@code Source.factCounts} (the
 * counts in the same order; a type no fact of the source has is left out), which
 * {@code GET /api/sources/{id}} reads. Counting them on each call read every relationship
 * of the graph: 18 s at the benchmark's M tier (a million trade flows).
 *
 * <p>
 * Counted in the import's own transaction, so the counts are of the version it commits.
 * Every relationship type but {@code SOURCES} is counted from the graph by name (tens of
 * thousands of relationships at M, about 0.1 s); the {@code SOURCES} relationships are
 * counted from what the import writes: the sourcing rows and trade flows of a full import
 * ({@link #replace}), the flows an incremental trade import adds or removes
 * ({@link #change}).
 */
final class SourceFactCounts {

	/** The trade flows and supply rows: the type counted from what is written. */
	static final String SOURCES = "SOURCES";

	private SourceFactCounts() {
	}

	/**
	 * The {@code SOURCES} relationships a full import of {@code data} writes, per source
	 * id: one per sourcing row (their keys are unique) and one per trade flow.
	 */
	static Map<String, Long> written(ImportData data) {
		Map<String, Long> sources = new HashMap<>(data.tradeFlows().flowsPerSource());
		for (Map<String, Object> row : data.of(ImportFile.SOURCING)) {
			sources.merge((String) row.get("source"), 1L, Long::sum);
		}
		return sources;
	}

	/**
	 * Records the counts of every source after a full import, in its transaction (the old
	 * graph retired, the new one written).
	 * @param sources the {@code SOURCES} relationships written, per source id
	 */
	static void replace(Transaction tx, Map<String, Long> sources, Consumer<String> progress) {
		long started = System.nanoTime();
		Map<String, TreeMap<String, Long>> bySource = new HashMap<>();
		List<String> types = tx.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
			.list(r -> r.get(0).asString())
			.stream()
			.filter(type -> !type.equals(SOURCES))
			.map(type -> "`" + type.replace("`", "``") + "`")
			.toList();
		if (!types.isEmpty()) {
			// the retired graph's relationships are deleted only after the commit
			for (Record r : tx
				.run("MATCH (a)-[f:" + String.join("|", types) + "]->()\n"
						+ "WHERE f.source IS NOT NULL AND NOT a:Retired\n"
						+ "RETURN f.source AS source, type(f) AS type, count(*) AS count")
				.list()) {
				bySource.computeIfAbsent(r.get("source").asString(), id -> new TreeMap<>())
					.put(r.get("type").asString(), r.get("count").asLong());
			}
		}
		sources.forEach((source, count) -> {
			if (count > 0) {
				bySource.computeIfAbsent(source, id -> new TreeMap<>()).put(SOURCES, count);
			}
		});
		List<Map<String, Object>> rows = new ArrayList<>();
		bySource.forEach((source, counts) -> rows
			.add(Map.of("id", source, "types", List.copyOf(counts.keySet()), "counts", List.copyOf(counts.values()))));
		tx.run("""
				MATCH (s:Source)
				SET s.factTypes = [], s.factCounts = []
				WITH count(*) AS sources
				UNWIND $rows AS row
				MATCH (s:Source {id: row.id})
				SET s.factTypes = row.types, s.factCounts = row.counts
				""", Map.of("rows", rows)).consume();
		progress.accept("facts citing each source counted in " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/**
	 * Records the counts after an incremental trade import, in its transaction: the
	 * {@code SOURCES} relationships of each source change by the number given, the other
	 * types are counted again (the supply mixes were derived anew). When a source holds
	 * no counts (a database imported before they were kept), none is kept: until the next
	 * full import the details count the facts on each call, as before.
	 * @param changes the {@code SOURCES} relationships added (removed: negative), per
	 * source id
	 */
	static void change(Transaction tx, Map<String, Long> changes, Consumer<String> progress) {
		Map<String, Long> sources = new HashMap<>();
		boolean kept = true;
		for (Record r : tx.run("MATCH (s:Source) RETURN s.id AS id, s.factTypes AS types, s.factCounts AS counts")
			.list()) {
			if (r.get("types").isNull() || r.get("counts").isNull()) {
				kept = false;
				break;
			}
			List<String> types = r.get("types").asList(v -> v.asString());
			int at = types.indexOf(SOURCES);
			if (at >= 0) {
				sources.put(r.get("id").asString(), r.get("counts").get(at).asLong());
			}
		}
		if (!kept) {
			tx.run("MATCH (s:Source) REMOVE s.factTypes, s.factCounts").consume();
			return;
		}
		changes.forEach((source, change) -> sources.merge(source, change, Long::sum));
		replace(tx, sources, progress);
	}

}
