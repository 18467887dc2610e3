package org.chokepoint.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.chokepoint.database.TransactionMemoryLimit;
import org.chokepoint.supplymix.MixFacts;
import org.chokepoint.web.NotFoundException;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Incremental trade imports: adds whole (source, year) groups of trade flows
 * ({@link TradeGroup}) to the loaded graph, or removes one, without importing everything
 * again. An addition is checked first against the keys in the graph (countries, items, HS
 * codes, sources) as a full import checks it, and is refused whole on any error or when
 * one of its groups is already there; a change is one transaction: the flows, the supply
 * mixes of the (item, stage)s it touches re-derived from the first year it changes (the
 * mixes before it cannot change: they are made of facts up to their own year), and a new
 * data version naming the trade groups, so caches and anything built per version are
 * rebuilt. The time is that of the flows added and the stages touched, not of the graph.
 */
@Service
public class TradeImportService {

	private static final Logger log = LoggerFactory.getLogger(TradeImportService.class);

	/** Flows per statement. */
	static final int BATCH_SIZE = 10_000;

	static final String CREATE_FLOWS = """
			UNWIND $pairs AS p
			MATCH (buyer:Country {iso3: p[0]})
			MATCH (supplier:Country {iso3: p[1]})
			WITH buyer, supplier, p
			UNWIND p[2] AS f
			CREATE (buyer)-[:SOURCES {item: $items[f[0]], stage: $stages[f[0]], year: f[1], source: $sources[f[2]],
			                          share: f[3], basis: 'imports', quantity: f[4], unit: $units[f[5]],
			                          tradeFlow: true}]->(supplier)
			""";

	static final String DELETE_MIXES = """
			UNWIND $itemStages AS is
			MATCH (:Party)-[m:SOURCING_SPLIT]->(:Item {id: is[0]})
			WHERE m.stage = is[1] AND m.year >= $from
			DELETE m
			""";

	private final Driver driver;

	private final ImportService imports;

	private final GraphCounts counts;

	private final ImportProperties properties;

	TradeImportService(Driver driver, ImportService imports, GraphCounts counts, ImportProperties properties) {
		this.driver = driver;
		this.imports = imports;
		this.counts = counts;
		this.properties = properties;
	}

	/**
	 * Adds the trade flows of {@code directory}'s trade_flows.csv (it holds no other
	 * import file): every (source, year) group in it must be new.
	 * @throws ImportFailedException with every error; nothing was written
	 */
	public ImportReport addTrade(Path directory) {
		return this.imports.exclusively(() -> add(ImportFolder.directory(directory, this.properties.limits())));
	}

	/**
	 * Removes one (source, year) group of trade flows.
	 * @throws NotFoundException when the database holds no such group
	 */
	public ImportReport removeTrade(TradeGroup group) {
		return this.imports.exclusively(() -> remove(group));
	}

	/** The trade groups in the database, as the data version records them. */
	public SortedSet<TradeGroup> tradeGroups() {
		try (Session session = this.driver.session()) {
			return session.executeRead(tx -> stored(tx).groups());
		}
	}

