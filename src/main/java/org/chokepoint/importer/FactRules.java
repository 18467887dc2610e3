package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules that span rows: which items a stage can have, shares of a group adding up to
 * at most 1, quantity groups against the world total (from which each country's share is
 * derived), facts without a value, suspension dates, and bills of materials without
 * cycles.
 */
final class FactRules {

	private final Map<ImportFile, CsvTable> tables;

	private final Map<ImportFile, List<Map<String, Object>>> typed;

	private final List<ImportError> errors;

	private final List<String> warnings;

	private final Set<String> products = new HashSet<>();

	FactRules(Map<ImportFile, CsvTable> tables, Map<ImportFile, List<Map<String, Object>>> typed,
			List<ImportError> errors, List<String> warnings) {
		this.tables = tables;
		this.typed = typed;
		this.errors = errors;
		this.warnings = warnings;
		typed.get(ImportFile.PRODUCTS).forEach(row -> this.products.add((String) row.get("id")));
	}

	void check() {
		stagesFitItems(ImportFile.PRODUCTION);
		stagesFitItems(ImportFile.WORLD_TOTALS);
		stagesFitItems(ImportFile.SOURCING);
		stagesFitItems(ImportFile.HS_CODES);
		needsValue(ImportFile.PRODUCTION, "quantity", "share", "published_as");
		needsValue(ImportFile.RESERVES, "quantity", "published_as");
		needsValue(ImportFile.IMPORT_RELIANCE, "share", "published_as");
		needsValue(ImportFile.STOCKPILES, "quantity", "days_of_cover", "value_usd", "published_as");
		deriveProductionShares();
		sourcingSharesAddUp();
		sourcingGroupsHaveOneBasis();
		suspensions();
		bomWithoutCycles();
	}

	private void stagesFitItems(ImportFile file) {
		for (Map<String, Object> row : this.typed.get(file)) {
			String item = (String) row.get("item");
			boolean product = this.products.contains(item);
			boolean manufacturing = "MANUFACTURING".equals(row.get("stage"));
			if (product != manufacturing) {
				error(file, row, "stage", manufacturing
						? "MANUFACTURING is for products, but " + item + " is a mineral (use MINING or REFINING)"
						: row.get("stage") + " is for minerals, but " + item + " is a product (use MANUFACTURING)");
			}
		}
	}

	private void needsValue(ImportFile file, String... columns) {
		for (Map<String, Object> row : this.typed.get(file)) {
			boolean any = false;
			for (String column : columns) {
				any |= row.get(column) != null;
			}
			if (!any) {
				error(file, row, columns[0], "a fact needs a value: fill one of " + String.join(", ", columns));
			}
		}
	}

	/**
	 * Per (item, stage, year, source): all quantities or all shares; derives each
	 * country's share.
	 */
	private void deriveProductionShares() {
		Map<List<Object>, Map<String, Object>> totals = new HashMap<>();
		for (Map<String, Object> total : this.typed.get(ImportFile.WORLD_TOTALS)) {
			totals.put(groupKey(total), total);
		}
		Map<List<Object>, List<Map<String, Object>>> groups = new LinkedHashMap<>();
		for (Map<String, Object> row : this.typed.get(ImportFile.PRODUCTION)) {
			groups.computeIfAbsent(groupKey(row), k -> new ArrayList<>()).add(row);
		}
		for (Map.Entry<List<Object>, List<Map<String, Object>>> group : groups.entrySet()) {
			List<Map<String, Object>> rows = group.getValue();
			boolean quantities = rows.stream().anyMatch(r -> r.get("quantity") != null);
			boolean shares = rows.stream().anyMatch(r -> r.get("share") != null);
			if (quantities && shares) {
				Map<String, Object> offending = rows.stream().filter(r -> r.get("share") != null).findFirst().get();
				error(ImportFile.PRODUCTION, offending, "share", "the group " + group.getKey()
						+ " gives quantities; a share here would be typed in twice (shares are derived from quantities)");
				continue;
			}
			if (shares) {
				double sum = rows.stream().mapToDouble(r -> r.get("share") == null ? 0 : (Double) r.get("share")).sum();
				if (sum > 1 + ImportValidator.SHARE_SUM_TOLERANCE) {
					error(ImportFile.PRODUCTION, rows.get(rows.size() - 1), "share",
							"the shares of " + group.getKey() + " add up to " + sum + ", more than 1");
				}
				continue;
			}
			double sum = rows.stream()
				.mapToDouble(r -> r.get("quantity") == null ? 0 : (Double) r.get("quantity"))
				.sum();
			Map<String, Object> total = totals.get(group.getKey());
			double denominator = sum;
			if (total != null) {
				double worldTotal = (Double) total.get("quantity");
				String unit = (String) total.get("unit");
				rows.stream()
					.filter(r -> r.get("unit") != null && !r.get("unit").equals(unit))
					.findFirst()
					.ifPresent(r -> error(ImportFile.PRODUCTION, r, "unit",
							"unit \"" + r.get("unit") + "\" differs from the world total's \"" + unit
									+ "\" in world_totals.csv line " + total.get("_line")));
				if (worldTotal >= sum) {
					denominator = worldTotal;
				}
				else {
					this.warnings.add("production.csv " + group.getKey() + ": the countries add up to " + sum
							+ ", more than the world total " + worldTotal
							+ " (rounding?); shares are taken of their sum");
				}
			}
			for (Map<String, Object> row : rows) {
				if (row.get("quantity") != null && denominator > 0) {
					row.put("share", (Double) row.get("quantity") / denominator);
					row.put("worldTotal", denominator);
				}
			}
		}
	}

