package org.chokepoint.importer;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/**
 * Counts nodes per label and relationships per type of the committed data version, from
 * Neo4j's count store: one constant-time count per label and type in use, not a scan of
 * the graph (which took minutes at a million relationships on a loaded machine). What an
 * import running meanwhile has staged in committed batches ({@code :Staged} nodes and the
 * {@code SOURCES} and {@code SOURCING_SPLIT} from them) and what a finished one retired
 * and is still deleting ({@code :Retired} nodes and their relationships) are not counted.
 */
@Component
public class GraphCounts {

	/**
	 * Label and type names put into a count query: the database's own names, checked
	 * against this.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

	private final Driver driver;

	GraphCounts(Driver driver) {
		this.driver = driver;
	}

	/** Node count per label, e.g. {@code Country -> 70}. */
	public Map<String, Long> nodes() {
		return count(
				"CALL db.labels() YIELD label WHERE NOT label STARTS WITH 'Staged' AND NOT label = 'Retired' RETURN label AS name",
				"MATCH (n:`%s`) RETURN count(n) AS count",
				"MATCH (n) WHERE $name IN labels(n) RETURN count(n) AS count");
	}

	/** Relationship count per type, e.g. {@code MINES -> 600}. */
	public Map<String, Long> relationships() {
		return count("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS name",
				// every relationship of an old or staged version starts at a :Retired or
				// :Staged node
				"""
						CALL () { MATCH ()-[r:`%1$s`]->() RETURN count(r) AS all }
						CALL () { MATCH (:Staged)-[r:`%1$s`]->() RETURN count(r) AS staged }
						CALL () { MATCH (:Retired)-[r:`%1$s`]->() RETURN count(r) AS retired }
						RETURN all - staged - retired AS count
						""", """
						MATCH (n)-[r]->()
						WHERE type(r) = $name AND NOT n:Staged AND NOT n:Retired
						RETURN count(r) AS count
						""");
	}

	/**
	 * The count of each name in use; a name that is not a plain identifier (never one the
	 * importer writes) is counted by a scan with the name as a parameter, so no query is
	 * built from it.
	 */
	private Map<String, Long> count(String names, String fromCountStore, String byScan) {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> {
				Map<String, Long> counts = new TreeMap<>();
				for (String name : tx.run(names).list(r -> r.get("name").asString())) {
					long count = count(tx, name, fromCountStore, byScan);
					if (count > 0) {
						counts.put(name, count);
					}
				}
				return counts;
			});
		}
	}

	private static long count(TransactionContext tx, String name, String fromCountStore, String byScan) {
		if (NAME.matcher(name).matches()) {
			return tx.run(fromCountStore.formatted(name)).single().get("count").asLong();
		}
		return tx.run(byScan, Map.of("name", name)).single().get("count").asLong();
	}

}