	private ImportReport add(ImportFolder folder) {
		long started = System.nanoTime();
		String file = ImportFile.TRADE_FLOWS.fileName();
		List<ImportError> errors = new ArrayList<>();
		for (ImportFile other : folder.files().keySet()) {
			if (other != ImportFile.TRADE_FLOWS) {
				errors.add(new ImportError(other.fileName(), 0, 0, null, "a trade import takes " + file
						+ " only; other files change the graph through a full import (import --dir)"));
			}
		}
		ImportFolder.Source source = folder.files().get(ImportFile.TRADE_FLOWS);
		if (source == null) {
			errors.add(new ImportError(folder.description(), 0, 0, null, "holds no " + file + "; nothing to add"));
		}
		if (!errors.isEmpty()) {
			throw new ImportFailedException(errors);
		}
		Keys keys;
		try (Session session = this.driver.session()) {
			keys = session.executeRead(TradeImportService::keys);
		}
		ImportValidator validator = ImportValidator.ofKeys(keys.tables(), errors);
		TradeFlows flows;
		try {
			flows = TradeFlows.read(source.open(), validator, keys.hsCodes(), keys.products(), errors,
					this.imports::progressOf);
		}
		catch (IOException ex) {
			errors.add(new ImportError(source.name(), 0, 0, null, "can't be read: " + ex.getMessage()));
			throw new ImportFailedException(errors);
		}
		SortedSet<TradeGroup> groups = flows.tradeGroups();
		if (errors.isEmpty() && flows.size() == 0) {
			errors.add(new ImportError(file, 0, 0, null, "holds no trade flows; nothing to add"));
		}
		for (TradeGroup group : groups) {
			if (keys.stored().groups().contains(group)) {
				errors.add(new ImportError(file, 0, 0, "source",
						"trade group " + group + " (source " + group.source() + ", year " + group.year()
								+ ") is already in the database; to replace it, remove it first"
								+ " (import --remove-trade " + group + ", or DELETE /api/admin/import/trade?source="
								+ group.source() + "&year=" + group.year() + ") and add it again"));
			}
		}
		if (!errors.isEmpty()) {
			throw refused(folder, errors);
		}
		List<List<String>> itemStages = itemStages(flows);
		long from = groups.stream().mapToLong(TradeGroup::year).min().orElseThrow();
		SortedSet<TradeGroup> after = new TreeSet<>(keys.stored().groups());
		after.addAll(groups);
		String version = nextVersion(keys.stored().version(), "+" + groups + "@" + folder.version());
		try (Session session = this.driver.session(); Transaction tx = session.beginTransaction(config())) {
			// the stages' facts before anything is written, with the added flows as they
			// will be: one read, which also tells whether sourcing rows give an added
			// group; refused, the transaction is rolled back with nothing written
			long read = System.nanoTime();
			List<MixFacts> facts = MixFactsReader.read(tx, itemStages, from, flows);
			this.imports.progressOf("SOURCING_SPLIT: facts of " + itemStages.size() + " item stages read in "
					+ (System.nanoTime() - read) / 1_000_000 + " ms");
			givenBySourcingRows(facts, flows, groups, errors);
			if (!errors.isEmpty()) {
				throw refused(folder, errors);
			}
			writeFlows(tx, flows);
			tx.run(DELETE_MIXES, Map.of("itemStages", itemStages, "from", from)).consume();
			SupplyMixWriter.write(tx, facts, from, this.imports::progressOf);
			SourceFactCounts.change(tx, flows.flowsPerSource(), this.imports::progressOf);
			recordVersion(tx, version, after, flows.size());
			tx.commit();
		}
		catch (Neo4jException ex) {
			throw tooLarge(ex,
					"Adding " + flows.size() + " trade flows (" + groups.size() + " source and year groups, "
							+ itemStages.size() + " item stages)",
					"add them in smaller files (a source and year each, or fewer HS codes at a time)");
		}
		return report("trade groups " + groups + " from " + folder.description(), version, flows.rowsRead(), started);
	}

	private ImportReport remove(TradeGroup group) {
		long started = System.nanoTime();
		Stored stored;
		try (Session session = this.driver.session()) {
			stored = session.executeRead(TradeImportService::stored);
		}
		if (!stored.groups().contains(group)) {
			throw new NotFoundException("trade group", group.toString());
		}
		SortedSet<TradeGroup> after = new TreeSet<>(stored.groups());
		after.remove(group);
		String version = nextVersion(stored.version(), "-" + group);
		long deleted;
		try (Session session = this.driver.session(); Transaction tx = session.beginTransaction(config())) {
			List<Record> removed = tx.run("""
					MATCH (:Country)-[f:SOURCES]->(:Country)
					WHERE f.source = $source AND f.year = $year AND f.tradeFlow IS NOT NULL
					WITH f, f.item AS item, f.stage AS stage
					DELETE f
					RETURN item, stage, count(*) AS flows
					""", Map.of("source", group.source(), "year", group.year())).list();
			List<List<String>> itemStages = removed.stream()
				.map(r -> List.of(r.get("item").asString(), r.get("stage").asString()))
				.toList();
			deleted = removed.stream().mapToLong(r -> r.get("flows").asLong()).sum();
			this.imports.progressOf("trade group " + group + ": " + deleted + " SOURCES relationships of "
					+ itemStages.size() + " item stages deleted");
			// the flows the mixes fall back on may be of any earlier year
			rederive(tx, itemStages, group.year(), Long.MIN_VALUE);
			SourceFactCounts.change(tx, Map.of(group.source(), -deleted), this.imports::progressOf);
			recordVersion(tx, version, after, -deleted);
			tx.commit();
		}
		catch (Neo4jException ex) {
			throw tooLarge(ex, "Removing trade group " + group, "import the data without it again (import --dir)");
		}
		return report("removal of trade group " + group, version, deleted, started);
	}

