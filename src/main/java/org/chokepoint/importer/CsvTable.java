package org.chokepoint.importer;

import java.util.List;
import java.util.Map;

/**
 * A CSV file as read: its header and its rows, each with the line it starts on.
 *
 * @param file the file name
 * @param header the column names, in file order
 * @param rows the data rows
 */
record CsvTable(String file, List<String> header, List<Row> rows) {

	/**
	 * One data row.
	 *
	 * @param line the 1-based line it starts on
	 * @param cells header name to cell text, empty cells absent
	 */
	record Row(int line, Map<String, String> cells) {

		String get(String column) {
			return this.cells.get(column);
		}

	}

	int columnNumber(String name) {
		return this.header.indexOf(name) + 1;
	}

}
