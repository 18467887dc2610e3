package org.chokepoint.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;

/**
 * How fast this machine's embedded Neo4j can write relationships at all: the ceiling any
 * import into it runs under. No Cypher, no Bolt, no validation, no staging: Neo4j's own
 * Java API ({@code createRelationshipTo}, {@code setProperty}) in the same process, each
 * variant on a fresh temporary database (deleted afterwards), writing the M tier's shape
 * (200 countries, relationships between seeded random pairs) in transactions of
 * {@code --batch} relationships.
 *
 * <p>
 * The variants add, one at a time, what the import's trade flows carry:
 * <ol>
 * <li>bare {@code SOURCES} relationships (type only);</li>
 * <li>with a trade flow's seven properties (item, stage, year, source, share, quantity,
 * unit);</li>
 * <li>with those and the {@code sources_item_stage} index of
 * {@code V0002__Fact_indexes.cypher}: what the import's staging writes;</li>
 * <li>the same without Neo4j's relationship type lookup index (created with every
 * database).</li>
 * </ol>
 * A warm-up run of the heaviest variant comes first (not reported), so the JIT has
 * compiled the write path before anything is timed.
 *
 * <pre>mvn -B -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.WriteCeiling \
 *   -Dbenchmark.args="[--relationships 1000000] [--threads 1] [--batch 10000]"</pre>
 */
public final class WriteCeiling {

	static final int COUNTRIES = 200;

	static final String[] STAGES = { "MINING", "REFINING", "MANUFACTURING" };

	/**
	 * One variant: what each relationship carries and which indexes the database keeps.
	 */
	record Variant(String name, boolean properties, boolean itemStageIndex, boolean typeLookupIndex) {
	}

	static final List<Variant> VARIANTS = List.of(new Variant("bare relationships", false, false, true),
			new Variant("+ 7 properties", true, false, true),
			new Variant("+ 7 properties + (item, stage) index: the import's staging", true, true, true),
			new Variant("the same without the type lookup index", true, true, false));

	private final int relationships;

	private final int threads;

	private final int batch;

	private WriteCeiling(int relationships, int threads, int batch) {
		this.relationships = relationships;
		this.threads = threads;
		this.batch = batch;
	}

