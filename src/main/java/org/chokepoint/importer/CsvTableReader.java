package org.chokepoint.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one import file with {@link CsvRecords} (streaming, strict RFC 4180) and checks
 * its shape: UTF-8, a header with the file's required columns and no unknown one, and the
 * same number of cells in every row. Cell contents are checked later, by
 * {@link ImportValidator}.
 */
final class CsvTableReader {

	/** A longer record is refused rather than read. */
	static final int MAX_LINE_CHARS = CsvRecords.MAX_RECORD_CHARS;

	private CsvTableReader() {
	}

	static CsvTable read(ImportFile spec, byte[] bytes, List<ImportError> errors) {
		return read(spec, new ByteArrayInputStream(bytes), errors);
	}

	/**
	 * Returns the table, or null when the file's shape is broken (then the errors say
	 * why). Reads the stream to its end (or its first format error) and closes it.
	 */
	static CsvTable read(ImportFile spec, InputStream in, List<ImportError> errors) {
		String file = spec.fileName();
		try (CsvRecords records = new CsvRecords(in)) {
			List<String> header = header(spec, records, errors);
			if (header == null) {
				return null;
			}
			List<CsvTable.Row> rows = new ArrayList<>();
			boolean shapeOk = true;
			List<String> record;
			while ((record = records.next()) != null) {
				int line = records.recordLine();
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				if (record.size() != header.size()) {
					errors.add(new ImportError(file, line, Math.min(record.size(), header.size()) + 1, null,
							"expected " + header.size() + " columns, found " + record.size()));
					shapeOk = false;
					continue;
				}
				Map<String, String> cells = new LinkedHashMap<>();
				for (int c = 0; c < header.size(); c++) {
					String cell = record.get(c).strip();
					if (!cell.isEmpty()) {
						cells.put(header.get(c), cell);
					}
				}
				rows.add(new CsvTable.Row(line, cells));
			}
			return shapeOk ? new CsvTable(file, header, rows) : null;
		}
		catch (CsvRecords.CsvFormatException ex) {
			errors.add(new ImportError(file, ex.line(), ex.column(), null, ex.getMessage()));
			return null;
		}
		catch (IOException | UncheckedIOException ex) {
			errors.add(new ImportError(file, 0, 0, null, "can't be read: " + ex.getMessage()));
			return null;
		}
	}

	/**
	 * Reads and checks the header row; null (after reporting) when the file is empty or
	 * the header wrong.
	 */
	static List<String> header(ImportFile spec, CsvRecords records, List<ImportError> errors) {
		List<String> first = records.next();
		if (first == null || (first.size() == 1 && first.get(0).isBlank())) {
			errors.add(new ImportError(spec.fileName(), 0, 0, null,
					"the file is empty: it needs at least the header row " + String.join(",", names(spec))));
			return null;
		}
		List<String> header = first.stream().map(String::strip).toList();
		return checkHeader(spec, header, errors) ? header : null;
	}

	static boolean checkHeader(ImportFile spec, List<String> header, List<ImportError> errors) {
		String file = spec.fileName();
		Set<String> expected = new HashSet<>(names(spec));
		boolean ok = true;
		Set<String> seen = new HashSet<>();
		for (int c = 0; c < header.size(); c++) {
			String name = header.get(c);
			if (!seen.add(name)) {
				errors.add(new ImportError(file, 1, c + 1, name, "column appears twice in the header"));
				ok = false;
			}
			else if (!expected.contains(name)) {
				errors.add(new ImportError(file, 1, c + 1, name,
						"unknown column; the columns of " + file + " are " + String.join(",", names(spec))));
				ok = false;
			}
		}
		for (Column column : spec.columns()) {
			if (column.required() && !seen.contains(column.name())) {
				errors.add(new ImportError(file, 1, 0, column.name(), "missing column in the header"));
				ok = false;
			}
		}
		return ok;
	}

	private static List<String> names(ImportFile spec) {
		return spec.columns().stream().map(Column::name).toList();
	}

}
