package org.chokepoint.importer;

import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.stereotype.Component;

/**
 * Counts nodes per label and relationships per type (one scan each) of the committed data version:
 * what an import running meanwhile has staged in committed batches ({@code :StagedCountry} nodes
 * and the {@code SOURCES} between them, see {@link GraphWriter#stageTradeFlows}) is not counted
 * until the import switches to it.
 */
@Component
public class GraphCounts {

	private final Driver driver;

	GraphCounts(Driver driver) {
		this.driver = driver;
	}

	/** Node count per label, e.g. {@code Country -> 70}. */
	public Map<String, Long> nodes() {
		return count("""
				MATCH (n)
				WHERE NOT n:StagedCountry AND NOT n:Retired
				UNWIND labels(n) AS label
				RETURN label AS name, count(*) AS count
				""");
	}

	/** Relationship count per type, e.g. {@code MINES -> 600}. */
	public Map<String, Long> relationships() {
		// all relationships from the count store, less the staged ones (none outside an import)
		return count("""
				CALL () {
				  MATCH ()-[r]->()
				  RETURN type(r) AS name, count(*) AS count
				  UNION ALL
				  MATCH (:StagedCountry)-[r]->()
				  RETURN type(r) AS name, -count(*) AS count
				}
				RETURN name, sum(count) AS count
				""");
	}

	private Map<String, Long> count(String query) {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> {
				Map<String, Long> counts = new TreeMap<>();
				tx.run(query).forEachRemaining(r -> {
					long count = r.get("count").asLong();
					if (count > 0) {
						counts.put(r.get("name").asString(), count);
					}
				});
				return counts;
			});
		}
	}

}
