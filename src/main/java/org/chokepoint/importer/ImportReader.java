package org.chokepoint.importer;

import java.io.IOException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates every file of an import folder, without a database: the rows ready
 * to write, or an {@link ImportFailedException} with every error of the folder
 * ({@link ImportService} writes only what it returns).
 */
final class ImportReader {

	private static final Logger log = LoggerFactory.getLogger(ImportReader.class);

	private ImportReader() {
	}

	static ImportData read(ImportFolder folder, ImportLimits limits, Consumer<String> progress) {
		ImportErrors errors = new ImportErrors(limits);
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		folder.files().forEach((file, source) -> {
			if (file == ImportFile.TRADE_FLOWS) {
				return; // streamed below, once the keys it refers to are known
			}
			CsvTable table = read(file, source, errors);
			if (table != null) {
				tables.put(file, table);
			}
			else {
				unreadable.add(file);
			}
		});
		ImportValidator validator = new ImportValidator(tables, unreadable, errors);
		Map<ImportFile, List<Map<String, Object>>> rows = validator.validate();
		TradeFlows flows = readTradeFlows(folder, validator, rows, errors, progress);
		if (!errors.isEmpty()) {
			ImportFailedException refused = new ImportFailedException(errors.withSummary());
			log.warn("Import of {} refused, nothing written:\n{}", folder.description(), refused.getMessage());
			throw refused;
		}
		ImportData data = new ImportData(rows, flows, folder.version(), validator.warnings());
		log.info("Import of {}: {} rows valid, writing", folder.description(), data.rowsRead());
		return data;
	}

	/** Reads one file (not trade_flows.csv): its table, or null after reporting. */
	static CsvTable read(ImportFile file, ImportFolder.Source source, List<ImportError> errors) {
		try {
			return CsvTableReader.read(file, source.open(), errors);
		}
		catch (IOException ex) {
			errors.add(new ImportError(source.name(), 0, 0, null, "can't be read: " + ex.getMessage()));
			return null;
		}
	}

	private static TradeFlows readTradeFlows(ImportFolder folder, ImportValidator validator,
			Map<ImportFile, List<Map<String, Object>>> rows, List<ImportError> errors, Consumer<String> progress) {
		ImportFolder.Source source = folder.files().get(ImportFile.TRADE_FLOWS);
		if (source == null) {
			return TradeFlows.empty();
		}
		long started = System.nanoTime();
		Set<String> products = new HashSet<>();
		rows.get(ImportFile.PRODUCTS).forEach(p -> products.add((String) p.get("id")));
		TradeFlows flows;
		try {
			flows = TradeFlows.read(source.open(), validator, rows.get(ImportFile.HS_CODES), products, errors,
					progress);
		}
		catch (IOException ex) {
			errors.add(new ImportError(source.name(), 0, 0, null, "can't be read: " + ex.getMessage()));
			return TradeFlows.empty();
		}
		// one group of shares comes from one file: sourcing.csv or trade_flows.csv, never
		// both
		for (Map<String, Object> row : rows.get(ImportFile.SOURCING)) {
			if (flows.hasGroup((String) row.get("buyer"), (String) row.get("item"), (String) row.get("stage"),
					(Long) row.get("year"), (String) row.get("source"))) {
				errors.add(new ImportError(ImportFile.SOURCING.fileName(), (Integer) row.get("_line"), 0, null,
						"buyer/item/stage/year/source "
								+ List.of(row.get("buyer"), row.get("item"), row.get("stage"), row.get("year"),
										row.get("source"))
								+ " is also given by trade_flows.csv; give a group's shares in one file only"));
			}
		}
		long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
		log.info("Import progress: trade_flows.csv: {} rows read and checked, {} flows, in {} ms ({} rows/s)",
				flows.rowsRead(), flows.size(), millis, flows.rowsRead() * 1000 / millis);
		return flows;
	}

}
