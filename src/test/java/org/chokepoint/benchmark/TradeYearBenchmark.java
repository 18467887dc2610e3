package org.chokepoint.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.importer.ImportReport;
import org.chokepoint.importer.ImportService;
import org.chokepoint.importer.TradeGroup;
import org.chokepoint.importer.TradeImportService;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An incremental year of trade (issue 18): imports a generated tier in full into a fresh
 * database, then adds one new year of BACI-sized trade for some HS codes
 * ({@link TradeImportService#addTrade}), removes it, and adds it again, timing each; the
 * target is an added year of about 12,000 flows for about 30 HS codes in under 10 s at M.
 * A command line, not a test; the database is a temporary directory, deleted at the end.
 *
 * <pre>mvn -B -o -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.TradeYearBenchmark \
 *   -Dbenchmark.args="--tier M --flows 12000 --codes 30"</pre>
 */
public final class TradeYearBenchmark {

	/** The year added: the generated tiers end in 2024. */
	static final int YEAR = 2025;

	/** The generated trade source (sources.csv of {@link Generator}). */
	static final String SOURCE = "gen-trade";

	private TradeYearBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String tier = "M";
		int flows = 12_000;
		int codes = 30;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--tier" -> tier = args[i + 1];
				case "--flows" -> flows = Integer.parseInt(args[i + 1]);
				case "--codes" -> codes = Integer.parseInt(args[i + 1]);
				default -> throw new IllegalArgumentException(
						"usage: TradeYearBenchmark [--tier S|M|L] [--flows 12000] [--codes 30]");
			}
		}
		Generator.Parameters parameters = Generator.tier(tier);
		Path out = Path.of("target/benchmark");
		Path data = out.resolve("data-" + tier);
		if (!Files.exists(data.resolve("trade_flows.csv"))) {
			Generator.write(parameters, data);
		}
		Path year = out.resolve("trade-year-" + tier);
		List<String> hsCodes = writeYear(parameters, year, flows, codes);
		Path db = Files.createTempDirectory("chokepoint-trade-year-" + tier + "-");
		List<String> lines = new ArrayList<>();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChokepointApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.config.location=classpath:/application.yaml", "--server.port=0",
					"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + db,
					"--chokepoint.embedded.import-dir=" + db.resolve("import"), "--chokepoint.import.on-startup=false",
					"--chokepoint.embedded.shutdown-quiet-period=0s", "--chokepoint.cache.http-warm-up=0s",
					"--chokepoint.rate-limit.enabled=false")) {
			String load = Benchmark.loadAverage();
			long started = System.nanoTime();
			ImportReport full = context.getBean(ImportService.class).importDirectory(data);
			lines.add(String.format(Locale.ROOT, "| full import of tier %s (%,d trade flows) | %.1f s | |", tier,
					parameters.flows(), seconds(started)));
			TradeImportService trade = context.getBean(TradeImportService.class);
			TradeGroup group = new TradeGroup(SOURCE, YEAR);
			String what = String.format(Locale.ROOT, "%,d flows of %d HS codes, %d", flows, hsCodes.size(), YEAR);
			started = System.nanoTime();
			ImportReport added = trade.addTrade(year);
			double add = seconds(started);
			lines.add(row("add a year (" + what + ")", add));
			started = System.nanoTime();
			trade.removeTrade(group);
			lines.add(row("remove it (" + group + ")", seconds(started)));
			started = System.nanoTime();
			trade.addTrade(year);
			double again = seconds(started);
			lines.add(row("add it again", again));
			lines.add(String.format(Locale.ROOT, "| data version | %s -> %s | |", full.version(), added.version()));
			lines.add(String.format(Locale.ROOT, "| load average before / after | %s / %s | |", load,
					Benchmark.loadAverage()));
			String verdict = Math.max(add, again) < 10 ? "PASS" : "MISS";
			lines.add(String.format(Locale.ROOT, "| target: an added year under 10 s | %s | |", verdict));
		}
		finally {
			Benchmark.deleteRecursively(db);
		}
		StringBuilder table = new StringBuilder();
		table.append("| step | time | |\n|---|---|---|\n");
		lines.forEach(l -> table.append(l).append('\n'));
		Files.createDirectories(out);
		Files.writeString(out.resolve("trade-year-" + tier + ".md"), table, StandardCharsets.UTF_8);
		System.out.println(table);
	}

	private static String row(String step, double seconds) {
		return String.format(Locale.ROOT, "| %s | %.2f s | |", step, seconds);
	}

	/**
	 * Writes {@code dir/trade_flows.csv}: {@code flows} flows of the year, spread evenly
	 * over the first {@code codes} HS codes of the tier, each an importer buying from
	 * exporters drawn at random (seeded).
	 */
	static List<String> writeYear(Generator.Parameters p, Path dir, int flows, int codes) throws IOException {
		List<String> hs = new ArrayList<>();
		for (int i = 0; i < p.minerals() && hs.size() < codes; i++) {
			hs.add(Generator.hs(i, "MINING"));
			if (hs.size() < codes) {
				hs.add(Generator.hs(i, "REFINING"));
			}
		}
		List<String> countries = Generator.countries(p.countries());
		int n = countries.size();
		SplittableRandom random = new SplittableRandom(p.seed() + YEAR);
		Files.createDirectories(dir);
		try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("trade_flows.csv"), StandardCharsets.UTF_8)) {
			w.write("year,exporter,importer,item,stage,quantity,unit,source\n");
			int perCode = flows / hs.size();
			if (perCode > n * (n - 1)) {
				throw new IllegalArgumentException(
						perCode + " flows per HS code is more than the tier's " + n + " countries have pairs");
			}
			for (String code : hs) {
				// each importer in turn buys from the countries after it: no pair twice,
				// no
				// country from itself (perCode < n * (n - 1))
				for (int f = 0; f < perCode; f++) {
					int importer = f % n;
					int exporter = (importer + 1 + f / n) % n;
					w.write(YEAR + "," + countries.get(exporter) + "," + countries.get(importer) + "," + code + ",,"
							+ String.format(Locale.ROOT, "%.3f", 1 + 1000 * random.nextDouble()) + ",t," + SOURCE
							+ "\n");
				}
			}
		}
		return hs;
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
