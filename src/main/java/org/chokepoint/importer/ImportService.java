package org.chokepoint.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports a folder: reads and validates every file, then, only if there is no error at all,
 * replaces the knowledge graph with the folder's contents and records the data version, all in
 * one transaction. Readers see the old graph until the commit; a failure or a killed process
 * leaves the old graph whole.
 */
@Service
public class ImportService {

	private static final Logger log = LoggerFactory.getLogger(ImportService.class);

	private final Driver driver;

	private final GraphCounts counts;

	private final ImportProperties properties;

	private final ApplicationEventPublisher events;

	private final List<ImportProgressListener> listeners;

	ImportService(Driver driver, GraphCounts counts, ImportProperties properties, ApplicationEventPublisher events,
			ObjectProvider<ImportProgressListener> listeners) {
		this.events = events;
		this.listeners = listeners.orderedStream().toList();
		this.driver = driver;
		this.counts = counts;
		this.properties = properties;
	}

	/** Imports the files of a directory. */
	public ImportReport importDirectory(Path directory) {
		return importFolder(ImportFolder.directory(directory));
	}

	/** Imports the data shipped with the application. */
	public ImportReport importShipped() {
		return importFolder(ImportFolder.shipped());
	}

	/**
	 * Imports the configured folder (or the shipped data) when the database holds no data or
	 * another data version; returns the report, or empty when the data was current.
	 */
	public Optional<ImportReport> importIfOutdated() {
		ImportFolder folder = this.properties.dir() != null ? ImportFolder.directory(this.properties.dir())
				: ImportFolder.shipped();
		String stored = currentVersion().orElse(null);
		if (folder.version().equals(stored)) {
			log.info("Data version {} is current; nothing to import", stored);
			return Optional.empty();
		}
		log.info("Database holds data version {}, {} is {}: importing", stored == null ? "none" : stored,
				folder.description(), folder.version());
		return Optional.of(importFolder(folder));
	}

	/** The data version in the database, if any. */
	public Optional<String> currentVersion() {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> tx.run("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
				.list(r -> r.get("version").asString())
				.stream()
				.findFirst());
		}
	}

	synchronized ImportReport importFolder(ImportFolder folder) {
		long started = System.nanoTime();
		List<ImportError> errors = new ArrayList<>();
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		folder.files().forEach((file, bytes) -> {
			if (file == ImportFile.TRADE_FLOWS) {
				return; // streamed below, once the keys it refers to are known
			}
			CsvTable table = CsvTableReader.read(file, bytes, errors);
			if (table != null) {
				tables.put(file, table);
			}
			else {
				unreadable.add(file);
			}
		});
		ImportValidator validator = new ImportValidator(tables, unreadable, errors);
		Map<ImportFile, List<Map<String, Object>>> rows = validator.validate();
		TradeFlows flows = readTradeFlows(folder, validator, rows, errors);
		if (!errors.isEmpty()) {
			log.warn("Import of {} refused, nothing written:\n{}", folder.description(),
					new ImportFailedException(errors).getMessage());
			throw new ImportFailedException(errors);
		}
		ImportData data = new ImportData(rows, flows, folder.version(), validator.warnings());
		long rowsRead = rows.values().stream().mapToInt(List::size).sum() + flows.rowsRead();
		log.info("Import of {}: {} rows valid, writing", folder.description(), rowsRead);
		write(data, folder.description());
		long millis = (System.nanoTime() - started) / 1_000_000;
		ImportReport report = new ImportReport(folder.description(), data.version(), rowsRead, this.counts.nodes(),
				this.counts.relationships(), millis, data.warnings());
		log.info("Imported data version {} in {} ms: {} rows ({} rows/s); nodes {}; relationships {}",
				report.version(), millis, rowsRead, millis == 0 ? rowsRead : rowsRead * 1000L / millis,
				report.nodes(), report.relationships());
		data.warnings().forEach(w -> log.warn("Import warning: {}", w));
		// analyses cached for the old version are stale
		this.events.publishEvent(report);
		return report;
	}

	private TradeFlows readTradeFlows(ImportFolder folder, ImportValidator validator,
			Map<ImportFile, List<Map<String, Object>>> rows, List<ImportError> errors) {
		byte[] bytes = folder.files().get(ImportFile.TRADE_FLOWS);
		if (bytes == null) {
			return TradeFlows.empty();
		}
		long started = System.nanoTime();
		Set<String> products = new java.util.HashSet<>();
		rows.get(ImportFile.PRODUCTS).forEach(p -> products.add((String) p.get("id")));
		TradeFlows flows = TradeFlows.read(bytes, validator, rows.get(ImportFile.HS_CODES), products, errors,
				this::progress);
		// one group of shares comes from one file: sourcing.csv or trade_flows.csv, never both
		for (Map<String, Object> row : rows.get(ImportFile.SOURCING)) {
			if (flows.hasGroup((String) row.get("buyer"), (String) row.get("item"), (String) row.get("stage"),
					(Long) row.get("year"), (String) row.get("source"))) {
				errors.add(new ImportError(ImportFile.SOURCING.fileName(), (Integer) row.get("_line"), 0, null,
						"buyer/item/stage/year/source " + List.of(row.get("buyer"), row.get("item"), row.get("stage"),
								row.get("year"), row.get("source"))
								+ " is also given by trade_flows.csv; give a group's shares in one file only"));
			}
		}
		long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
		log.info("Import progress: trade_flows.csv: {} rows read and checked, {} flows, in {} ms ({} rows/s)",
				flows.rowsRead(), flows.size(), millis, flows.rowsRead() * 1000 / millis);
		return flows;
	}

	/**
	 * Stages the trade flows in small transactions, then switches: one transaction hides the old
	 * graph, adopts the staged flows and writes everything else. Only that commit makes the new
	 * version visible; a failure before it leaves the old graph whole and the staged nodes to clean up.
	 */
	private void write(ImportData data, String description) {
		TransactionConfig config = TransactionConfig.builder().withTimeout(this.properties.timeout()).build();
		try (Session session = this.driver.session()) {
			cleanUp(session);
			try {
				new TradeFlowStager(this.driver, this.properties.writerThreads(), this.properties.batchSize()).stage(data.tradeFlows(),
						this::progress);
				try (Transaction tx = session.beginTransaction(config)) {
					tx.run(GraphWriter.RETIRE_ALL).consume();
					GraphWriter.write(tx, data, this::progress);
					SourcingSplits.write(tx, data, this::progress);
					tx.run("""
							MERGE (v:DataVersion {key: 'current'})
							SET v.version = $version,
							    v.folder = $folder,
							    v.importedAt = datetime()
							""", Map.of("version", data.version(), "folder", description)).consume();
					tx.commit();
				}
			}
			finally {
				cleanUp(session);
			}
		}
	}

	/** Logs a step of the import and tells the listeners. */
	private void progress(String message) {
		log.info("Import progress: {}", message);
		this.listeners.forEach(listener -> listener.progress(message));
	}

	/**
	 * Deletes what an import killed half-way left behind (staged flows, a retired graph), so the
	 * database holds exactly its committed data version. Run at start-up.
	 */
	public void cleanUpLeftovers() {
		try (Session session = this.driver.session()) {
			cleanUp(session);
		}
	}

	/** Deletes the retired graph and staged leftovers (of this import, or of one that was killed). */
	private void cleanUp(Session session) {
		long started = System.nanoTime();
		GraphWriter.CLEAN_UP.forEach(statement -> session.run(statement).consume());
		log.info("Import progress: old version and staged leftovers deleted in {} ms",
				(System.nanoTime() - started) / 1_000_000);
	}

}
