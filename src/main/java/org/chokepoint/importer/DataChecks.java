package org.chokepoint.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks of a data folder beyond validity, to catch transcription errors: per (item,
 * stage, year, source), the countries' quantities plus the source's "other countries"
 * must give its world total within the rounding of published totals; no country may be
 * listed and never used. (A source cited only in notes is fine: it is the provenance of
 * the note.)
 */
public final class DataChecks {

	/** The least tolerance, as a fraction of the world total. */
	public static final double TOTAL_TOLERANCE = 0.01;

	private DataChecks() {
	}

	/**
	 * Reads and validates a folder, then checks it; returns every finding (none: the data
	 * is consistent).
	 */
	public static List<String> check(Path directory) {
		ImportFolder folder = ImportFolder.directory(directory);
		ImportErrors errors = new ImportErrors(ImportLimits.DEFAULT);
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		folder.files().forEach((file, source) -> {
			if (file == ImportFile.TRADE_FLOWS) {
				return; // streamed below, as the import reads it
			}
			CsvTable table = ImportReader.read(file, source, errors);
			if (table == null) {
				unreadable.add(file);
			}
			else {
				tables.put(file, table);
			}
		});
		ImportValidator validator = new ImportValidator(tables, unreadable, errors);
		Map<ImportFile, List<Map<String, Object>>> rows = validator.validate();
		Set<String> used = new HashSet<>();
		ImportFolder.Source tradeFlows = folder.files().get(ImportFile.TRADE_FLOWS);
		if (tradeFlows != null) {
			Set<String> products = new HashSet<>();
			rows.get(ImportFile.PRODUCTS).forEach(p -> products.add((String) p.get("id")));
			try {
				used.addAll(TradeFlows
					.read(tradeFlows.open(), validator, rows.get(ImportFile.HS_CODES), products, errors, message -> {
					})
					.parties());
			}
			catch (IOException ex) {
				errors.add(new ImportError(tradeFlows.name(), 0, 0, null, "can't be read: " + ex.getMessage()));
			}
		}
		List<String> findings = new ArrayList<>(errors.withSummary().stream().map(ImportError::toString).toList());
		findings.addAll(totals(rows));
		findings.addAll(unused(rows, used));
		return findings;
	}

	static List<String> totals(Map<ImportFile, List<Map<String, Object>>> rows) {
		Map<List<Object>, Double> sums = new HashMap<>();
		for (Map<String, Object> row : rows.get(ImportFile.PRODUCTION)) {
			if (row.get("quantity") != null) {
				sums.merge(List.of(row.get("item"), row.get("stage"), row.get("year"), row.get("source")),
						(Double) row.get("quantity"), Double::sum);
			}
		}
		List<String> findings = new ArrayList<>();
		for (Map<String, Object> total : rows.get(ImportFile.WORLD_TOTALS)) {
			List<Object> key = List.of(total.get("item"), total.get("stage"), total.get("year"), total.get("source"));
			Double sum = sums.get(key);
			double world = (Double) total.get("quantity");
			if (sum == null || world == 0) {
				continue;
			}
			Double other = (Double) total.get("other_countries");
			String where = "world_totals.csv:" + total.get("_line") + " " + key;
			double allowed = allowedGap(world);
			if (other != null && Math.abs(sum + other - world) > allowed) {
				findings.add(where + ": the countries (" + sum + ") and other countries (" + other + ") add up to "
						+ (sum + other) + ", not the world total " + world);
			}
			else if (other == null && sum > world + allowed) {
				findings.add(where + ": the countries add up to " + sum + ", more than the world total " + world);
			}
		}
		return findings;
	}

	/**
	 * Published world totals are rounded (USGS: "World total (rounded)", mostly to two or
	 * three significant figures): a total of 1,200 stands for anything from 1,150 to
	 * 1,250. The gap allowed is half a unit of the total's last non-zero digit, and at
	 * least 1 % of it.
	 */
	static double allowedGap(double world) {
		double unit = 1;
		long rounded = Math.round(world);
		if (rounded == world) {
			while (rounded != 0 && rounded % 10 == 0) {
				rounded /= 10;
				unit *= 10;
			}
		}
		return Math.max(unit / 2, TOTAL_TOLERANCE * world);
	}

	/**
	 * Countries in no fact of the tables nor among {@code tradeParties} (the countries
	 * the trade flows name).
	 */
	static List<String> unused(Map<ImportFile, List<Map<String, Object>>> rows, Set<String> tradeParties) {
		Set<Object> used = new HashSet<>(tradeParties);
		rows.forEach((file, list) -> {
			if (file != ImportFile.COUNTRIES) {
				list.forEach(row -> used.addAll(row.values()));
			}
		});
		List<String> findings = new ArrayList<>();
		rows.get(ImportFile.COUNTRIES).forEach(row -> {
			if (!used.contains(row.get("iso3"))) {
				findings.add("countries.csv:" + row.get("_line") + ": " + row.get("iso3") + " is in no fact");
			}
		});
		return findings;
	}

}
