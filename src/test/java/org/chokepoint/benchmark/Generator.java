package org.chokepoint.benchmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Writes a synthetic, deterministic import folder (same seed, same bytes) shaped like a
 * BACI extract: every importer buys every item at every stage from its own few dozen to
 * hundreds of suppliers ({@code trade_flows.csv}, minerals by HS code through
 * {@code hs_codes.csv}), global output per stage with a power-law skew and one China-like
 * country (CHN, the code the analyses look for) with large shares, so chokepoints exist.
 *
 * <pre>mvn -B -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.Generator \
 *   -Dbenchmark.args="--tier M --out target/benchmark/data-M"</pre>
 */
public final class Generator {

	/**
	 * What to generate.
	 *
	 * @param countries how many countries (real ISO3 codes, CHN always among them)
	 * @param minerals minerals, each mined and refined
	 * @param products components and end products, each manufactured
	 * @param depth levels of products in a bill of materials (end products at level 0)
	 * @param width inputs per product
	 * @param suppliers suppliers per buyer, item and stage (at most countries - 1)
	 * @param skew the Pareto exponent of output per country (smaller: more concentrated)
	 * @param years years of data, ending in 2024
	 * @param seed the random seed
	 */
	public record Parameters(int countries, int minerals, int products, int depth, int width, int suppliers,
			double skew, int years, long seed) {

		/** Trade flows (SOURCES relationships) this writes. */
		public long flows() {
			return (long) this.countries * Math.min(this.suppliers, this.countries - 1)
					* (2L * this.minerals + this.products) * this.years;
		}

		/** The same shape from another seed: data no run has seen before. */
		public Parameters withSeed(long seed) {
			return new Parameters(this.countries, this.minerals, this.products, this.depth, this.width, this.suppliers,
					this.skew, this.years, seed);
		}

		/** The same shape over more or fewer years, ending in 2024. */
		public Parameters withYears(int years) {
			if (years < 1) {
				throw new IllegalArgumentException("--years must be 1 or more, not " + years);
			}
			return new Parameters(this.countries, this.minerals, this.products, this.depth, this.width, this.suppliers,
					this.skew, years, this.seed);
		}

		/**
		 * The name of a data set in file names: the tier, then the seed and the years
		 * where they are not the tier's own (e.g. {@code J-seed7},
		 * {@code J-seed7-years5}).
		 */
		public String name(String tier) {
			Parameters own = tier(tier);
			return tier + ((this.seed == own.seed()) ? "" : "-seed" + this.seed)
					+ ((this.years == own.years()) ? "" : "-years" + this.years);
		}

		/**
		 * The tier's parameters, with {@code --seed} and {@code --years} where given
		 * (null: the tier's own).
		 */
		public static Parameters of(String tier, Long seed, Integer years) {
			Parameters p = tier(tier);
			p = (seed == null) ? p : p.withSeed(seed);
			return (years == null) ? p : p.withYears(years);
		}

	}

	/**
	 * S: a few thousand flows; M: about 1 million; L: about 5 million; I: the shape of
	 * issue 18's first model (240 countries, 60 minerals, 120 products), many items with
	 * one supplier each per buyer and stage: 57,600 flows and as many output shares; J:
	 * the shape of its second (249 countries, 80 minerals, 200 products), two suppliers
	 * each: 179,280 flows and 89,640 output shares.
	 */
	public static Parameters tier(String tier) {
		return switch (tier.toUpperCase(Locale.ROOT)) {
			case "S" -> new Parameters(40, 6, 8, 3, 3, 15, 1.2, 2, 42);
			case "M" -> new Parameters(200, 15, 20, 3, 3, 100, 1.2, 1, 42);
			case "L" -> new Parameters(220, 25, 30, 3, 3, 140, 1.2, 2, 42);
			case "I" -> new Parameters(240, 60, 120, 3, 3, 1, 1.2, 1, 42);
			case "J" -> new Parameters(249, 80, 200, 3, 3, 2, 1.2, 1, 42);
			default -> throw new IllegalArgumentException("tier must be S, M, L, I or J, not " + tier);
		};
	}

