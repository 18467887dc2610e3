package org.chokepoint.lookup;

import java.util.List;

import org.chokepoint.importer.ImportReport;
import org.chokepoint.web.BadParameterException;

import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The years the data has facts for, and the rule for a year asked for: one before the
 * first is a 400 listing them ({@code availableYears}); any later one is answered with
 * the newest facts up to it, each of which names its own year.
 */
@Component
public class Years {

	private final Neo4jClient client;

	private volatile List<Integer> years;

	Years(Neo4jClient client) {
		this.client = client;
	}

	/** The years of the facts, oldest first (empty before the first import). */
	public List<Integer> available() {
		List<Integer> years = this.years;
		if (years == null) {
			years = List.copyOf(this.client.query("""
					MATCH ()-[f]->()
					WHERE f.year IS NOT NULL
					RETURN DISTINCT toInteger(f.year) AS year ORDER BY year
					""").fetchAs(Integer.class).all());
			this.years = years;
		}
		return years;
	}

	/**
	 * Checks a year parameter: one before the data's first year is a 400 naming the
	 * parameter and listing the years available.
	 * @param parameter the parameter's name ({@code year}, {@code from})
	 * @param year the year asked for, or null (the default)
	 */
	public void check(String parameter, Integer year) {
		List<Integer> available = available();
		if (year == null || available.isEmpty() || year >= available.get(0)) {
			return;
		}
		throw new BadParameterException(parameter,
				"is before the data's first year, " + available.get(0) + ": the data has facts for " + available
						+ " (a later year is answered with the newest facts up to it)",
				java.util.Map.of("availableYears", available));
	}

	@EventListener
	void imported(ImportReport report) {
		this.years = null;
	}

}
