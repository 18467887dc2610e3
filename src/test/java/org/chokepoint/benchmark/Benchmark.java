package org.chokepoint.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.database.EmbeddedNeo4j;
import org.chokepoint.importer.ImportReport;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.AnalysisBridge;
import org.chokepoint.supplychain.ScenarioRequest;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionConfig;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One benchmark run of a tier, on a fresh embedded database: the application's import vs
 * LOAD CSV, chain analysis latency (cold and warm), a consumer's overview, a scenario, a
 * naive path-enumerating query, and the in-process floor: the API's own calculator over
 * facts read once ({@link AnalysisBridge.Floor}). Writes
 * {@code target/benchmark/results-<tier>.csv}, {@code results.md} and
 * {@code latency.png}. A tool in the test sources, not in the jar; run it through the
 * {@code benchmark} profile (docs/scaling.md):
 *
 * <pre>mvn -B -o -Pbenchmark test-compile exec:exec -Dbenchmark.args="--tier M"</pre>
 *
 * <p>
 * {@code --import-only} stops after the import; {@code --reuse-db} measures the analyses
 * on the database an earlier run left (no import, no LOAD CSV). Cold figures are taken
 * with every cache cleared (docs/scaling.md).
 */
public final class Benchmark {

	static final int YEAR = 2024;

	static final int DEFAULT_PAIRS = 20;

	private int pairs = DEFAULT_PAIRS;

	/**
	 * Only the import and LOAD CSV, not the analyses: leaves a database for
	 * {@code --reuse-db}.
	 */
	private boolean importOnly;

	static final int WARM_REPEATS = 5;

	/**
	 * Where the floor's figures go, so that its computation is not left out as unused.
	 */
	static volatile double sink;

	/**
	 * The application in this JVM on the database folder {@code db}, on free ports,
	 * importing nothing at start and without its warm-ups, so that nothing else computes
	 * beside what a command measures.
	 */
	static ConfigurableApplicationContext startWithoutWarmUps(Path db) {
		return new SpringApplicationBuilder(ChokepointApplication.class).web(WebApplicationType.SERVLET)
			.run("--spring.config.location=classpath:/application.yaml", "--server.port=0",
					"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + db.toAbsolutePath(),
					"--chokepoint.embedded.import-dir=" + db.resolve("import").toAbsolutePath(),
					"--chokepoint.import.on-startup=false", "--chokepoint.embedded.shutdown-quiet-period=0s",
					"--chokepoint.cache.warm-up=0s", "--chokepoint.cache.http-warm-up=0s",
					"--chokepoint.rate-limit.enabled=false");
	}

	private final Map<String, String> results = new LinkedHashMap<>();

	private final String tier;

	private final Duration budget;

	/**
	 * Use the database of an earlier run of the tier as it is: no import, no LOAD CSV.
	 */
	private boolean reuseDatabase;

	private Benchmark(String tier, Duration budget) {
		this.tier = tier;
		this.budget = budget;
	}

	public static void main(String[] args) throws Exception {
		String tier = "S";
		long budgetSeconds = 60;
		int pairs = DEFAULT_PAIRS;
		boolean reuse = false;
		boolean importOnly = false;
		for (int i = 0; i < args.length; i++) {
			String value = i + 1 < args.length ? args[i + 1] : "";
			switch (args[i]) {
				case "--tier" -> tier = args[++i].toUpperCase(Locale.ROOT);
				case "--budget" -> budgetSeconds = Long.parseLong(args[++i]);
				case "--pairs" -> pairs = Integer.parseInt(args[++i]);
				case "--reuse-db" -> reuse = true;
				case "--import-only" -> importOnly = true;
				default -> throw new IllegalArgumentException(
						"usage: Benchmark --tier S|M|L [--budget SECONDS] [--pairs N] [--reuse-db | --import-only], not "
								+ args[i] + " " + value);
			}
		}
		Benchmark benchmark = new Benchmark(tier, Duration.ofSeconds(budgetSeconds));
		benchmark.pairs = pairs;
		benchmark.reuseDatabase = reuse;
		benchmark.importOnly = importOnly;
		benchmark.run();
		System.exit(0);
	}