	public static void main(String[] args) throws IOException {
		String tier = "S";
		Long seed = null;
		Integer years = null;
		Path out = null;
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--tier" -> tier = args[i + 1];
				case "--seed" -> seed = Long.parseLong(args[i + 1]);
				case "--years" -> years = Integer.parseInt(args[i + 1]);
				case "--out" -> out = Path.of(args[i + 1]);
				default -> throw new IllegalArgumentException(
						"usage: Generator --tier S|M|L|I|J [--seed N] [--years N] --out DIR, not " + args[i]);
			}
		}
		Parameters parameters = Parameters.of(tier, seed, years);
		out = out != null ? out : Path.of("target/benchmark/data-" + parameters.name(tier));
		long started = System.nanoTime();
		write(parameters, out);
		System.out.printf("Wrote tier %s (%d trade flows) to %s in %d ms%n", parameters.name(tier), parameters.flows(),
				out, (System.nanoTime() - started) / 1_000_000);
	}

	/** The countries: CHN, USA, DEU, JPN first, then ISO3 codes in alphabetical order. */
	static List<String> countries(int n) {
		List<String> codes = new ArrayList<>(List.of("CHN", "USA", "DEU", "JPN"));
		for (String code : new TreeSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3))) {
			if (codes.size() >= n) {
				break;
			}
			if (!codes.contains(code)) {
				codes.add(code);
			}
		}
		return codes.subList(0, n);
	}

	static String mineral(int i) {
		return "mineral-" + i;
	}

	static String product(int i) {
		return "product-" + i;
	}

	/** The HS code that stands for a mineral at a stage in trade_flows.csv. */
	static String hs(int mineral, String stage) {
		return (stage.equals("MINING") ? 260000 : 810000) + 10 * (mineral + 1) + "";
	}

	/** A product's level in the bill of materials: 0 for end products. */
	static int level(Parameters p, int product) {
		return product % p.depth();
	}

	/** Writes the folder. */
	public static void write(Parameters p, Path dir) throws IOException {
		Files.createDirectories(dir);
		SplittableRandom random = new SplittableRandom(p.seed());
		List<String> countries = countries(p.countries());
		try (BufferedWriter w = writer(dir, "sources.csv")) {
			w.write("id,title,publisher,year,url,quality,note\n");
			w.write("gen-trade,Synthetic bilateral trade,Chokepoint generator,2025,,official,seed " + p.seed() + "\n");
			w.write("gen-output,Synthetic world output,Chokepoint generator,2025,,official,seed " + p.seed() + "\n");
		}
		try (BufferedWriter w = writer(dir, "countries.csv")) {
			w.write("iso3,name\n");
			for (String c : countries) {
				w.write(c + ",Country " + c + "\n");
			}
		}
		try (BufferedWriter w = writer(dir, "minerals.csv")) {
			w.write("id,name,basis,note\n");
			for (int i = 0; i < p.minerals(); i++) {
				w.write(mineral(i) + ",Mineral " + i + ",contained metal,\n");
			}
		}
		try (BufferedWriter w = writer(dir, "products.csv")) {
			w.write("id,name,kind,note\n");
			for (int i = 0; i < p.products(); i++) {
				w.write(product(i) + ",Product " + i + "," + (level(p, i) == 0 ? "END_PRODUCT" : "COMPONENT") + ",\n");
			}
		}
		try (BufferedWriter w = writer(dir, "hs_codes.csv")) {
			// factor 1: the generated flows are in tonnes of the item's basis already
			w.write("hs6,item,stage,factor,factor_source,note\n");
			for (int i = 0; i < p.minerals(); i++) {
				w.write(hs(i, "MINING") + "," + mineral(i) + ",MINING,1,gen-trade,ores and concentrates\n");
				w.write(hs(i, "REFINING") + "," + mineral(i) + ",REFINING,1,gen-trade,unwrought metal\n");
			}
		}
		writeBom(p, dir, random);
		// item-stages: each mineral mined and refined, each product manufactured
		List<String[]> itemStages = new ArrayList<>();
		for (int i = 0; i < p.minerals(); i++) {
			itemStages.add(new String[] { mineral(i), "MINING", hs(i, "MINING") });
			itemStages.add(new String[] { mineral(i), "REFINING", hs(i, "REFINING") });
		}
		for (int i = 0; i < p.products(); i++) {
			itemStages.add(new String[] { product(i), "MANUFACTURING", product(i) });
		}
		int n = countries.size();
		int k = Math.min(p.suppliers(), n - 1);
		try (BufferedWriter production = writer(dir, "production.csv");
				BufferedWriter flows = writer(dir, "trade_flows.csv")) {
			production.write("country,item,stage,year,quantity,unit,share,published_as,source,note\n");
			flows.write("year,exporter,importer,item,stage,quantity,unit,source\n");
			StringBuilder line = new StringBuilder(64);
			for (String[] itemStage : itemStages) {
				// output per country: Pareto with the given skew; CHN takes a large part
				double[] output = new double[n];
				for (int c = 0; c < n; c++) {
					output[c] = Math.pow(1 - random.nextDouble(), -1 / p.skew());
				}
				double others = Arrays.stream(output).sum() - output[0];
				double chinaShare = 0.45 + 0.5 * random.nextDouble();
				output[0] = others * chinaShare / (1 - chinaShare);
				for (int y = 0; y < p.years(); y++) {
					int year = 2024 - p.years() + 1 + y;
					for (int c = 0; c < n; c++) {
						production.write(countries.get(c) + "," + itemStage[0] + "," + itemStage[1] + "," + year + ","
								+ round(output[c] * 1000 * (0.9 + 0.2 * random.nextDouble())) + ",t,,,gen-output,\n");
					}
					String stageCell = itemStage[2].equals(itemStage[0]) ? itemStage[1] : "";
					double[] keys = new double[n];
					Integer[] order = new Integer[n];
					for (int buyer = 0; buyer < n; buyer++) {
						// k suppliers without replacement, weighted by output
						// (Efraimidis-Spirakis)
						for (int c = 0; c < n; c++) {
							keys[c] = c == buyer ? Double.NEGATIVE_INFINITY : Math.log(random.nextDouble()) / output[c];
							order[c] = c;
						}
						Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
						for (int j = 0; j < k; j++) {
							int seller = order[j];
							line.setLength(0);
							line.append(year)
								.append(',')
								.append(countries.get(seller))
								.append(',')
								.append(countries.get(buyer))
								.append(',')
								.append(itemStage[2])
								.append(',')
								.append(stageCell)
								.append(',')
								.append(round(output[seller] * 10 * (0.5 + random.nextDouble())))
								.append(",t,gen-trade\n");
							flows.append(line);
						}
					}
				}
			}
		}
		writeAgreementsAndMeasures(dir, countries);
	}

	private static void writeBom(Parameters p, Path dir, SplittableRandom random) throws IOException {
		try (BufferedWriter w = writer(dir, "bom.csv")) {
			w.write("product,input,quantity,unit,year,source,note\n");
			for (int i = 0; i < p.products(); i++) {
				int level = level(p, i);
				TreeSet<String> inputs = new TreeSet<>();
				while (inputs.size() < p.width()) {
					boolean product = level < p.depth() - 1 && inputs.size() < p.width() - 1;
					if (product) {
						// a product of the next level down: acyclic by construction
						int candidates = (p.products() - (level + 1) + p.depth() - 1) / p.depth();
						inputs.add(product(level + 1 + p.depth() * random.nextInt(Math.max(1, candidates))));
					}
					else {
						inputs.add(mineral(random.nextInt(p.minerals())));
					}
				}
				for (String input : inputs) {
					w.write(product(i) + "," + input + ",1,unit,2024,gen-output,\n");
				}
			}
		}
	}

	private static void writeAgreementsAndMeasures(Path dir, List<String> countries) throws IOException {
		try (BufferedWriter w = writer(dir, "agreements.csv")) {
			w.write("id,name,type,signed,in_force,ended,critical_minerals,year,source,note\n");
			w.write("GEN-ALLIANCE,Synthetic minerals alliance,ALLIANCE,2020-01-01,2020-01-01,,true,2020,gen-output,\n");
		}
		try (BufferedWriter w = writer(dir, "agreement_parties.csv")) {
			w.write("agreement,party,role,since,year,source\n");
			for (String c : countries.subList(1, Math.min(countries.size(), 12))) {
				w.write("GEN-ALLIANCE," + c + ",partner,2020-01-01,2020,gen-output\n");
			}
		}
		try (BufferedWriter w = writer(dir, "measures.csv")) {
			w.write("id,name,imposer,type,announced,effective,suspended_from,suspended_until,ended,rate,year,source,note\n");
			w.write("GEN-BAN,Synthetic export ban on mineral-0,CHN,EXPORT_BAN,2024-01-01,2024-02-01,,,,,2024,gen-output,\n");
		}
		try (BufferedWriter w = writer(dir, "measure_items.csv")) {
			w.write("measure,item,source\nGEN-BAN," + mineral(0) + ",gen-output\n");
		}
		try (BufferedWriter w = writer(dir, "measure_targets.csv")) {
			w.write("measure,target,source\nGEN-BAN,USA,gen-output\n");
		}
	}

	private static String round(double value) {
		return Long.toString(Math.max(1, Math.round(value)));
	}

	private static BufferedWriter writer(Path dir, String file) throws IOException {
		return Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
	}

}
