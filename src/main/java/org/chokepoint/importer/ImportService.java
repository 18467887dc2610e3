package org.chokepoint.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chokepoint.database.TransactionMemoryLimit;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Imports a folder: reads and validates every file, then, only if there is no error at
 * all, replaces the knowledge graph with the folder's contents and records the data
 * version, all in one transaction. Readers see the old graph until the commit; a failure
 * or a killed process leaves the old graph whole.
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

	/**
	 * Imports the files of a directory, allowing it to shrink the graph (for code that
	 * means it: tests, tools); an empty import is still refused ({@link ShrinkGuard}).
	 */
	public ImportReport importDirectory(Path directory) {
		return importDirectory(directory, true);
	}

	/**
	 * Imports the files of a directory; unless {@code allowShrink}, refuses one that
	 * would lose most of the graph ({@link ShrinkGuard}).
	 */
	public ImportReport importDirectory(Path directory, boolean allowShrink) {
		return importFolder(ImportFolder.directory(directory, this.properties.limits()), allowShrink);
	}

	/** Imports the data shipped with the application. */
	public ImportReport importShipped() {
		return importShipped(true);
	}

	/**
	 * Imports the data shipped with the application; unless {@code allowShrink}, refuses
	 * to lose most of the graph.
	 */
	public ImportReport importShipped(boolean allowShrink) {
		return importFolder(ImportFolder.shipped(), allowShrink);
	}

	/**
	 * Imports the configured folder (or the shipped data) when the database holds no data
	 * or another data version; returns the report, or empty when the data was current.
	 */
	public Optional<ImportReport> importIfOutdated() {
		ImportFolder folder = this.properties.dir() != null
				? ImportFolder.directory(this.properties.dir(), this.properties.limits()) : ImportFolder.shipped();
		String stored = baseVersion().orElse(null);
		if (folder.version().equals(stored)) {
			log.info("Data version {} is current; nothing to import", stored);
			return Optional.empty();
		}
		log.info("Database holds data version {}, {} is {}: importing", stored == null ? "none" : stored,
				folder.description(), folder.version());
		// the configured folder is what the operator wants, even when smaller
		return Optional.of(importFolder(folder, true));
	}

	/** The data version in the database, if any. */
	public Optional<String> currentVersion() {
		try (Session session = this.driver.session()) {
			return session
				.executeRead(tx -> tx.run("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
					.list(r -> r.get("version").asString())
					.stream()
					.findFirst());
		}
	}

	/**
	 * The data version of the last full import, if any: the version itself, unless
	 * incremental trade imports ({@link TradeImportService}) have changed the data since.
	 * A start-up import compares the folder with it, so trade added since is kept while
	 * the folder is unchanged.
	 */
	Optional<String> baseVersion() {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> tx.run("""
					MATCH (v:DataVersion {key: 'current'})
					RETURN coalesce(v.baseVersion, v.version) AS version
					""").list(r -> r.get("version").asString()).stream().findFirst());
		}
	}

	/**
	 * Runs {@code work} while no import (full or incremental) runs: imports change the
	 * graph one at a time.
	 */
	synchronized <T> T exclusively(java.util.function.Supplier<T> work) {
		return work.get();
	}

	/** Logs a step of an import and tells the listeners. */
	void progressOf(String message) {
		progress(message);
	}

	/**
	 * Reports an import that changed the data version: caches of the old one are stale.
	 */
	void published(ImportReport report) {
		this.events.publishEvent(report);
	}

	synchronized ImportReport importFolder(ImportFolder folder, boolean allowShrink) {
		long started = System.nanoTime();
		ImportData data = ImportReader.read(folder, this.properties.limits(), this::progress);
		ShrinkGuard.Size size = ShrinkGuard.Size.of(data);
		ShrinkGuard.check(folder.description(), size, currentSize(), allowShrink);
		write(data, size, folder.description());
		return report(data, folder.description(), started);
	}

	private ImportReport report(ImportData data, String description, long started) {
		long rowsRead = data.rowsRead();
		long millis = (System.nanoTime() - started) / 1_000_000;
		ImportReport report = new ImportReport(description, data.version(), rowsRead, this.counts.nodes(),
				this.counts.relationships(), millis, data.warnings());
		log.info(
				"Imported data version {} in {} ms: {} rows ({} rows/s); nodes {}; relationships {}; {} data warnings "
						+ "(in the data report: GET /api/data/report?section=data-warnings)",
				report.version(), millis, rowsRead, millis == 0 ? rowsRead : rowsRead * 1000L / millis, report.nodes(),
				report.relationships(), data.warnings().size());
		// analyses cached for the old version are stale
		this.events.publishEvent(report);
		return report;
	}

	/**
	 * The size of the data version in the database, as recorded at its import; null when
	 * none is recorded.
	 */
	private ShrinkGuard.Size currentSize() {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> tx.run("""
					MATCH (v:DataVersion {key: 'current'})
					WHERE v.entities IS NOT NULL AND v.facts IS NOT NULL
					RETURN v.entities AS entities, v.facts AS facts""")
				.list(r -> new ShrinkGuard.Size(r.get("entities").asLong(), r.get("facts").asLong()))
				.stream()
				.findFirst()
				.orElse(null));
		}
	}

	/**
	 * Stages the parties and items, the trade flows, the output facts, the sourcing rows
	 * and the supply mixes in small committed transactions, then switches: one
	 * transaction hides the old graph, adopts the staged nodes and writes everything
	 * else. Only that commit makes the new version visible; a failure before it leaves
	 * the old graph whole and the staged nodes to clean up.
	 */
	private void write(ImportData data, ShrinkGuard.Size size, String description) {
		TransactionConfig config = TransactionConfig.builder().withTimeout(this.properties.timeout()).build();
		try (Session session = this.driver.session()) {
			cleanUp(session);
			try {
				StagedNodes nodes = StagedNodes.create(this.driver, data);
				new TradeFlowStager(this.driver, this.properties.writerThreads(), this.properties.batchSize())
					.stage(data.tradeFlows(), nodes, this::progress);
				FactStager.stage(this.driver, this.properties.batchSize(), data, nodes, this::progress);
				SupplyMixWriter.stage(this.driver, data, nodes, this::progress);
				ImportSteps.reached(ImportSteps.STAGED);
				try (Transaction tx = session.beginTransaction(config)) {
					tx.run(GraphWriter.RETIRE_ALL).consume();
					GraphWriter.write(tx, data, this::progress);
					SourceFactCounts.replace(tx, SourceFactCounts.written(data), this::progress);
					tx.run("""
							MERGE (v:DataVersion {key: 'current'})
							SET v.version = $version,
							    v.baseVersion = $version,
							    v.folder = $folder,
							    v.entities = $entities,
							    v.facts = $facts,
							    v.tradeGroups = $tradeGroups,
							    v.importedAt = datetime(),
							    v.warnings = $warnings
							""",
							Map.of("version", data.version(), "folder", description, "entities", size.entities(),
									"facts", size.facts(), "warnings", List.copyOf(data.warnings()), "tradeGroups",
									data.tradeFlows().tradeGroups().stream().map(TradeGroup::toString).toList()))
						.consume();
					tx.commit();
				}
				catch (Neo4jException ex) {
					throw switchTooLarge(ex, data);
				}
			}
			catch (RuntimeException ex) {
				// the failure is what the caller needs to see: a clean-up failing after
				// it
				// (it runs again at the next start) is attached to it, not put in its
				// place
				try {
					cleanUp(session);
				}
				catch (RuntimeException cleanUpFailure) {
					ex.addSuppressed(cleanUpFailure);
				}
				throw ex;
			}
			cleanUp(session);
		}
	}

	/**
	 * The error for a switch that needed more memory than one transaction may use (the
	 * files written in it: all but the trade flows, output facts, sourcing rows and
	 * supply mixes, which are staged before it); any other error as it is. Either way it
	 * was rolled back, and the data is as it was.
	 */
	private static RuntimeException switchTooLarge(Neo4jException ex, ImportData data) {
		if (!TransactionMemoryLimit.reached(ex)) {
			return ex;
		}
		long inSwitch = 0;
		for (ImportFile file : ImportFile.values()) {
			if (file != ImportFile.PRODUCTION && file != ImportFile.SOURCING) {
				inSwitch += data.of(file).size();
			}
		}
		return new ImportTooLargeException("The import's switch (one transaction that replaces the data with the"
				+ " files but trade_flows.csv, production.csv and sourcing.csv, which are staged before it: " + inSwitch
				+ " rows) needed more memory than one transaction may use, and was"
				+ " rolled back: nothing was changed. Raise the limit (" + ImportTooLargeException.LIMIT
				+ ", 256MB by default; on an external server Neo4j's db.memory.transaction.max). The database said: "
				+ ex.getMessage(), ex);
	}

	/** Logs a step of the import and tells the listeners. */
	private void progress(String message) {
		log.info("Import progress: {}", message);
		this.listeners.forEach(listener -> listener.progress(message));
	}

	/**
	 * Deletes what an import killed half-way left behind (staged flows, a retired graph),
	 * so the database holds exactly its committed data version. Run at start-up.
	 */
	public void cleanUpLeftovers() {
		try (Session session = this.driver.session()) {
			cleanUp(session);
		}
	}

	/**
	 * Deletes the retired graph and staged leftovers (of this import, or of one that was
	 * killed).
	 */
	private void cleanUp(Session session) {
		long started = System.nanoTime();
		GraphWriter.cleanUp(this.properties.batchSize()).forEach(statement -> session.run(statement).consume());
		log.info("Import progress: old version and staged leftovers deleted in {} ms",
				(System.nanoTime() - started) / 1_000_000);
	}

}