	/**
	 * The error for a change whose one transaction needed more memory than a transaction
	 * may use; any other error as it is. Either way the transaction was rolled back.
	 * @param change what was being done, and how large it was
	 * @param smaller how else to make the change
	 */
	private static RuntimeException tooLarge(Neo4jException ex, String change, String smaller) {
		if (!TransactionMemoryLimit.reached(ex)) {
			return ex;
		}
		return new ImportTooLargeException(change
				+ " needed more memory than one transaction may use, and was rolled back: nothing was changed. It is"
				+ " one transaction so as to be all or nothing. Raise the limit (" + ImportTooLargeException.LIMIT
				+ ", 256MB by default; on an external server Neo4j's db.memory.transaction.max), or " + smaller
				+ ". The database said: " + ex.getMessage(), ex);
	}

	private TransactionConfig config() {
		return TransactionConfig.builder().withTimeout(this.properties.timeout()).build();
	}

	/** The (item, stage)s the flows are of. */
	private static List<List<String>> itemStages(TradeFlows flows) {
		Set<List<String>> result = new LinkedHashSet<>();
		List<String> items = flows.items();
		List<String> stages = flows.stages();
		for (int i = 0; i < items.size(); i++) {
			result.add(List.of(items.get(i), stages.get(i)));
		}
		return List.copyOf(result);
	}

	/**
	 * One group of shares comes from one file: a (buyer, item, stage, year, source) of
	 * the flows must not be given by sourcing rows already in the graph (those in the
	 * facts read).
	 */
	private static void givenBySourcingRows(List<MixFacts> facts, TradeFlows flows, Set<TradeGroup> groups,
			List<ImportError> errors) {
		Set<List<Object>> reported = new HashSet<>();
		for (MixFacts stage : facts) {
			for (MixFacts.Row row : stage.rows()) {
				List<Object> key = List.of(row.buyer(), stage.item(), stage.stage(), row.year(), row.source());
				if (groups.contains(new TradeGroup(row.source(), row.year()))
						&& flows.hasGroup(row.buyer(), stage.item(), stage.stage(), row.year(), row.source())
						&& reported.add(key)) {
					errors.add(new ImportError(ImportFile.TRADE_FLOWS.fileName(), 0, 0, null,
							"importer/item/stage/year/source " + key
									+ " is given by sourcing rows in the database; give a group's shares in one file only"));
				}
			}
		}
	}

	/** Logs a refused trade import and answers its exception: nothing was written. */
	private static ImportFailedException refused(ImportFolder folder, List<ImportError> errors) {
		ImportFailedException refused = new ImportFailedException(errors);
		log.warn("Trade import of {} refused, nothing written:\n{}", folder.description(), refused.getMessage());
		return refused;
	}

