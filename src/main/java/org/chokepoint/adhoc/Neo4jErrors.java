package org.chokepoint.adhoc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;

import org.springframework.http.HttpStatus;

/**
 * Turns Neo4j's errors about a user's query into {@link CypherQueryException}s. Neo4j
 * 5.26 gives the position of a syntax error only in its message, as
 * {@code (line 1, column 7 (offset: 6))} followed by the offending line and a caret; it
 * is read from there.
 */
final class Neo4jErrors {

	private static final Pattern POSITION = Pattern.compile("\\(line (\\d+), column (\\d+) \\(offset: (\\d+)\\)\\)");

	private Neo4jErrors() {
	}

	/**
	 * The answer for a query that ran out of time: 400 rather than 408, as clients may
	 * repeat a 408 by themselves, and the same query would time out again.
	 * @param code Neo4j's error code when Neo4j stopped it (its transaction timeout), or
	 * null when the application stopped waiting for it
	 */
	static CypherQueryException timedOut(String code, Duration timeout) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (code != null) {
			properties.put("code", code);
		}
		properties.put("limit", "chokepoint.cypher.timeout");
		properties.put("timeoutMillis", timeout.toMillis());
		return new CypherQueryException(HttpStatus.BAD_REQUEST, "Query timed out",
				"The query ran longer than " + timeout.toMillis() + " ms and was stopped (chokepoint.cypher.timeout).",
				properties);
	}

	/**
	 * The error for the user, or null when it is not about the query (the database is
	 * down, a bug): those are left to the default handling.
	 * @param prefixLines the lines put before the user's query (the {@code EXPLAIN}
	 * line), subtracted from positions
	 * @param prefixLength the characters put before it
	 */
	static CypherQueryException translate(Neo4jException ex, Duration timeout, int prefixLines, int prefixLength) {
		String code = ex.code() == null ? "" : ex.code();
		if (code.contains("TransactionTimedOut")) {
			return timedOut(code, timeout);
		}
		if (code.contains("MemoryPoolOutOfMemoryError") || code.contains("OutOfMemory")) {
			return new CypherQueryException(HttpStatus.UNPROCESSABLE_CONTENT, "Query needs too much memory",
					"The query needed more memory than one transaction may use (Neo4j's db.memory.transaction.max,"
							+ " chokepoint.embedded.transaction-max-memory) and was stopped; match less, or"
							+ " aggregate before collecting.",
					Map.of("code", code, "limit", "chokepoint.embedded.transaction-max-memory"));
		}
		if (code.equals("Neo.ClientError.Statement.AccessMode")) {
			return CypherQueryException.notAllowed(
					"writes are not allowed: the read transaction refused it (" + ex.getMessage() + ")", "transaction");
		}
		if (!(ex instanceof ClientException)) {
			return null;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", code);
		String message = ex.getMessage();
		Matcher position = POSITION.matcher(message);
		if (position.find()) {
			long line = Long.parseLong(position.group(1)) - prefixLines;
			long column = Long.parseLong(position.group(2));
			long offset = Long.parseLong(position.group(3)) - prefixLength;
			if (line >= 1 && offset >= 0) {
				properties.put("line", line);
				properties.put("column", column);
				properties.put("offset", offset);
				message = message.substring(0, position.start()) + "(line " + line + ", column " + column + " (offset: "
						+ offset + "))" + message.substring(position.end());
			}
		}
		boolean syntax = code.equals("Neo.ClientError.Statement.SyntaxError");
		return new CypherQueryException(HttpStatus.BAD_REQUEST, syntax ? "Cypher syntax error" : "Query failed",
				message, properties);
	}

}
