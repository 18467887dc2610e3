package org.chokepoint.lookup;

import java.util.List;

import org.chokepoint.web.BadParameterException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The years the data has facts for, and the rule for a year asked for: one before the
 * first is a 400 listing them ({@code availableYears}); any later one is answered with
 * the newest facts up to it, each of which names its own year. Read once and kept until
 * an import: this instance's, or another's once seen ({@link KeptUntilImport}).
 */
@Component
public class Years extends KeptUntilImport {

	/**
	 * The trade flows and supply rows: the one relationship type {@link #available()}
	 * does not read.
	 */
	static final String SOURCES = "SOURCES";

	private final Neo4jClient client;

	private volatile List<Integer> years;

	private volatile Integer bound;

	Years(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * The years of the facts, oldest first (empty before the first import): the years of
	 * every relationship but the trade flows and supply rows ({@code SOURCES}), and the
	 * data years of the supply mixes derived from those ({@code SOURCING_SPLIT.dataYear},
	 * every such year of theirs). Read through the other types by name: reading every
	 * {@code SOURCES} relationship took 25 s at the benchmark's M tier (a million trade
	 * flows), its types' 0.3 s.
	 */
	public List<Integer> available() {
		List<Integer> years = this.years;
		if (years == null) {
			long generation = generation();
			years = List.copyOf(this.client.query(query()).fetchAs(Integer.class).all());
			List<Integer> read = years;
			keep(generation, () -> this.years = read);
		}
		return years;
	}

	/** The query of {@link #available()} over the database's relationship types. */
	private String query() {
		List<String> types = this.client.query(
				"CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType ORDER BY relationshipType")
			.fetchAs(String.class)
			.all()
			.stream()
			.filter(type -> !type.equals(SOURCES))
			.map(type -> "`" + type.replace("`", "``") + "`")
			.toList();
		if (types.isEmpty()) {
			return "RETURN 0 AS year LIMIT 0";
		}
		return "MATCH ()-[f:" + String.join("|", types) + "]->()\n" + "UNWIND [f.year, f.dataYear] AS year\n"
				+ "WITH year WHERE year IS NOT NULL\n" + "RETURN DISTINCT toInteger(year) AS year ORDER BY year";
	}

	/**
	 * Checks a year parameter: one before the data's first year is a 400 naming the
	 * parameter and listing the years available.
	 * @param parameter the parameter's name ({@code year}, {@code from})
	 * @param year the year asked for, or null (the default)
	 */
	public void check(String parameter, Integer year) {
		if (year == null || year >= firstYearAtMost()) {
			return;
		}
		List<Integer> available = available();
		if (available.isEmpty() || year >= available.get(0)) {
			return;
		}
		throw new BadParameterException(parameter,
				"is before the data's first year, " + available.get(0) + ": the data has facts for " + available
						+ " (a later year is answered with the newest facts up to it)",
				java.util.Map.of("availableYears", available));
	}

	/**
	 * A year that a production fact has (the earliest): the data's first year is at most
	 * this, so a year from it on passes the check without {@link #available()}, which
	 * reads every relationship but the trade flows (0.3 s at the benchmark's M tier).
	 * {@link Integer#MAX_VALUE} when there is no production fact. Read through the
	 * production relationships alone (tens of thousands at M, against a million trade
	 * flows).
	 */
	private int firstYearAtMost() {
		Integer bound = this.bound;
		if (bound == null) {
			long generation = generation();
			bound = this.client.query("""
					MATCH ()-[f:MINES|REFINES|MANUFACTURES]->()
					WHERE f.year IS NOT NULL
					RETURN coalesce(min(toInteger(f.year)), 2147483647) AS year
					""").fetchAs(Integer.class).one().orElse(Integer.MAX_VALUE);
			Integer read = bound;
			keep(generation, () -> this.bound = read);
		}
		return bound;
	}

	@Override
	protected void clear() {
		this.years = null;
		this.bound = null;
	}

}