	private void writeFlows(Transaction tx, TradeFlows flows) {
		long started = System.nanoTime();
		Map<String, Object> dictionaries = Map.of("items", flows.items(), "stages", flows.stages(), "sources",
				flows.sources(), "units", flows.units());
		flows.forEachBatch(BATCH_SIZE, batch -> {
			List<List<Object>> pairs = batch.pairs()
				.stream()
				.map(p -> List.<Object>of(p.buyer(), p.supplier(), p.flows()))
				.toList();
			Map<String, Object> parameters = new HashMap<>(dictionaries);
			parameters.put("pairs", pairs);
			tx.run(CREATE_FLOWS, parameters).consume();
		});
		this.imports.progressOf("trade_flows.csv: " + flows.size() + " SOURCES relationships written in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/**
	 * Replaces the mixes of the stages from {@code from} on with mixes derived from the
	 * graph as it is now in {@code tx}.
	 * @param flowsFrom the first year of flows the new mixes can be made of
	 */
	private void rederive(Transaction tx, List<List<String>> itemStages, long from, long flowsFrom) {
		long started = System.nanoTime();
		tx.run(DELETE_MIXES, Map.of("itemStages", itemStages, "from", from)).consume();
		List<MixFacts> facts = MixFactsReader.read(tx, itemStages, flowsFrom);
		this.imports.progressOf("SOURCING_SPLIT: facts of " + itemStages.size() + " item stages read in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
		SupplyMixWriter.write(tx, facts, from, this.imports::progressOf);
	}

	/**
	 * Records the new data version and its trade groups; the facts counted for the shrink
	 * guard ({@link ShrinkGuard}) change by the flows added or removed.
	 */
	private static void recordVersion(Transaction tx, String version, Set<TradeGroup> groups, long factsChange) {
		tx.run("""
				MERGE (v:DataVersion {key: 'current'})
				SET v.version = $version,
				    v.tradeGroups = $groups,
				    v.facts = v.facts + $factsChange,
				    v.importedAt = datetime()
				""", Map.of("version", version, "groups", groups.stream().map(TradeGroup::toString).toList(),
				"factsChange", factsChange))
			.consume();
	}

	/**
	 * A version for the data after a change: a SHA-256 over the old one and the change.
	 */
	static String nextVersion(String previous, String change) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(String.valueOf(previous).getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(change.getBytes(StandardCharsets.UTF_8));
			return java.util.HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ImportReport report(String description, String version, long rows, long started) {
		long millis = (System.nanoTime() - started) / 1_000_000;
		ImportReport report = new ImportReport(description, version, rows, this.counts.nodes(),
				this.counts.relationships(), millis, List.of());
		log.info("Trade import: {}; data version {} in {} ms", description, version, millis);
		this.imports.published(report);
		return report;
	}

	/** The data version and trade groups in the database. */
	private record Stored(String version, SortedSet<TradeGroup> groups) {
	}

	private static Stored stored(SimpleQueryRunner tx) {
		List<Record> records = tx
			.run("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version, v.tradeGroups AS groups")
			.list();
		SortedSet<TradeGroup> groups = new TreeSet<>();
		if (records.isEmpty()) {
			return new Stored(null, groups);
		}
		Record v = records.get(0);
		if (!v.get("groups").isNull()) {
			v.get("groups").asList(g -> TradeGroup.parse(g.asString())).forEach(groups::add);
		}
		return new Stored(v.get("version").isNull() ? null : v.get("version").asString(), groups);
	}

	/**
	 * The keys in the graph that trade flows may name, as the tables an import's
	 * validator reads them from.
	 */
	private record Keys(Map<ImportFile, CsvTable> tables, List<Map<String, Object>> hsCodes, Set<String> products,
			Stored stored) {
	}

	private static Keys keys(SimpleQueryRunner tx) {
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		tables.put(ImportFile.SOURCES, table(tx, ImportFile.SOURCES, "id", "MATCH (n:Source) RETURN n.id AS key"));
		tables.put(ImportFile.COUNTRIES,
				table(tx, ImportFile.COUNTRIES, "iso3", "MATCH (n:Country) RETURN n.iso3 AS key"));
		tables.put(ImportFile.BLOCS, table(tx, ImportFile.BLOCS, "code", "MATCH (n:Bloc) RETURN n.code AS key"));
		tables.put(ImportFile.MINERALS, table(tx, ImportFile.MINERALS, "id", "MATCH (n:Mineral) RETURN n.id AS key"));
		tables.put(ImportFile.PRODUCTS, table(tx, ImportFile.PRODUCTS, "id", "MATCH (n:Product) RETURN n.id AS key"));
		tables.put(ImportFile.HS_CODES, table(tx, ImportFile.HS_CODES, "hs6", "MATCH (n:HsCode) RETURN n.code AS key"));
		List<Map<String, Object>> hsCodes = tx.run("""
				MATCH (h:HsCode)-[s:STANDS_FOR]->(i:Item)
				RETURN h.code AS hs6, i.id AS item, s.stage AS stage, h.factor AS factor
				""")
			.list(r -> Map.<String, Object>of("hs6", r.get("hs6").asString(), "item", r.get("item").asString(), "stage",
					r.get("stage").asString(), "factor", r.get("factor").asDouble()));
		Set<String> products = new HashSet<>();
		tables.get(ImportFile.PRODUCTS).rows().forEach(r -> products.add(r.get("id")));
		return new Keys(tables, hsCodes, products, stored(tx));
	}

	private static CsvTable table(SimpleQueryRunner tx, ImportFile file, String column, String query) {
		List<CsvTable.Row> rows = tx.run(query).list(r -> new CsvTable.Row(0, Map.of(column, r.get("key").asString())));
		return new CsvTable(file.fileName(), List.of(column), rows);
	}

}
