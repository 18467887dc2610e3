package org.chokepoint.datareport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.csv.CsvAnswer;

/**
 * One section of the data report ({@code GET /api/data/report?section=coverage}): its
 * rows as the query of cypher/queries/ returns them.
 *
 * @param dataVersion the version of the imported data
 * @param section the section's name
 * @param items its rows
 */
public record DataReportSection(String dataVersion, String section,
		List<Map<String, Object>> items) implements CsvAnswer {

	/**
	 * As CSV (docs/csv.md): one row per item; the columns are the rows' fields in
	 * {@code snake_case}, in the order the query returns them; a list cell joins its
	 * elements by {@code ;}, a map cell is {@code key=value} pairs.
	 */
	@Override
	public List<String> csvColumns() {
		return fields().stream().map(CsvAnswer::snakeCase).toList();
	}

	@Override
	public List<List<Object>> csvRows() {
		List<String> fields = fields();
		return this.items.stream().map(item -> {
			List<Object> row = new ArrayList<>(fields.size());
			fields.forEach(field -> row.add(item.get(field)));
			return row;
		}).toList();
	}

	/** {@code data-report-coverage}. */
	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("data-report", this.section);
	}

	private List<String> fields() {
		Set<String> fields = new LinkedHashSet<>();
		this.items.forEach(item -> fields.addAll(item.keySet()));
		return List.copyOf(fields);
	}

}