	private void run() throws Exception {
		Path out = Path.of("target/benchmark");
		Path data = out.resolve("data-" + this.tier);
		Path db = out.resolve("db-" + this.tier);
		Generator.Parameters parameters = Generator.tier(this.tier);
		if (!Files.exists(data.resolve("trade_flows.csv"))) {
			Generator.write(parameters, data);
		}
		if (this.reuseDatabase && !Files.isDirectory(db)) {
			throw new IllegalStateException(
					"--reuse-db: no database " + db + " (run the tier once, e.g. with --import-only)");
		}
		if (!this.reuseDatabase) {
			deleteRecursively(db);
		}
		HeapSampler heap = new HeapSampler();
		heap.start();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChokepointApplication.class)
			.web(WebApplicationType.NONE)
			// arguments, not default properties: application.yaml would win over those.
			// Only the
			// application's own application.yaml: the tests' config/application.yaml, on
			// this test
			// classpath too, would shrink the page cache to 32 MB and change what is
			// measured; no HTTP warm-up, which would run beside the measures after the
			// import
			.run("--spring.config.location=classpath:/application.yaml", "--chokepoint.embedded.port=0",
					"--chokepoint.embedded.data-dir=" + db, "--chokepoint.embedded.import-dir=" + db.resolve("import"),
					"--chokepoint.import.on-startup=false", "--chokepoint.embedded.shutdown-quiet-period=0s",
					"--chokepoint.cache.http-warm-up=0s")) {
			put("tier", this.tier);
			put("trade_flows", parameters.flows());
			put("load_average_before", loadAverage());
			Driver driver = context.getBean(Driver.class);
			ImportService importer = context.getBean(ImportService.class);
			if (this.reuseDatabase) {
				put("import_outcome", "reused the database of an earlier run, data version " + importer.currentVersion()
					.orElseThrow(() -> new IllegalStateException(db + " holds no data")));
			}
			else {
				long started = System.nanoTime();
				double cpu = cpuSeconds();
				double gc = gcSeconds();
				ImportReport report = importer.importDirectory(data);
				double importSeconds = seconds(started);
				long relationships = report.relationships().values().stream().mapToLong(Long::longValue).sum();
				put("import_s", importSeconds);
				put("import_relationships", relationships);
				put("import_rel_per_s", relationships / importSeconds);
				// the machine is shared: CPU seconds spent by this process (application
				// and database) say
				// what the import costs whatever the others do; GC time is part of them
				put("import_cpu_s", cpuSeconds() - cpu);
				put("import_gc_s", gcSeconds() - gc);
				put("import_rel_per_cpu_s", relationships / (cpuSeconds() - cpu));
				put("load_average_after_import", loadAverage());
				loadCsv(driver, context.getBean(EmbeddedNeo4j.class), data);
				put("load_average_after_loadcsv", loadAverage());
			}
			if (!this.importOnly) {
				chains(context, driver, parameters);
			}
		}
		finally {
			heap.stop = true;
		}
		put("peak_heap_mb", heap.peak.get() / 1e6);
		put("peak_rss_mb", peakRssKb() / 1e3);
		Report.write(out, this.tier, this.results);
	}

	/**
	 * Neo4j's own LOAD CSV + MERGE of the same rows, within the time budget; its rate
	 * from what it committed.
	 */
	private void loadCsv(Driver driver, EmbeddedNeo4j database, Path data) throws IOException {
		Path importDir = database.home().resolve("import");
		Files.createDirectories(importDir);
		Files.copy(data.resolve("trade_flows.csv"), importDir.resolve("trade_flows.csv"),
				StandardCopyOption.REPLACE_EXISTING);
		Map<String, Object> hs = new LinkedHashMap<>();
		for (String line : Files.readAllLines(data.resolve("hs_codes.csv"))
			.subList(1, Files.readAllLines(data.resolve("hs_codes.csv")).size())) {
			String[] cells = line.split(",", -1);
			hs.put(cells[0], List.of(cells[1], cells[2]));
		}
		String load = """
				LOAD CSV WITH HEADERS FROM 'file:///trade_flows.csv' AS row
				CALL (row) {
				  WITH row, $hs[row.item] AS mapped
				  MATCH (b:Country {iso3: row.importer})
				  MATCH (s:Country {iso3: row.exporter})
				  MERGE (b)-[f:SOURCES_LOADCSV {item: coalesce(mapped[0], row.item), stage: coalesce(mapped[1], row.stage),
				                                year: toInteger(row.year), source: row.source}]->(s)
				  ON CREATE SET f.quantity = toFloat(row.quantity), f.unit = row.unit
				  ON MATCH SET f.quantity = f.quantity + toFloat(row.quantity)
				} IN TRANSACTIONS OF 10000 ROWS
				""";
		long started = System.nanoTime();
		double cpu = cpuSeconds();
		String outcome = "completed";
		try (Session session = driver.session()) {
			session.run(load, Map.of("hs", hs), TransactionConfig.builder().withTimeout(this.budget).build()).consume();
			// the shares: a second pass over every relationship, grouped by importer
			session
				.run("""
						MATCH (b:Country)-[f:SOURCES_LOADCSV]->()
						WITH b, f.item AS item, f.stage AS stage, f.year AS year, f.source AS source, collect(f) AS flows, sum(f.quantity) AS total
						CALL (flows, total) {
						  UNWIND flows AS f
						  SET f.share = f.quantity / total
						} IN TRANSACTIONS OF 1000 ROWS
						""",
						TransactionConfig.builder().withTimeout(this.budget).build())
				.consume();
		}
		catch (RuntimeException ex) {
			outcome = "stopped: " + String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
		}
		double elapsed = seconds(started);
		double cpuUsed = cpuSeconds() - cpu;
		long loaded;
		try (Session session = driver.session()) {
			loaded = session.run("MATCH ()-[f:SOURCES_LOADCSV]->() RETURN count(f) AS n").single().get("n").asLong();
			session.run("MATCH ()-[f:SOURCES_LOADCSV]->() CALL (f) { DELETE f } IN TRANSACTIONS OF 50000 ROWS")
				.consume();
		}
		put("loadcsv_s", elapsed);
		put("loadcsv_relationships", loaded);
		put("loadcsv_rel_per_s", loaded / elapsed);
		put("loadcsv_cpu_s", cpuUsed);
		put("loadcsv_rel_per_cpu_s", loaded / cpuUsed);
		put("loadcsv_outcome", outcome);
	}

	private void chains(ConfigurableApplicationContext context, Driver driver, Generator.Parameters p) {
		AnalysisBridge analyses = new AnalysisBridge(context);
		List<String> countries = Generator.countries(p.countries());
		List<String> endProducts = new ArrayList<>();
		for (int i = 0; i < p.products(); i++) {
			if (Generator.level(p, i) == 0) {
				endProducts.add(Generator.product(i));
			}
		}
		LocalDate asOf = LocalDate.of(YEAR, 6, 1);
		double[] cold = new double[this.pairs];
		double[] warm = new double[this.pairs * WARM_REPEATS];
		double[] floor = new double[this.pairs];
		// the floor's figures, summed so that no computation of it can be left out as
		// unused
		double floorSum = 0;
		Map<String, AnalysisBridge.Floor> loaded = new java.util.HashMap<>();
		for (int i = 0; i < this.pairs; i++) {
			String consumer = countries.get(1 + i % (countries.size() - 1));
			String product = endProducts.get(i % endProducts.size());
			// cold: nothing cached, neither analyses nor the facts of items other chains
			// used
			analyses.clearCaches();
			long started = System.nanoTime();
			analyses.analyse(product, consumer, YEAR, 0.5, asOf);
			cold[i] = millis(started);
			System.out.printf(Locale.ROOT, "benchmark %s pair %d: %s for %s, cold %.1f ms%n", this.tier, i, product,
					consumer, cold[i]);
			for (int r = 0; r < WARM_REPEATS; r++) {
				started = System.nanoTime();
				analyses.analyse(product, consumer, YEAR, 0.5, asOf);
				warm[i * WARM_REPEATS + r] = millis(started);
			}
			// read once per product: its facts do not depend on the consumer
			AnalysisBridge.Floor memory = loaded.computeIfAbsent(product, k -> analyses.floor(k, YEAR));
			started = System.nanoTime();
			AnalysisBridge.Figures figures = memory.compute(consumer);
			floor[i] = millis(started);
			floorSum += figures.chinaExposure() == null ? 0 : figures.chinaExposure();
		}
		putLatency("chain_cold", cold);
		putLatency("chain_warm", warm);
		putLatency("inmemory", floor);
		put("chain_cold_p50_x_floor", percentile(cold, 50) / Math.max(1e-3, percentile(floor, 50)));
		put("chain_warm_p50_x_floor", percentile(warm, 50) / Math.max(1e-3, percentile(floor, 50)));
		sink = floorSum;
		put("pairs", this.pairs);
		String consumer = countries.get(1);
		analyses.clearCaches();
		timed("overview", () -> analyses.overviewChokepoints(consumer, YEAR, 0.5, asOf) + " chokepoints");
		// the scenario's chains without cuts are cached by the overview: clear to time it
		// alone
		analyses.clearCaches();
		timed("scenario", () -> analyses.scenarioHits(new ScenarioRequest("CHN", List.of(Generator.mineral(0)), null,
				List.of(), 1.0, null, null, null, List.of(consumer), YEAR)) + " hits");
		naivePaths(driver, p, consumer, endProducts.get(0));
	}

	/**
	 * Runs {@code task} on its own thread within the budget; past it, the thread is left
	 * behind (daemon).
	 */
	private void timed(String name, java.util.concurrent.Callable<String> task) {
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		});
		long started = System.nanoTime();
		try {
			String outcome = executor.submit(task)
				.get(this.budget.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			put(name + "_ms", millis(started));
			put(name + "_outcome", outcome);
		}
		catch (java.util.concurrent.TimeoutException ex) {
			put(name + "_ms", ">" + this.budget.toMillis());
			put(name + "_outcome", "not finished within " + this.budget.toSeconds() + " s");
		}
		catch (Exception ex) {
			put(name + "_outcome", "failed: " + ex.getMessage());
		}
		executor.shutdown();
	}

	/**
	 * The same input chain as a path-enumerating MATCH, one hop per stage, within the
	 * budget.
	 */
	private void naivePaths(Driver driver, Generator.Parameters p, String consumer, String product) {
		List<String[]> hops = new ArrayList<>();
		String item = product;
		// follow the first product input down the levels, then its first mineral
		try (Session session = driver.session()) {
			while (item != null) {
				hops.add(new String[] { item, item.startsWith("product-") ? "MANUFACTURING" : "REFINING" });
				if (!item.startsWith("product-")) {
					hops.add(new String[] { item, "MINING" });
					break;
				}
				List<String> inputs = session
					.run("MATCH (:Product {id: $id})-[:REQUIRES]->(i:Item) RETURN i.id AS id ORDER BY id",
							Map.of("id", item))
					.list(r -> r.get("id").asString());
				item = inputs.stream()
					.filter(i -> i.startsWith("product-"))
					.findFirst()
					.orElse(inputs.isEmpty() ? null : inputs.get(0));
			}
		}
		StringBuilder query = new StringBuilder("MATCH (c:Party {code: $consumer})");
		StringBuilder weight = new StringBuilder("1.0");
		StringBuilder china = new StringBuilder("false");
		for (int h = 0; h < hops.size(); h++) {
			query.append("-[f")
				.append(h)
				.append(":SOURCES {item: '")
				.append(hops.get(h)[0])
				.append("', stage: '")
				.append(hops.get(h)[1])
				.append("', year: $year}]->(x")
				.append(h)
				.append(")");
			weight.append(" * f").append(h).append(".share");
			china.append(" OR x").append(h).append(".code = 'CHN'");
		}
		query.append(" RETURN count(*) AS paths, sum(")
			.append(weight)
			.append(") AS weight, sum(CASE WHEN ")
			.append(china)
			.append(" THEN ")
			.append(weight)
			.append(" ELSE 0 END) AS china");
		long started = System.nanoTime();
		String outcome;
		try (Session session = driver.session()) {
			var r = session
				.run(query.toString(), Map.of("consumer", consumer, "year", YEAR),
						TransactionConfig.builder().withTimeout(this.budget).build())
				.single();
			outcome = "completed: " + r.get("paths").asLong() + " paths";
		}
		catch (RuntimeException ex) {
			// the time limit, or the database refusing the query's memory: the message
			// says which
			String message = String.valueOf(ex.getMessage());
			outcome = "stopped after " + Math.round(millis(started) / 1000) + " s (" + ex.getClass().getSimpleName()
					+ ": " + message.substring(0, Math.min(160, message.length())).replace(',', ';') + ")";
		}
		put("naive_hops", hops.size());
		put("naive_expected_paths", Math.pow(Math.min(p.suppliers(), p.countries() - 1), hops.size()));
		put("naive_ms", millis(started));
		put("naive_outcome", outcome);
	}

	private void putLatency(String name, double[] millis) {
		put(name + "_p50_ms", percentile(millis, 50));
		put(name + "_p95_ms", percentile(millis, 95));
		put(name + "_max_ms", Arrays.stream(millis).max().orElse(0));
	}

	static double percentile(double[] values, double p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private void put(String key, Object value) {
		String text = value instanceof Double d ? String.format(Locale.ROOT, "%.6g", d) : String.valueOf(value);
		this.results.put(key, text);
		System.out.println("benchmark " + this.tier + " " + key + " = " + text);
	}

	private static double millis(long started) {
		return (System.nanoTime() - started) / 1e6;
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	/**
	 * CPU time of this process (all its threads: the application, the database, the GC).
	 */
	static double cpuSeconds() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e9;
	}

	/** Time the garbage collectors reported so far (pauses and concurrent work). */
	private static double gcSeconds() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(b -> Math.max(0, b.getCollectionTime()))
			.sum() / 1e3;
	}

	/** The 1-minute load average, to read the timings by (the machine is shared). */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long peakRssKb() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			// not Linux: no figure
		}
		return -1;
	}

	static void deleteRecursively(Path path) throws IOException {
		if (Files.exists(path)) {
			try (var walk = Files.walk(path)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** Samples the used heap every 20 ms: its peak. */
	private static final class HeapSampler extends Thread {

		final AtomicLong peak = new AtomicLong();

		volatile boolean stop;

		HeapSampler() {
			setDaemon(true);
		}

		@Override
		public void run() {
			var memory = ManagementFactory.getMemoryMXBean();
			while (!this.stop) {
				this.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
