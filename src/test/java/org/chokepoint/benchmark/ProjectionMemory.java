package org.chokepoint.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.AnalysisBridge;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chain projection's memory, measured against the count it makes of itself
 * ({@code ChainProjection.bytes()}, logged with every build): the application on a
 * generated tier (imported into a fresh database, deleted afterwards; or {@code --db} a
 * database folder, kept, and imported into only when it does not exist yet), then
 * {@code --builds} times a second projection built from the database and held, the heap
 * used measured after a full collection before and after it. The difference is what the
 * projection keeps alive. Not a test: a measurement, in its own JVM (the
 * {@code benchmark} profile, {@code -Xmx2g}), with the warm-ups off so that nothing else
 * allocates to keep.
 *
 * <pre>
 * mvn -B -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.ProjectionMemory -Dbenchmark.args="--tier M"
 * </pre>
 */
public final class ProjectionMemory {

	private ProjectionMemory() {
	}

	public static void main(String[] args) throws Exception {
		String tier = "M";
		int builds = 3;
		Path existing = null;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--tier" -> tier = args[i + 1];
				case "--builds" -> builds = Integer.parseInt(args[i + 1]);
				case "--db" -> existing = Path.of(args[i + 1]);
				default -> throw new IllegalArgumentException(
						"usage: ProjectionMemory [--tier S|M|L|I] [--builds 3] [--db a database folder, kept]");
			}
		}
		if (builds < 1) {
			throw new IllegalArgumentException("--builds must be at least 1, not " + builds);
		}
		Generator.Parameters parameters = Generator.tier(tier);
		Path out = Path.of("target/benchmark");
		Path data = out.resolve("data-" + tier);
		Path db = (existing != null) ? existing : Files.createTempDirectory("chokepoint-projection-memory-");
		boolean importing = existing == null || !Files.exists(existing);
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext context = Benchmark.startWithoutWarmUps(db)) {
			if (importing) {
				if (!Files.exists(data.resolve("trade_flows.csv"))) {
					Generator.write(parameters, data);
				}
				context.getBean(ImportService.class).importDirectory(data);
			}
			AnalysisBridge bridge = new AnalysisBridge(context);
			String load = Benchmark.loadAverage();
			long[] measured = new long[builds];
			long computed = 0;
			int items = 0;
			for (int b = 0; b < builds; b++) {
				long before = usedAfterFullCollection();
				Object projection = bridge.buildProjection();
				long after = usedAfterFullCollection();
				measured[b] = after - before;
				computed = bridge.projectionBytes(projection);
				items = bridge.projectionItems(projection);
				lines.add(String.format(Locale.ROOT, "| build %d: heap used after it less before it | %,d kB |", b + 1,
						measured[b] / 1024));
				// dropped here: the next build is measured without it
			}
			double[] sorted = new double[builds];
			for (int b = 0; b < builds; b++) {
				sorted[b] = measured[b];
			}
			double median = Benchmark.percentile(sorted, 50);
			long flows = parameters.flows();
			lines.add(0, String.format(Locale.ROOT, "| data | tier %s%s: %d items, %,d generated trade flows |", tier,
					(existing != null) ? " (" + existing + ")" : "", items, flows));
			lines.add(String.format(Locale.ROOT, "| measured, median of %d builds | %,d kB |", builds,
					Math.round(median / 1024)));
			lines.add(
					String.format(Locale.ROOT, "| computed by the projection (`bytes()`) | %,d kB |", computed / 1024));
			lines.add(String.format(Locale.ROOT, "| measured / computed | %.3f |", median / computed));
			lines.add(String.format(Locale.ROOT, "| measured per million trade flows | %.1f MB (million bytes) |",
					median / 1e6 / (flows / 1e6)));
			lines.add(String.format(Locale.ROOT, "| heap: most it may take (-Xmx) | %,d MB |",
					Runtime.getRuntime().maxMemory() / (1024 * 1024)));
			lines.add(String.format(Locale.ROOT, "| load average before / after | %s / %s |", load,
					Benchmark.loadAverage()));
		}
		finally {
			if (existing == null) {
				Benchmark.deleteRecursively(db);
			}
		}
		StringBuilder table = new StringBuilder("| measure | value |\n|---|---:|\n");
		lines.forEach(line -> table.append(line).append('\n'));
		Files.createDirectories(out);
		Files.writeString(out.resolve("projection-memory-" + tier + ".md"), table, StandardCharsets.UTF_8);
		System.out.println(table);
	}

	/**
	 * The heap used after full collections: {@code System.gc()} until the figure stops
	 * falling (at most five times), as the JVM's memory bean reports it.
	 */
	private static long usedAfterFullCollection() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			long now = memory.getHeapMemoryUsage().getUsed();
			if (now >= used) {
				return Math.min(now, used);
			}
			used = now;
		}
		return used;
	}

}
