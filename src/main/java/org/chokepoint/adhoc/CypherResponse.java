package org.chokepoint.adhoc;

import java.util.List;

/**
 * The answer of {@code POST /api/cypher}.
 *
 * @param columns the result columns, in the query's order
 * @param rows the rows, each a list of values in column order (see {@link CypherValues}
 * for how values look)
 * @param rowCount the number of rows returned
 * @param truncated true when the query had more rows than
 * {@code chokepoint.cypher.max-rows}; they were not fetched
 * @param millis the time taken, checks included, in milliseconds
 */
public record CypherResponse(List<String> columns, List<List<Object>> rows, int rowCount, boolean truncated,
		long millis) {
}
