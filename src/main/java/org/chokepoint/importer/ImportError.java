package org.chokepoint.importer;

/**
 * One problem found in an import folder, located as precisely as it can be.
 *
 * @param file the file name
 * @param line the 1-based line, 0 when the problem is the file as a whole
 * @param column the 1-based column, 0 when the problem is a whole row
 * @param columnName the header of that column, or null
 * @param message what is wrong
 */
public record ImportError(String file, int line, int column, String columnName, String message) {

	@Override
	public String toString() {
		StringBuilder location = new StringBuilder(this.file);
		if (this.line > 0) {
			location.append(':').append(this.line);
		}
		if (this.column > 0) {
			location.append(':').append(this.column);
		}
		if (this.columnName != null) {
			location.append(" (").append(this.columnName).append(')');
		}
		return location + ": " + this.message;
	}

}
