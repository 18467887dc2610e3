package org.chokepoint.adhoc;

import java.util.Map;

/**
 * The body of {@code POST /api/cypher}.
 *
 * @param query one Cypher statement, read-only
 * @param parameters the values of its {@code $parameters}, as plain Java values (never
 * null)
 */
public record CypherRequest(String query, Map<String, Object> parameters) {

	public CypherRequest {
		parameters = parameters == null ? Map.of() : parameters;
	}

}
