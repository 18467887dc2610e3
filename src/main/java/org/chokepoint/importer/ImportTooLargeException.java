package org.chokepoint.importer;

/**
 * An incremental trade import, or removal, that needed more memory than one transaction
 * may use (Neo4j's {@code db.memory.transaction.max}, which
 * {@code chokepoint.embedded.transaction-max-memory} sets on the embedded database): it
 * is done in one transaction so as to be all or nothing, and was rolled back, so nothing
 * changed. The message says how large it was and what to do.
 */
public class ImportTooLargeException extends RuntimeException {

	/** The setting that limits a transaction's memory on the embedded database. */
	public static final String LIMIT = "chokepoint.embedded.transaction-max-memory";

	ImportTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether a database error is a transaction's memory limit (Neo4j 5 reports it as a
	 * memory pool out of memory; earlier as a transaction out of memory).
	 */
	static boolean isMemoryLimit(org.neo4j.driver.exceptions.Neo4jException ex) {
		String code = ex.code() == null ? "" : ex.code();
		return code.contains("OutOfMemory") || code.contains("MemoryLimit");
	}

}
