package org.chokepoint.importer;

import org.chokepoint.database.TransactionMemoryLimit;

/**
 * An incremental trade import or removal, or a full import's switch, that needed more
 * memory than one transaction may use (Neo4j's {@code db.memory.transaction.max}, which
 * {@code chokepoint.embedded.transaction-max-memory} sets on the embedded database): it
 * is done in one transaction so as to be all or nothing, and was rolled back, so nothing
 * changed. The message says how large it was and what to do.
 */
public class ImportTooLargeException extends RuntimeException {

	/** The setting that limits a transaction's memory on the embedded database. */
	public static final String LIMIT = TransactionMemoryLimit.SETTING;

	ImportTooLargeException(String message, Throwable cause) {
		super(message, cause);
	}

}