	public static void main(String[] args) throws Exception {
		int relationships = 1_000_000;
		int threads = 1;
		int batch = 10_000;
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : "";
			switch (args[i]) {
				case "--relationships" -> relationships = positive(args[i], value);
				case "--threads" -> threads = positive(args[i], value);
				case "--batch" -> batch = positive(args[i], value);
				default -> throw new IllegalArgumentException(
						"usage: WriteCeiling [--relationships N] [--threads N] [--batch N], not " + args[i]);
			}
			i++;
		}
		new WriteCeiling(relationships, threads, batch).run();
	}

	private static int positive(String option, String value) {
		try {
			int parsed = Integer.parseInt(value);
			if (parsed > 0) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new IllegalArgumentException(option + " needs a positive whole number, not '" + value + "'");
	}

	private void run() throws Exception {
		System.out.printf(Locale.ROOT,
				"%,d relationships per variant, %d writer thread(s), %,d per transaction, %d cores%n",
				this.relationships, this.threads, this.batch, Runtime.getRuntime().availableProcessors());
		write(VARIANTS.get(2), Math.min(this.relationships, 200_000));
		System.out.println();
		System.out.println("| variant | relationships / s | CPU µs / relationship | seconds | load average before |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (Variant variant : VARIANTS) {
			String load = Benchmark.loadAverage();
			Result result = write(variant, this.relationships);
			System.out.printf(Locale.ROOT, "| %s | %,.0f | %.1f | %.2f | %s |%n", variant.name(),
					this.relationships / result.seconds(), result.cpuSeconds() * 1e6 / this.relationships,
					result.seconds(), load);
		}
	}

	record Result(double seconds, double cpuSeconds) {
	}

	/**
	 * Writes {@code count} relationships of the variant into a fresh database and times
	 * it.
	 */
	private Result write(Variant variant, int count) throws Exception {
		Path home = Files.createTempDirectory("chokepoint-write-ceiling");
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(home).build();
		try {
			GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
			prepareSchema(db, variant);
			String[] countries = createCountries(db);
			int batches = (count + this.batch - 1) / this.batch;
			ExecutorService pool = Executors.newFixedThreadPool(this.threads);
			long started = System.nanoTime();
			double cpu = Benchmark.cpuSeconds();
			try {
				List<Future<?>> pending = new ArrayList<>();
				for (int b = 0; b < batches; b++) {
					int seed = b;
					int size = Math.min(this.batch, count - b * this.batch);
					pending.add(pool.submit(() -> writeBatch(db, countries, variant, size, seed)));
				}
				for (Future<?> future : pending) {
					future.get();
				}
			}
			finally {
				pool.shutdown();
			}
			Result result = new Result((System.nanoTime() - started) / 1e9, Benchmark.cpuSeconds() - cpu);
			long written = db.executeTransactionally("MATCH ()-[r:SOURCES]->() RETURN count(r) AS n", Map.of(),
					r -> (Long) r.next().get("n"));
			if (written != count) {
				throw new IllegalStateException(
						variant.name() + ": " + written + " relationships written, not " + count);
			}
			return result;
		}
		finally {
			service.shutdown();
			Benchmark.deleteRecursively(home);
		}
	}

	private static void prepareSchema(GraphDatabaseService db, Variant variant) {
		if (variant.itemStageIndex()) {
			db.executeTransactionally(
					"CREATE INDEX sources_item_stage IF NOT EXISTS FOR ()-[r:SOURCES]-() ON (r.item, r.stage)");
		}
		if (!variant.typeLookupIndex()) {
			String name = db.executeTransactionally(
					"SHOW INDEXES YIELD name, type, entityType WHERE type = 'LOOKUP' AND entityType = 'RELATIONSHIP' RETURN name",
					Map.of(), r -> r.hasNext() ? (String) r.next().get("name") : null);
			if (name == null) {
				throw new IllegalStateException("no relationship type lookup index to drop");
			}
			db.executeTransactionally("DROP INDEX `" + name + "`");
		}
		db.executeTransactionally("CALL db.awaitIndexes(300)");
	}

	private static String[] createCountries(GraphDatabaseService db) {
		String[] ids = new String[COUNTRIES];
		try (Transaction tx = db.beginTx()) {
			for (int i = 0; i < COUNTRIES; i++) {
				Node country = tx.createNode(Label.label("StagedCountry"));
				country.setProperty("iso3", String.format(Locale.ROOT, "C%03d", i));
				ids[i] = country.getElementId();
			}
			tx.commit();
		}
		return ids;
	}

	private static Void writeBatch(GraphDatabaseService db, String[] countries, Variant variant, int size, int seed) {
		SplittableRandom random = new SplittableRandom(seed);
		RelationshipType sources = RelationshipType.withName("SOURCES");
		try (Transaction tx = db.beginTx()) {
			Node[] nodes = new Node[countries.length];
			for (int i = 0; i < countries.length; i++) {
				nodes[i] = tx.getNodeByElementId(countries[i]);
			}
			for (int k = 0; k < size; k++) {
				Relationship flow = nodes[random.nextInt(COUNTRIES)]
					.createRelationshipTo(nodes[random.nextInt(COUNTRIES)], sources);
				if (variant.properties()) {
					flow.setProperty("item", "mineral-" + random.nextInt(20));
					flow.setProperty("stage", STAGES[random.nextInt(STAGES.length)]);
					flow.setProperty("year", 2024L);
					flow.setProperty("source", "generated-baci");
					flow.setProperty("share", random.nextDouble());
					flow.setProperty("quantity", random.nextDouble() * 1e6);
					flow.setProperty("unit", "t");
				}
			}
			tx.commit();
		}
		return null;
	}

}
