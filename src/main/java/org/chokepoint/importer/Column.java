package org.chokepoint.importer;

/**
 * A column of an import file.
 *
 * @param name the header name
 * @param type what a cell must be
 * @param required whether a cell may be empty
 */
record Column(String name, ColumnType type, boolean required) {

	static Column required(String name, ColumnType type) {
		return new Column(name, type, true);
	}

	static Column optional(String name, ColumnType type) {
		return new Column(name, type, false);
	}

}
