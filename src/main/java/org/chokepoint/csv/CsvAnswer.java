package org.chokepoint.csv;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An answer that is a table, and so can also be written as CSV
 * ({@code Accept: text/csv}): a header row, then one row per item. Column names are
 * {@code snake_case} and carry the unit of numbers that have one ({@code share_fraction}
 * 0..1, {@code days_of_cover}). Cells are plain values: null is an empty cell, a list is
 * its elements joined by {@code ;}.
 */
public interface CsvAnswer {

	/** The header row. */
	List<String> csvColumns();

	/** The rows, each with as many cells as there are columns. */
	List<List<Object>> csvRows();

	/**
	 * The file name the answer is offered under
	 * ({@code Content-Disposition: attachment}), without {@code .csv}: what the table is
	 * of, e.g. {@code chain-ndfeb-magnet-EU-2026}. Null (the default) names it after the
	 * request path ({@code /api/countries}: {@code countries}).
	 */
	default String csvFileName() {
		return null;
	}

	/**
	 * A file name of parts joined by {@code -}, each reduced to letters, digits, dots,
	 * hyphens and underscores (nothing a user or a browser would have to quote or could
	 * misread as a path); empty and null parts are left out.
	 */
	static String fileName(Object... parts) {
		return Arrays.stream(parts)
			.filter(java.util.Objects::nonNull)
			.map(part -> String.valueOf(part).replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._-]+|[_-]+$", ""))
			.filter(part -> !part.isEmpty())
			.collect(Collectors.joining("-"));
	}

	/**
	 * A list of records as a table: one column per record component, named in
	 * {@code snake_case} (for records whose numbers have no unit, such as the summaries
	 * of the paged lists).
	 */
	static <R extends Record> CsvAnswer ofRecords(Class<R> type, List<? extends R> items) {
		RecordComponent[] components = type.getRecordComponents();
		List<String> columns = Arrays.stream(components).map(c -> snakeCase(c.getName())).toList();
		List<List<Object>> rows = items.stream()
			.map(item -> Arrays.stream(components).map(c -> value(c, item)).toList())
			.toList();
		return new CsvAnswer() {
			@Override
			public List<String> csvColumns() {
				return columns;
			}

			@Override
			public List<List<Object>> csvRows() {
				return rows;
			}
		};
	}

	/**
	 * A cell's text: empty for null, numbers as plain decimals, ISO-8601 for dates, a
	 * list's elements joined by {@code ;}.
	 */
	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof java.util.Map<?, ?> map) {
			return map.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + cell(e.getValue()))
				.collect(Collectors.joining(" "));
		}
		if (value instanceof Collection<?> list) {
			return list.stream().map(CsvAnswer::cell).collect(Collectors.joining(";"));
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof Double || value instanceof Float) {
			// plain decimals (0.000837691806203078, never 8.37691806203078E-4), as short
			// as they are exact
			return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
		}
		if (value instanceof TemporalAccessor) {
			return value.toString();
		}
		return String.valueOf(value);
	}

	/** {@code inForce} becomes {@code in_force}. */
	static String snakeCase(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	private static Object value(RecordComponent component, Object item) {
		try {
			// the list records are package-private in their feature packages
			java.lang.reflect.Method accessor = component.getAccessor();
			accessor.setAccessible(true);
			return accessor.invoke(item);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot read " + component.getName() + " of " + item, ex);
		}
	}

}