	private static List<Object> groupKey(Map<String, Object> row) {
		return List.of(row.get("item"), row.get("stage"), row.get("year"), row.get("source"));
	}

	private void sourcingSharesAddUp() {
		Map<List<Object>, Double> sums = new HashMap<>();
		Map<List<Object>, Map<String, Object>> last = new HashMap<>();
		for (Map<String, Object> row : this.typed.get(ImportFile.SOURCING)) {
			List<Object> key = List.of(row.get("buyer"), row.get("item"), row.get("stage"), row.get("year"),
					row.get("source"));
			sums.merge(key, (Double) row.get("share"), Double::sum);
			last.put(key, row);
		}
		sums.forEach((key, sum) -> {
			if (sum > 1 + ImportValidator.SHARE_SUM_TOLERANCE) {
				error(ImportFile.SOURCING, last.get(key), "share",
						"the shares of buyer/item/stage/year/source " + key + " add up to " + sum + ", more than 1");
			}
		});
	}

	/**
	 * The shares of one (buyer, item, stage, year, source) group are all of the buyer's
	 * supply or all of its imports: a mixed group could not be read as either (domain.md,
	 * "A buyer's supply").
	 */
	private void sourcingGroupsHaveOneBasis() {
		Map<List<Object>, Map<String, Object>> first = new HashMap<>();
		for (Map<String, Object> row : this.typed.get(ImportFile.SOURCING)) {
			Object basis = row.get("basis");
			if (basis == null) {
				continue; // already reported as a missing or wrong cell
			}
			List<Object> key = List.of(row.get("buyer"), row.get("item"), row.get("stage"), row.get("year"),
					row.get("source"));
			Map<String, Object> earlier = first.putIfAbsent(key, row);
			if (earlier != null && earlier.get("basis") != null && !basis.equals(earlier.get("basis"))) {
				error(ImportFile.SOURCING, row, "basis",
						"basis " + basis + " differs from basis " + earlier.get("basis") + " at line "
								+ earlier.get("_line") + " in the same buyer/item/stage/year/source group " + key
								+ ": a group's shares are all of the buyer's supply or all of its imports");
			}
		}
	}

	private void suspensions() {
		for (Map<String, Object> row : this.typed.get(ImportFile.MEASURES)) {
			Object from = row.get("suspended_from");
			Object until = row.get("suspended_until");
			if ((from == null) != (until == null)) {
				error(ImportFile.MEASURES, row, from == null ? "suspended_from" : "suspended_until",
						"a suspension needs both suspended_from and suspended_until");
			}
			else if (from != null && ((java.time.LocalDate) from).isAfter((java.time.LocalDate) until)) {
				error(ImportFile.MEASURES, row, "suspended_until", "suspended_until is before suspended_from");
			}
		}
	}

	private void bomWithoutCycles() {
		Map<String, List<Map<String, Object>>> edges = new LinkedHashMap<>();
		for (Map<String, Object> row : this.typed.get(ImportFile.BOM)) {
			edges.computeIfAbsent((String) row.get("product"), k -> new ArrayList<>()).add(row);
		}
		Map<String, Integer> state = new HashMap<>();
		for (String product : edges.keySet()) {
			List<Map<String, Object>> path = new ArrayList<>();
			if (findCycle(product, edges, state, path)) {
				List<String> items = new ArrayList<>();
				path.forEach(edge -> items.add((String) edge.get("product")));
				items.add((String) path.get(path.size() - 1).get("input"));
				error(ImportFile.BOM, path.get(path.size() - 1), "input",
						"the bill of materials has a cycle: " + String.join(" -> ", items));
				return;
			}
		}
	}

	/**
	 * Depth-first search; state 1 = on the current path, 2 = done. Leaves the cycle's
	 * edges in path.
	 */
	private boolean findCycle(String item, Map<String, List<Map<String, Object>>> edges, Map<String, Integer> state,
			List<Map<String, Object>> path) {
		Integer current = state.get(item);
		if (current != null) {
			return current == 1;
		}
		state.put(item, 1);
		for (Map<String, Object> edge : edges.getOrDefault(item, List.of())) {
			path.add(edge);
			if (findCycle((String) edge.get("input"), edges, state, path)) {
				String start = (String) path.get(path.size() - 1).get("input");
				while (!path.get(0).get("product").equals(start)) {
					path.remove(0);
				}
				return true;
			}
			path.remove(path.size() - 1);
		}
		state.put(item, 2);
		return false;
	}

	private void error(ImportFile file, Map<String, Object> row, String column, String message) {
		CsvTable table = this.tables.get(file);
		this.errors.add(new ImportError(file.fileName(), (Integer) row.get("_line"), table.columnNumber(column), column,
				message));
	}

}
