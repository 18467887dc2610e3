package org.chokepoint.adhoc;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A query that was refused, failed in Neo4j or ran out of time, with what the problem
 * detail should say: its status, title, detail and extra properties (Neo4j's error code,
 * the position of a syntax error).
 */
public class CypherQueryException extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final Map<String, Object> properties;

	CypherQueryException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
		super(detail);
		this.status = status;
		this.title = title;
		this.properties = Map.copyOf(properties);
	}

	/** A query the checks or the read transaction refused: 403. */
	static CypherQueryException notAllowed(String reason, String check) {
		return new CypherQueryException(HttpStatus.FORBIDDEN, "Query not allowed",
				reason + ". POST /api/cypher runs read-only queries.", Map.of("check", check));
	}

	public HttpStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	/**
	 * Extra problem-detail properties, e.g. {@code code}, {@code line}, {@code column},
	 * {@code offset}.
	 */
	public Map<String, Object> properties() {
		return this.properties;
	}

}
