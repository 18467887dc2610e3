package org.chokepoint.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Cold chain answers of variants of the service, each started afresh in turn, as
 * {@link PeerBenchmark}'s verdict asks them: the first {@code --pairs} new pairs after
 * ready, from Python's own {@code http.client} ({@code src/test/python/chain_client.py}),
 * then {@code --rounds - 1} further sets of as many. On these machines one start's p50
 * differs from the next one's by 10 % or more, more than most changes of the cold path
 * gain; variants started in turn, several times each, are compared by their medians over
 * the starts (docs/performance.md). A variant is
 * {@code label|JVM options|service arguments|classes}: all but the label may be left out;
 * the options and arguments are separated by spaces; {@code classes} is another build's
 * {@code target/classes} (with the same libraries), to compare code. A tool in the test
 * sources, not a test; it runs on the database {@code PeerBenchmark} imported for the
 * tier:
 *
 * <pre>mvn -B -o -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.ColdStarts \
 *   -Dbenchmark.args="--tier I --starts 5 --variant G1 --variant 'parallel|-XX:+UseParallelGC'"</pre>
 *
 * Beside each start's p50s the table gives the load average and a {@link MemoryProbe}
 * before it, and its warm-up's chain questions and the CPU time the host stole while it
 * ran: an outlier start is told from its variant by them. Writes
 * {@code target/benchmark/cold-starts-<tier>.md} (and each variant's last log,
 * {@code cold-starts-<tier>-<label>.log}).
 */
public final class ColdStarts {

	private record Variant(String label, List<String> jvmOptions, List<String> serviceArgs, Path classes) {

		static Variant parse(String spec) {
			String[] fields = spec.split("\\|", -1);
			if (fields.length > 4 || fields[0].isBlank() || !fields[0].matches("[A-Za-z0-9._-]+")) {
				throw new IllegalArgumentException("--variant is label|JVM options|service arguments|classes, with a"
						+ " label of letters, digits, '.', '_' or '-', not '" + spec + "'");
			}
			return new Variant(fields[0], words(fields, 1), words(fields, 2),
					(fields.length > 3 && !fields[3].isBlank()) ? Path.of(fields[3].strip()) : null);
		}

		private static List<String> words(String[] fields, int i) {
			return (fields.length > i && !fields[i].isBlank()) ? List.of(fields[i].strip().split("\\s+")) : List.of();
		}

	}

	/** The data set's name in file names: the tier, and its seed if given. */
	private final String tier;

	/** What the data set was generated from (its pairs are asked). */
	private final Generator.Parameters parameters;

	private final int starts;

	private final int rounds;

	private final int pairs;

	private final String python;

	private final List<Variant> variants;

	private ColdStarts(Generator.Parameters parameters, String tier, int starts, int rounds, int pairs, String python,
			List<Variant> variants) {
		this.parameters = parameters;
		this.tier = parameters.name(tier);
		this.starts = starts;
		this.rounds = rounds;
		this.pairs = pairs;
		this.python = python;
		this.variants = variants;
	}

