package org.chokepoint.supplychain;

import java.util.Locale;

/**
 * Which engine computes a chain: the in-memory projection (the default), or
 * {@code cypher/queries/chain.cypher} run as is, the query Neo4j Browser users run; both
 * give the same figures (ChainEnginesIT), so either can check the other on the same
 * request.
 */
enum ChainEngine {

	/** The chain facts in memory ({@link ChainProjection}), computed in Java. */
	PROJECTION,

	/** chain.cypher in the database ({@link ChainCypher}). */
	CYPHER;

	/** The word used in the API ({@code projection}, {@code cypher}). */
	@com.fasterxml.jackson.annotation.JsonValue
	String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The engine for its word, case-insensitive; null for any other. */
	static ChainEngine of(String word) {
		for (ChainEngine engine : values()) {
			if (engine.word().equalsIgnoreCase(word)) {
				return engine;
			}
		}
		return null;
	}

}
