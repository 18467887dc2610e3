package org.chokepoint.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.chokepoint.supplychain.AnalysisBridge;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The calculator's first computation of a pair against the same pair computed again, in
 * process (no HTTP, no report, no JSON): what a cold chain answer reads from memory,
 * which the in-process floor of {@code PeerBenchmark} (each pair's median of five in a
 * row) does not see. On a database {@code PeerBenchmark} imported ({@code --db}, its data
 * only read), the calculator is first compiled by the JIT on {@code --warm} random pairs;
 * then, per pair of {@code --pairs} others, the CPU's caches are flushed (a sweep writing
 * 64 MB), the pair is computed once ("first") and four times more ("again": their
 * median). Per start of this command the p50 of each; its figures are comparable only
 * within a start or between starts in turn on one machine. Not a test: a measurement, in
 * its own JVM.
 *
 * <pre>
 * mvn -B -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.FirstComputations -Dbenchmark.args="--tier M --db target/benchmark/peer-db-M"
 * </pre>
 */
public final class FirstComputations {

	/**
	 * Bytes the sweep writes between pairs: twice the largest L3 cache of these machines.
	 */
	private static final int SWEEP_BYTES = 64 << 20;

	private static final int AGAIN = 4;

	private FirstComputations() {
	}

	public static void main(String[] args) throws Exception {
		String tier = "M";
		Path db = null;
		int warm = 1000;
		int pairs = 300;
		String usage = "usage: FirstComputations --db a database PeerBenchmark imported [--tier M] [--warm 1000]"
				+ " [--pairs 300]";
		if (args.length % 2 != 0) {
			throw new IllegalArgumentException(args[args.length - 1] + " has no value; " + usage);
		}
		for (int i = 0; i < args.length; i += 2) {
			switch (args[i]) {
				case "--tier" -> tier = args[i + 1].toUpperCase(Locale.ROOT);
				case "--db" -> db = Path.of(args[i + 1]);
				case "--warm" -> warm = Integer.parseInt(args[i + 1]);
				case "--pairs" -> pairs = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; " + usage);
			}
		}
		if (warm < 0 || pairs < 1) {
			throw new IllegalArgumentException(
					"--warm must be at least 0 and --pairs at least 1, not " + warm + " and " + pairs + "; " + usage);
		}
		if (db == null || !Files.isDirectory(db)) {
			throw new IllegalArgumentException("--db must name a database folder PeerBenchmark imported, not " + db);
		}
		Path data = Path.of("target/benchmark/data-" + tier);
		List<String[]> all = pairs(data);
		if (all.size() < warm + pairs) {
			throw new IllegalArgumentException("the data of " + data + " has " + all.size()
					+ " pairs, fewer than --warm " + warm + " and --pairs " + pairs);
		}
		try (ConfigurableApplicationContext context = Benchmark.startWithoutWarmUps(db)) {
			AnalysisBridge bridge = new AnalysisBridge(context);
			long deadline = System.nanoTime() + 180_000_000_000L;
			while (!bridge.projectionServing()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("no projection served after 180 s");
				}
				Thread.sleep(200);
			}
			java.util.Map<String, AnalysisBridge.Floor> facts = new java.util.HashMap<>();
			double sum = 0;
			for (int i = 0; i < warm; i++) {
				String[] pair = all.get(i);
				sum += figure(facts.computeIfAbsent(pair[0], p -> bridge.floor(p, PeerBenchmark.YEAR)), pair[1]);
			}
			long[] sweep = new long[SWEEP_BYTES / 8];
			double[] first = new double[pairs];
			double[] again = new double[pairs];
			String load = Benchmark.loadAverage();
			for (int i = 0; i < pairs; i++) {
				String[] pair = all.get(warm + i);
				AnalysisBridge.Floor floor = facts.computeIfAbsent(pair[0], p -> bridge.floor(p, PeerBenchmark.YEAR));
				for (int k = 0; k < sweep.length; k += 8) {
					sweep[k] += i;
				}
				long started = System.nanoTime();
				sum += figure(floor, pair[1]);
				first[i] = (System.nanoTime() - started) / 1e6;
				double[] times = new double[AGAIN];
				for (int r = 0; r < AGAIN; r++) {
					started = System.nanoTime();
					sum += figure(floor, pair[1]);
					times[r] = (System.nanoTime() - started) / 1e6;
				}
				again[i] = Benchmark.percentile(times, 50);
			}
			Benchmark.sink = sum + sweep[0];
			String line = String.format(Locale.ROOT,
					"tier %s, %d pairs after %d: first p50 %.3f ms, again p50 %.3f ms, first - again p50 %.3f ms"
							+ " (load average before %s, after %s)",
					tier, pairs, warm, Benchmark.percentile(first, 50), Benchmark.percentile(again, 50),
					Benchmark.percentile(difference(first, again), 50), load, Benchmark.loadAverage());
			System.out.println(line);
			Path out = Path.of("target/benchmark/first-computations-" + tier + ".txt");
			Files.writeString(out, line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
					java.nio.file.StandardOpenOption.APPEND);
		}
	}

	private static double figure(AnalysisBridge.Floor floor, String consumer) {
		Double exposure = floor.compute(consumer).chinaExposure();
		return (exposure != null) ? exposure : 0;
	}

	private static double[] difference(double[] a, double[] b) {
		double[] d = new double[a.length];
		for (int i = 0; i < d.length; i++) {
			d[i] = a[i] - b[i];
		}
		return d;
	}

	/** Every (end product, country) of the generated data, in a seeded random order. */
	private static List<String[]> pairs(Path data) throws IOException {
		List<String> products = new ArrayList<>();
		List<String> lines = Files.readAllLines(data.resolve("products.csv"), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.get(0).split(","));
		int id = header.indexOf("id");
		int kind = header.indexOf("kind");
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			if (cells[kind].equals("END_PRODUCT")) {
				products.add(cells[id]);
			}
		}
		List<String> countries = new ArrayList<>();
		lines = Files.readAllLines(data.resolve("countries.csv"), StandardCharsets.UTF_8);
		int iso3 = List.of(lines.get(0).split(",")).indexOf("iso3");
		for (String line : lines.subList(1, lines.size())) {
			countries.add(line.split(",")[iso3]);
		}
		List<String[]> pairs = new ArrayList<>();
		for (String product : products) {
			for (String country : countries) {
				pairs.add(new String[] { product, country });
			}
		}
		Collections.shuffle(pairs, new Random(42));
		return pairs;
	}

}
