package org.chokepoint.importer;

import java.util.List;
import java.util.Map;

/**
 * Validated import rows, ready to write: per file, one map per row with typed values
 * (Long for years, Double for numbers, LocalDate for dates, Boolean) under the column
 * names; production rows carry the derived {@code share} and {@code worldTotal}.
 *
 * @param rows the rows per file
 * @param tradeFlows trade_flows.csv, added up per flow (never as rows)
 * @param version the data version: a SHA-256 over the files' bytes
 * @param warnings what is suspicious but not wrong (e.g. countries adding up above the
 * world total)
 */
record ImportData(Map<ImportFile, List<Map<String, Object>>> rows, TradeFlows tradeFlows, String version,
		List<String> warnings) {

	List<Map<String, Object>> of(ImportFile file) {
		return this.rows.getOrDefault(file, List.of());
	}

	/** Rows read from the files (trade_flows.csv's rows, not its flows). */
	long rowsRead() {
		return this.rows.values().stream().mapToInt(List::size).sum() + this.tradeFlows.rowsRead();
	}

}