	public static void main(String[] args) throws Exception {
		String tier = "I";
		int starts = 5;
		int rounds = 2;
		int pairs = 100;
		String python = "python3";
		Long seed = null;
		Integer years = null;
		List<Variant> variants = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--tier" -> tier = args[++i].toUpperCase(Locale.ROOT);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--years" -> years = Integer.parseInt(args[++i]);
				case "--starts" -> starts = positive("--starts", args[++i]);
				case "--rounds" -> rounds = positive("--rounds", args[++i]);
				case "--pairs" -> pairs = positive("--pairs", args[++i]);
				case "--python" -> python = args[++i];
				case "--variant" -> variants.add(Variant.parse(args[++i]));
				default -> throw new IllegalArgumentException(
						"usage: ColdStarts [--tier S|M|L|I|J] [--seed N] [--years N] [--starts N]"
								+ " [--rounds N] [--pairs N] [--python python3] --variant label|JVM options|service"
								+ " arguments|classes..., not " + args[i]);
			}
		}
		if (variants.isEmpty()) {
			throw new IllegalArgumentException("name at least one --variant (a label alone runs the service as it is)");
		}
		if (variants.stream().map(Variant::label).distinct().count() < variants.size()) {
			throw new IllegalArgumentException("each --variant needs a label of its own");
		}
		Generator.Parameters parameters = Generator.Parameters.of(tier, seed, years);
		new ColdStarts(parameters, tier, starts, rounds, pairs, python, variants).run();
		System.exit(0);
	}

	private static int positive(String name, String value) {
		int n = Integer.parseInt(value);
		if (n < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, not " + value);
		}
		return n;
	}

	private void run() throws Exception {
		Path out = Path.of("target/benchmark");
		Path db = out.resolve("peer-db-" + this.tier);
		if (!Files.isDirectory(db)) {
			throw new IllegalStateException(db + " is not there: run PeerBenchmark with the same --tier and --seed"
					+ " first (this tool runs on the database it imports)");
		}
		Path script = Path.of("src/test/python/chain_client.py");
		Path queries = Files.createTempFile("cold-starts-queries", ".csv");
		Path times = Files.createTempFile("cold-starts-times", ".csv");
		// the verdict pairs of PeerBenchmark with as many --pairs, then the next sets
		List<String> uris = PeerBenchmark.chainUris(this.parameters, this.pairs, this.rounds * this.pairs);
		Files.writeString(queries, String.join("\n", uris) + "\n");
		// p50 per start, variant and round
		double[][][] p50 = new double[this.starts][this.variants.size()][];
		String[][] loads = new String[this.starts][this.variants.size()];
		int[][] warmUps = new int[this.starts][this.variants.size()];
		double[][] stolen = new double[this.starts][this.variants.size()];
		String[][] probes = new String[this.starts][this.variants.size()];
		MemoryProbe probe = new MemoryProbe();
		try {
			for (int s = 0; s < this.starts; s++) {
				for (int v = 0; v < this.variants.size(); v++) {
					Variant variant = this.variants.get(v);
					loads[s][v] = Benchmark.loadAverage();
					probes[s][v] = String.format(Locale.ROOT, "%.1f / %.1f", probe.nanosPerLoad(),
							probe.cacheNanosPerLoad());
					long stolenBefore = stolenTicks();
					try (Service service = Service.start(db,
							out.resolve("cold-starts-" + this.tier + "-" + variant.label() + ".log"),
							variant.jvmOptions(), variant.classes(), variant.serviceArgs(), Duration.ofMinutes(10))) {
						warmUps[s][v] = service.warmUpQuestions();
						p50[s][v] = ask(script, service.base(), queries, times);
					}
					stolen[s][v] = (stolenTicks() - stolenBefore) / 100.0;
					System.out.printf(Locale.ROOT, "start %d, %s: %s%n", s + 1, variant.label(),
							Arrays.toString(p50[s][v]));
				}
			}
		}
		finally {
			Files.deleteIfExists(queries);
			Files.deleteIfExists(times);
		}
		String table = table(p50, loads, warmUps, stolen, probes);
		Files.writeString(out.resolve("cold-starts-" + this.tier + ".md"), table, StandardCharsets.UTF_8);
		System.out.println(table);
	}

	/** Asks every query once, cold: the p50 of each round of {@code --pairs} (ms). */
	private double[] ask(Path script, String base, Path queries, Path times) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(this.python, script.toString(), base, "--queries", queries.toString(),
				"--warm", "0", "--out", times.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException(
					"Python's http.client (" + this.python + " " + script + ") failed: " + output.strip());
		}
		double[] cold = Files.readAllLines(times).stream().mapToDouble(Double::parseDouble).toArray();
		double[] result = new double[this.rounds];
		for (int r = 0; r < this.rounds; r++) {
			result[r] = Benchmark.percentile(Arrays.copyOfRange(cold, r * this.pairs, (r + 1) * this.pairs), 50);
		}
		return result;
	}

	/**
	 * The CPU time the host took from this machine's processors since its boot, in ticks
	 * of 10 ms ({@code steal} in {@code /proc/stat}), or 0 where it can't be read: a
	 * start whose time was stolen is slower for it.
	 */
	private static long stolenTicks() {
		try {
			String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
			return (cpu.length > 8) ? Long.parseLong(cpu[8]) : 0;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private String table(double[][][] p50, String[][] loads, int[][] warmUps, double[][] stolen, String[][] probes) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(Locale.ROOT,
				"# Cold starts, tier %s: p50 (ms) of each set of %d new pairs after ready, Python's http.client%n%n",
				this.tier, this.pairs));
		table.append(
				"| start | variant | load average before | memory probe before (ns a load over 128 MB / over 4 MB) |"
						+ " chain questions in its warm-up | CPU time stolen by the host, start to last answer (s) |");
		for (int r = 0; r < this.rounds; r++) {
			table.append(" set ").append(r + 1).append(" |");
		}
		table.append("\n|---|---|---:|---:|---:|---:|").append("---:|".repeat(this.rounds)).append('\n');
		for (int s = 0; s < this.starts; s++) {
			for (int v = 0; v < this.variants.size(); v++) {
				table.append("| ").append(s + 1).append(" | ").append(this.variants.get(v).label()).append(" | ");
				table.append(loads[s][v]);
				table.append(" | ").append(probes[s][v]).append(" | ").append(warmUps[s][v]);
				table.append(String.format(Locale.ROOT, " | %.2f |", stolen[s][v]));
				for (double x : p50[s][v]) {
					table.append(String.format(Locale.ROOT, " %.3f |", x));
				}
				table.append('\n');
			}
		}
		table.append("\n| variant | JVM options | service arguments | classes |");
		for (int r = 0; r < this.rounds; r++) {
			table.append(" set ").append(r + 1).append(": median of the starts (least to most) |");
		}
		table.append("\n|---|---|---|---|").append("---:|".repeat(this.rounds)).append('\n');
		for (int v = 0; v < this.variants.size(); v++) {
			Variant variant = this.variants.get(v);
			table.append("| ")
				.append(variant.label())
				.append(" | ")
				.append(String.join(" ", variant.jvmOptions()))
				.append(" | ")
				.append(String.join(" ", variant.serviceArgs()))
				.append(" | ")
				.append(variant.classes() == null ? "this build" : variant.classes().toString())
				.append(" |");
			for (int r = 0; r < this.rounds; r++) {
				double[] perStart = new double[this.starts];
				for (int s = 0; s < this.starts; s++) {
					perStart[s] = p50[s][v][r];
				}
				Arrays.sort(perStart);
				table.append(String.format(Locale.ROOT, " %.3f (%.3f to %.3f) |", median(perStart), perStart[0],
						perStart[perStart.length - 1]));
			}
			table.append('\n');
		}
		return table.toString();
	}

	/**
	 * The median of sorted values (the mean of the middle two where their count is even).
	 */
	static double median(double[] sorted) {
		int n = sorted.length;
		return (n % 2 == 1) ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
