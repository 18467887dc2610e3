package org.chokepoint.adhoc;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of {@code POST /api/cypher} ({@code chokepoint.cypher.*}).
 *
 * @param timeout how long one query may run before Neo4j terminates its transaction
 * (default 10s)
 * @param maxRows how many rows a response holds at most (default 1000); further rows are
 * not fetched and the response says {@code truncated}
 * @param maxRequestSize the largest request body accepted, query and parameters together
 * (default 64KB)
 * @param allowedProcedures the only procedures a query may call, read-only introspection
 * (default {@code db.labels}, {@code db.relationshipTypes}, {@code db.propertyKeys},
 * {@code db.schema.visualization}, {@code db.schema.nodeTypeProperties},
 * {@code db.schema.relTypeProperties}); every other procedure is refused, and a
 * {@code dbms.*} one stays refused even here, as Neo4j plans it as SCHEMA_WRITE
 */
@ConfigurationProperties("chokepoint.cypher")
public record CypherProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("1000") int maxRows,
		@DefaultValue("64KB") DataSize maxRequestSize, @DefaultValue( {
				"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
				"db.schema.nodeTypeProperties", "db.schema.relTypeProperties" }) List<String> allowedProcedures){

	public CypherProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("chokepoint.cypher.timeout must be positive, not " + timeout);
		}
		if (maxRows < 1) {
			throw new IllegalArgumentException("chokepoint.cypher.max-rows must be at least 1, not " + maxRows);
		}
		allowedProcedures = List.copyOf(allowedProcedures);
	}

	/**
	 * Whether a query may call the procedure of that fully qualified name (names compare
	 * ignoring case).
	 */
	boolean allowsProcedure(String name) {
		return this.allowedProcedures.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(name));
	}

}
