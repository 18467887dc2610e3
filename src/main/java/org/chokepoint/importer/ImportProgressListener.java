package org.chokepoint.importer;

/**
 * Told of an import's progress, on the importing thread, with the messages the log shows
 * ({@code "sourcing.csv: 10000 / 252000 rows"},
 * {@code "trade_flows.csv: 20000 / 90000 SOURCES
 * relationships"}): each after a batch is written, before the import commits. Beans of
 * this type are called in turn; one that throws aborts the import (nothing is written).
 */
@FunctionalInterface
public interface ImportProgressListener {

	void progress(String message);

}
