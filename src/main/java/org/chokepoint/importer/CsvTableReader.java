package org.chokepoint.importer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * Reads one import file with Jackson's CSV module and checks its shape: UTF-8, a header
 * with the file's required columns and no unknown one, and the same number of cells in
 * every row. Cell contents are checked later, by {@link ImportValidator}.
 */
final class CsvTableReader {

	/**
	 * A longer line is refused rather than read (a runaway quote can swallow a whole
	 * file).
	 */
	static final int MAX_LINE_CHARS = 1_000_000;

	static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

	private CsvTableReader() {
	}

	/**
	 * Returns the table, or null when the file's shape is broken (then the errors say
	 * why).
	 */
	static CsvTable read(ImportFile spec, byte[] bytes, List<ImportError> errors) {
		String file = spec.fileName();
		String text = decode(file, bytes, errors);
		if (text == null) {
			return null;
		}
		if (text.startsWith("\uFEFF")) {
			// spreadsheet programs write a byte-order mark; it is not part of the first
			// column's name
			text = text.substring(1);
		}
		if (text.isBlank()) {
			errors.add(new ImportError(file, 0, 0, null,
					"the file is empty: it needs at least the header row " + String.join(",", names(spec))));
			return null;
		}
		int longLine = longLine(text);
		if (longLine > 0) {
			errors.add(new ImportError(file, longLine, 0, null,
					"line longer than " + MAX_LINE_CHARS + " characters (an unclosed quote?)"));
			return null;
		}
		List<List<String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		try (MappingIterator<List<String>> iterator = MAPPER.readerForListOf(String.class).readValues(text)) {
			int line = 1;
			while (iterator.hasNextValue()) {
				List<String> record = iterator.nextValue();
				lines.add(line);
				records.add(record);
				line = iterator.currentLocation().getLineNr();
				if (iterator.currentLocation().getColumnNr() > 1) {
					line++;
				}
			}
		}
		catch (JacksonException ex) {
			errors.add(new ImportError(file, ex.getLocation() != null ? ex.getLocation().getLineNr() : 0, 0, null,
					"not valid CSV: " + ex.getOriginalMessage()));
			return null;
		}
		List<String> header = records.get(0).stream().map(String::strip).toList();
		if (!checkHeader(spec, header, errors)) {
			return null;
		}
		List<CsvTable.Row> rows = new ArrayList<>();
		boolean shapeOk = true;
		for (int i = 1; i < records.size(); i++) {
			List<String> record = records.get(i);
			int line = lines.get(i);
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

	private static String decode(String file, byte[] bytes, List<ImportError> errors) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			return decoder.decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			int bad = firstInvalidUtf8(bytes);
			int line = 1;
			for (int i = 0; i < bad; i++) {
				if (bytes[i] == '\n') {
					line++;
				}
			}
			errors.add(new ImportError(file, line, 0, null, String
				.format("not UTF-8: byte 0x%02X at offset %d; save the file as UTF-8", bytes[bad] & 0xFF, bad)));
			return null;
		}
	}

	private static int firstInvalidUtf8(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		int low = 0;
		int high = bytes.length;
		// the longest valid prefix, by bisection
		while (low < high) {
			int mid = (low + high + 1) / 2;
			try {
				decoder.reset();
				decoder.decode(ByteBuffer.wrap(bytes, 0, mid));
				low = mid;
			}
			catch (CharacterCodingException ex) {
				high = mid - 1;
			}
		}
		return Math.min(low, bytes.length - 1);
	}

	private static int longLine(String text) {
		int line = 1;
		int length = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				length = 0;
			}
			else if (++length > MAX_LINE_CHARS) {
				return line;
			}
		}
		return 0;
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
