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
 * (default 10s); the application also stops waiting for it 2 s later
 * @param maxRows how many rows a response holds at most (default 1000); further rows are
 * not fetched and the response says {@code truncated}
 * @param maxAnswerSize how large the rows of an answer may be, counted as JSON while they
 * are read (default 4MB); a larger answer is refused with 422
 * @param maxRequestSize the largest request body accepted, query and parameters together
 * (default 64KB)
 * @param maxQueryLength the longest query accepted, in characters (default 20000)
 * @param maxNesting how deeply brackets (round, square and curly) may nest in a query
 * (default 50)
 * @param maxExpressionDepth how deep an expression may be: brackets plus the operators
 * chained around them (default 150)
 * @param concurrency how many ad-hoc queries run at once, so they never take the database
 * or the processors from the analyses and the health check (default 0: half the
 * processors, at least 1; a running query can keep a processor busy until its timeout)
 * @param queue how many more may wait for a turn (default 8); past that the answer is 503
 * with {@code Retry-After}
 * @param allowedProcedures the only procedures a query may call, read-only introspection
 * (default {@code db.labels}, {@code db.relationshipTypes}, {@code db.propertyKeys},
 * {@code db.schema.visualization}, {@code db.schema.nodeTypeProperties},
 * {@code db.schema.relTypeProperties}); every other procedure is refused, and a
 * {@code dbms.*} one stays refused even here, as Neo4j plans it as SCHEMA_WRITE
 */
@ConfigurationProperties("chokepoint.cypher")
public record CypherProperties(@DefaultValue("10s") Duration timeout, @DefaultValue("1000") int maxRows,
		@DefaultValue("4MB") DataSize maxAnswerSize, @DefaultValue("64KB") DataSize maxRequestSize,
		@DefaultValue("20000") int maxQueryLength, @DefaultValue("50") int maxNesting,
		@DefaultValue("150") int maxExpressionDepth, @DefaultValue("0") int concurrency, @DefaultValue("8") int queue,
		@DefaultValue( {
				"db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
				"db.schema.nodeTypeProperties", "db.schema.relTypeProperties" }) List<String> allowedProcedures){

	public CypherProperties {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("chokepoint.cypher.timeout must be positive, not " + timeout);
		}
		atLeast("max-rows", maxRows, 1);
		atLeast("max-query-length", maxQueryLength, 1);
		atLeast("max-nesting", maxNesting, 1);
		atLeast("max-expression-depth", maxExpressionDepth, 1);
		if (concurrency == 0) {
			concurrency = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
		}
		atLeast("concurrency", concurrency, 1);
		atLeast("queue", queue, 0);
		if (maxAnswerSize.toBytes() < 1) {
			throw new IllegalArgumentException(
					"chokepoint.cypher.max-answer-size must be positive, not " + maxAnswerSize);
		}
		allowedProcedures = List.copyOf(allowedProcedures);
	}

	private static void atLeast(String name, int value, int minimum) {
		if (value < minimum) {
			throw new IllegalArgumentException(
					"chokepoint.cypher." + name + " must be at least " + minimum + ", not " + value);
		}
	}

	/**
	 * Whether a query may call the procedure of that fully qualified name (names compare
	 * ignoring case).
	 */
	boolean allowsProcedure(String name) {
		return this.allowedProcedures.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(name));
	}

}
