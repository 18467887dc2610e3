package org.chokepoint.importer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every cell and every cross-row rule of an import folder and turns the rows into
 * typed values. Collects all errors of the run rather than stopping at the first.
 */
final class ImportValidator {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*");

	private static final Pattern BLOC_CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final Pattern HS6 = Pattern.compile("[0-9]{4}([0-9]{2})?");

	/**
	 * A plain ASCII decimal: no hex, no type suffix ({@code d}, {@code f}), no leading
	 * {@code +}, no bare dot; a minus only to say "negative" in the error.
	 */
	private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]{1,4})?");

	/** A year: four ASCII digits (not full-width or Arabic-Indic ones, no sign). */
	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	/** An ISO date with a four-digit year and no sign. */
	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	/** The first year a file may give, and the last (years, dates). */
	static final int FIRST_YEAR = 1900;

	static final int LAST_YEAR = 2100;

	private static final Set<String> ISO3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

	/**
	 * Shares of a group may add up to 1 plus this (rounding in the published figures).
	 */
	static final double SHARE_SUM_TOLERANCE = 1e-6;

	private final Map<ImportFile, CsvTable> tables;

	private final List<ImportError> errors;

	private final Map<ColumnType, Set<String>> keys = new EnumMap<>(ColumnType.class);

	private final List<String> warnings = new ArrayList<>();

	private final Set<ImportFile> unreadable;

	/**
	 * @param tables the files that were read
	 * @param unreadable the files present but too broken to read (their errors are
	 * already reported)
	 * @param errors where errors go
	 */
	ImportValidator(Map<ImportFile, CsvTable> tables, Set<ImportFile> unreadable, List<ImportError> errors) {
		this.tables = tables;
		this.unreadable = unreadable;
		this.errors = errors;
	}

	/**
	 * A validator of single cells ({@link #cell}) against the keys of {@code tables}
	 * alone: what an incremental trade import checks its rows with, the tables holding
	 * the keys already in the graph.
	 */
	static ImportValidator ofKeys(Map<ImportFile, CsvTable> tables, List<ImportError> errors) {
		ImportValidator validator = new ImportValidator(tables, Set.of(), errors);
		validator.collectKeys();
		return validator;
	}

	Map<ImportFile, List<Map<String, Object>>> validate() {
		collectKeys();
		Map<ImportFile, List<Map<String, Object>>> typed = new EnumMap<>(ImportFile.class);
		for (ImportFile file : ImportFile.values()) {
			CsvTable table = this.tables.get(file);
			typed.put(file, table == null ? List.of() : typeRows(file, table));
		}
		new FactRules(this.tables, typed, this.errors, this.warnings).check();
		return typed;
	}

	List<String> warnings() {
		return this.warnings;
	}

	private void collectKeys() {
		this.keys.put(ColumnType.SOURCE, keysOf(ImportFile.SOURCES, "id"));
		this.keys.put(ColumnType.COUNTRY, keysOf(ImportFile.COUNTRIES, "iso3"));
		this.keys.put(ColumnType.BLOC, keysOf(ImportFile.BLOCS, "code"));
		this.keys.put(ColumnType.MINERAL, keysOf(ImportFile.MINERALS, "id"));
		this.keys.put(ColumnType.PRODUCT, keysOf(ImportFile.PRODUCTS, "id"));
		this.keys.put(ColumnType.AGREEMENT, keysOf(ImportFile.AGREEMENTS, "id"));
		this.keys.put(ColumnType.MEASURE, keysOf(ImportFile.MEASURES, "id"));
		this.keys.put(ColumnType.NEW_HS6, keysOf(ImportFile.HS_CODES, "hs6"));
		sharedKeys(ImportFile.PRODUCTS, "id", ColumnType.MINERAL, "a mineral");
		sharedKeys(ImportFile.HS_CODES, "hs6", ColumnType.MINERAL, "a mineral");
		sharedKeys(ImportFile.HS_CODES, "hs6", ColumnType.PRODUCT, "a product");
		sharedKeys(ImportFile.BLOCS, "code", ColumnType.COUNTRY, "a country");
	}

	/**
	 * Minerals and products share one key space (items), as do countries and blocs
	 * (parties).
	 */
	private void sharedKeys(ImportFile file, String column, ColumnType other, String what) {
		CsvTable table = this.tables.get(file);
		Set<String> otherKeys = this.keys.get(other);
		if (table == null || otherKeys == null) {
			return;
		}
		for (CsvTable.Row row : table.rows()) {
			if (otherKeys.contains(row.get(column))) {
				error(table, row, column,
						"\"" + row.get(column) + "\" is already " + what + "; keys must be unique across both");
			}
		}
	}

	private Set<String> keysOf(ImportFile file, String column) {
		Set<String> result = new HashSet<>();
		CsvTable table = this.tables.get(file);
		if (table == null && this.unreadable.contains(file)) {
			// its own errors are reported; every reference to it would only repeat them
			return null;
		}
		if (table != null) {
			table.rows().forEach(row -> {
				if (row.get(column) != null) {
					result.add(row.get(column));
				}
			});
		}
		return result;
	}

	private List<Map<String, Object>> typeRows(ImportFile file, CsvTable table) {
		List<Map<String, Object>> result = new ArrayList<>();
		Map<List<Object>, Integer> seenKeys = new HashMap<>();
		for (CsvTable.Row row : table.rows()) {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("_line", row.line());
			boolean ok = true;
			for (Column column : file.columns()) {
				String cell = row.get(column.name());
				if (cell == null) {
					if (column.required()) {
						error(table, row, column.name(), "required, but empty");
						ok = false;
					}
					continue;
				}
				Object value = convert(table, row, column, cell);
				if (value == null) {
					ok = false;
				}
				else {
					values.put(column.name(), value);
				}
			}
			if (!ok) {
				continue;
			}
			List<Object> key = file.key().stream().map(values::get).toList();
			Integer firstLine = seenKeys.putIfAbsent(key, row.line());
			if (firstLine != null) {
				error(table, row, file.key().get(0),
						"duplicate key " + String.join("/", file.key()) + " = " + key + ", first on line " + firstLine);
				continue;
			}
			result.add(values);
		}
		return result;
	}

	/**
	 * The keys of a kind (e.g. the ISO3 codes of countries.csv), or null when its file
	 * was unreadable.
	 */
	Set<String> keys(ColumnType type) {
		return this.keys.get(type);
	}

	/**
	 * One cell of a file read outside {@link #validate()} (streamed): its typed value, or
	 * null after reporting.
	 */
	Object cell(CsvTable table, CsvTable.Row row, Column column, String cell) {
		return convert(table, row, column, cell);
	}

	/** The typed value, or null after reporting why the cell is wrong. */
	private Object convert(CsvTable table, CsvTable.Row row, Column column, String cell) {
		String name = column.name();
		switch (column.type()) {
			case TEXT:
				return cell;
			case SLUG:
				return matches(table, row, name, cell, SLUG, "a lower-case slug such as ndfeb-magnet");
			case ID:
				return matches(table, row, name, cell, ID, "an id of letters, digits and single - . or _");
			case NEW_BLOC:
				return matches(table, row, name, cell, BLOC_CODE, "an upper-case bloc code such as EU");
			case NEW_HS6:
				return matches(table, row, name, cell, HS6,
						"an HS code of six digits such as 810292 (or a four-digit heading)");
			case TRADE_ITEM:
				if (known(ColumnType.MINERAL, ColumnType.PRODUCT) && this.keys.get(ColumnType.NEW_HS6) != null
						&& !this.keys.get(ColumnType.MINERAL).contains(cell)
						&& !this.keys.get(ColumnType.PRODUCT).contains(cell)
						&& !this.keys.get(ColumnType.NEW_HS6).contains(cell)) {
					return fail(table, row, name, "unknown item \"" + abbreviate(cell)
							+ "\" (not in minerals.csv, products.csv nor, as an HS code, hs_codes.csv)");
				}
				return cell;
			case NEW_ISO3:
				if (!ISO3.contains(cell)) {
					return fail(table, row, name, "unknown ISO 3166-1 alpha-3 country code \"" + cell + "\"");
				}
				return cell;
			case COUNTRY, BLOC, MINERAL, PRODUCT, SOURCE, AGREEMENT, MEASURE:
				if (this.keys.get(column.type()) != null && !this.keys.get(column.type()).contains(cell)) {
					return fail(table, row, name, "unknown " + column.type().name().toLowerCase(Locale.ROOT) + " \""
							+ cell + "\" (not in " + fileOf(column.type()) + ")");
				}
				return cell;
			case PARTY:
				if (known(ColumnType.COUNTRY, ColumnType.BLOC) && !this.keys.get(ColumnType.COUNTRY).contains(cell)
						&& !this.keys.get(ColumnType.BLOC).contains(cell)) {
					return fail(table, row, name,
							"unknown country or bloc \"" + cell + "\" (not in countries.csv nor blocs.csv)");
				}
				return cell;
			case ITEM:
				if (known(ColumnType.MINERAL, ColumnType.PRODUCT) && !this.keys.get(ColumnType.MINERAL).contains(cell)
						&& !this.keys.get(ColumnType.PRODUCT).contains(cell)) {
					return fail(table, row, name,
							"unknown item \"" + cell + "\" (not in minerals.csv nor products.csv)");
				}
				return cell;
			case QUANTITY:
				return number(table, row, name, cell, false);
			case FACTOR:
				Object factor = number(table, row, name, cell, false);
				if (factor != null && (Double) factor == 0) {
					return fail(table, row, name, "a conversion factor must be above 0");
				}
				return factor;
			case SHARE:
				return number(table, row, name, cell, true);
			case YEAR:
				if (!YEAR.matcher(cell).matches()) {
					return fail(table, row, name, "not a year of four digits 0-9: \"" + abbreviate(cell) + "\"");
				}
				long year = Long.parseLong(cell);
				if (year < FIRST_YEAR || year > LAST_YEAR) {
					return fail(table, row, name, "year " + cell + " outside " + FIRST_YEAR + ".." + LAST_YEAR);
				}
				return year;
			case DATE:
				if (!DATE.matcher(cell).matches()) {
					return fail(table, row, name, "not a date YYYY-MM-DD: \"" + abbreviate(cell) + "\"");
				}
				try {
					LocalDate date = LocalDate.parse(cell);
					if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
						return fail(table, row, name,
								"date " + cell + " outside the years " + FIRST_YEAR + ".." + LAST_YEAR);
					}
					return date;
				}
				catch (DateTimeParseException ex) {
					return fail(table, row, name, "not a date YYYY-MM-DD: \"" + abbreviate(cell) + "\"");
				}
			case BOOLEAN:
				if (!cell.equals("true") && !cell.equals("false")) {
					return fail(table, row, name, "not true or false: \"" + abbreviate(cell) + "\"");
				}
				return Boolean.valueOf(cell);
			case STAGE:
				return oneOf(table, row, name, cell, "MINING", "REFINING", "MANUFACTURING");
			case PRODUCT_KIND:
				return oneOf(table, row, name, cell, "COMPONENT", "END_PRODUCT");
			case QUALITY:
				return oneOf(table, row, name, cell, "official", "secondary", "estimate");
			case AGREEMENT_TYPE:
				return oneOf(table, row, name, cell, "PARTNERSHIP", "AGREEMENT", "FRAMEWORK", "ALLIANCE",
						"JOINT_STATEMENT", "TRUCE", "REGULATION", "STOCKPILE_PROGRAMME", "MEETING");
			case MEASURE_TYPE:
				return oneOf(table, row, name, cell, "EXPORT_BAN", "EXPORT_LICENCE", "TECHNOLOGY_BAN", "TARIFF",
						"QUOTA");
			case BASIS:
				return oneOf(table, row, name, cell, "supply", "imports");
			default:
				throw new IllegalStateException("no rule for " + column.type());
		}
	}

	private boolean known(ColumnType first, ColumnType second) {
		return this.keys.get(first) != null && this.keys.get(second) != null;
	}

	private Object number(CsvTable table, CsvTable.Row row, String name, String cell, boolean share) {
		if (cell.length() > 100 || !NUMBER.matcher(cell).matches()) {
			return fail(table, row, name, "not a plain decimal number such as 12.5 or 1.2e6: \"" + abbreviate(cell)
					+ "\" (write a value published as text in published_as)");
		}
		if (cell.startsWith("-")) {
			return fail(table, row, name, "negative: " + cell);
		}
		double value = Double.parseDouble(cell);
		if (!Double.isFinite(value)) {
			return fail(table, row, name, "not a finite number: \"" + abbreviate(cell) + "\"");
		}
		if (value == 0 && mantissa(cell).chars().anyMatch(c -> c >= '1' && c <= '9')) {
			return fail(table, row, name, "too small to hold (it would be stored as 0): " + cell);
		}
		if (share && value > 1) {
			return fail(table, row, name, "share " + cell + " outside 0..1 (a share is a fraction, not a percentage)");
		}
		if (!share && value > 1e15) {
			return fail(table, row, name, "implausibly large quantity " + cell + " (above 1e15)");
		}
		return value;
	}

	private static String mantissa(String number) {
		int e = Math.max(number.indexOf('e'), number.indexOf('E'));
		return e < 0 ? number : number.substring(0, e);
	}

	private Object matches(CsvTable table, CsvTable.Row row, String name, String cell, Pattern pattern, String what) {
		if (cell.length() > 200 || !pattern.matcher(cell).matches()) {
			return fail(table, row, name, "\"" + abbreviate(cell) + "\" is not " + what);
		}
		return cell;
	}

	private Object oneOf(CsvTable table, CsvTable.Row row, String name, String cell, String... allowed) {
		for (String value : allowed) {
			if (value.equals(cell)) {
				return cell;
			}
		}
		return fail(table, row, name, "\"" + abbreviate(cell) + "\" is not one of " + String.join(", ", allowed));
	}

	private Object fail(CsvTable table, CsvTable.Row row, String column, String message) {
		error(table, row, column, message);
		return null;
	}

	private void error(CsvTable table, CsvTable.Row row, String column, String message) {
		this.errors.add(new ImportError(table.file(), row.line(), table.columnNumber(column), column, message));
	}

	private static String fileOf(ColumnType type) {
		return switch (type) {
			case COUNTRY -> "countries.csv";
			case BLOC -> "blocs.csv";
			case MINERAL -> "minerals.csv";
			case PRODUCT -> "products.csv";
			case SOURCE -> "sources.csv";
			case AGREEMENT -> "agreements.csv";
			case MEASURE -> "measures.csv";
			default -> "?";
		};
	}

	static String abbreviate(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

}
