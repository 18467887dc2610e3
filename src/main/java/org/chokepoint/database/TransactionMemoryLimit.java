package org.chokepoint.database;

import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The limit of one transaction's memory (Neo4j's {@code db.memory.transaction.max}, set
 * on the embedded database by {@value #SETTING}): how to tell that an error is it being
 * reached, for the features that turn it into an answer saying what to do.
 */
public final class TransactionMemoryLimit {

	/** The setting of the embedded database's limit (256MB by default). */
	public static final String SETTING = "chokepoint.embedded.transaction-max-memory";

	private TransactionMemoryLimit() {
	}

	/**
	 * Whether {@code ex}, or an exception it was caused by (Spring Data Neo4j wraps the
	 * driver's), is a transaction reaching its memory limit: Neo4j 5 reports it as a
	 * memory pool out of memory, earlier versions as a transaction out of memory.
	 */
	public static boolean reached(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof Neo4jException neo4j) {
				String code = neo4j.code() == null ? "" : neo4j.code();
				if (code.contains("OutOfMemory") || code.contains("MemoryLimit")) {
					return true;
				}
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
