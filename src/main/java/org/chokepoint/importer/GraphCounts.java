package org.chokepoint.importer;

import java.util.Map;
import java.util.TreeMap;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import org.springframework.stereotype.Component;

/** Counts nodes per label and relationships per type (one scan each). */
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
				UNWIND labels(n) AS label
				RETURN label AS name, count(*) AS count
				""");
	}

	/** Relationship count per type, e.g. {@code MINES -> 600}. */
	public Map<String, Long> relationships() {
		return count("""
				MATCH ()-[r]->()
				RETURN type(r) AS name, count(*) AS count
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
