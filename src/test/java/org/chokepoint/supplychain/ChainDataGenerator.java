package org.chokepoint.supplychain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates, from a seed, a small world whose chains exercise every rule of domain.md's
 * December 2026 sections, and writes it as an import folder (the CSV formats of
 * import/README.md). The structure is fixed (which party imports what from whom, which
 * rows exist) so that every rule is certainly hit; the seed draws the quantities, so two
 * seeds give two different sets of figures on the same rules.
 *
 * <p>
 * What it holds: 14 countries with China, the bloc EU (DEU, FRA, ITA) with trade among
 * its members; re-exporters (VNM and PHL buy from China and sell to Japan and each other:
 * a loop that leaks to producers), a closed trader loop (SGP and ARE buy only from each
 * other; CHL buys from SGP); output withheld (W) so that flows are not comparable for
 * some importers, who then go by reliance (USA, 1, all imported; IND, 0: a net exporter;
 * the import files refuse reliance outside 0..1), by net exports (KOR) or by import
 * shares alone (JPN); {@code basis = imports} rows with and without reliance and
 * {@code basis = supply} rows (with a bloc member as supplier); products without any data
 * (ev, bike, most of the d-chain, the mineral gamma); a bill of materials 21 items deep
 * (d0 -> d1 -> ... -> d19 -> alpha, d10 -> beta); two years (2023, 2024) of flows and
 * production, with a better-ranked and a worse-ranked source side by side.
 */
final class ChainDataGenerator {

	static final List<Integer> YEARS = List.of(2023, 2024);

	static final int DEPTH = 20;

	private final Random random;

	private final OracleFacts facts = new OracleFacts();

	private ChainDataGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** The facts of the generated world for {@code seed}. */
	static OracleFacts generate(long seed) {
		return new ChainDataGenerator(seed).build();
	}

	/**
	 * A quantity near {@code nominal} (60 % to 140 % of it), a whole number so that the
	 * CSV is exact.
	 */
	private double q(double nominal) {
		return Math.max(1, Math.round(nominal * (0.6 + 0.8 * this.random.nextDouble())));
	}

	private OracleFacts build() {
		OracleFacts f = this.facts;
		f.source("off-a", "official")
			.source("off-b", "official")
			.source("sec-a", "secondary")
			.source("est-a", "estimate");
		for (String c : List.of("CHN", "USA", "JPN", "KOR", "IND", "DEU", "FRA", "ITA", "VNM", "PHL", "AUS", "CHL",
				"SGP", "ARE")) {
			f.country(c, "Country " + c);
		}
		f.bloc("EU", "DEU", "FRA", "ITA");
		f.mineral("alpha").mineral("beta").mineral("gamma");
		f.product("mag", "COMPONENT", "alpha");
		f.product("motor", "COMPONENT", "mag", "beta");
		f.product("ev", "END_PRODUCT", "motor", "alpha", "gamma");
		f.product("bike", "END_PRODUCT");
		f.product("door", "END_PRODUCT");
		for (int i = 0; i < DEPTH; i++) {
			String kind = i == 0 ? "END_PRODUCT" : "COMPONENT";
			if (i == DEPTH - 1) {
				f.product("d" + i, kind, "alpha");
			}
			else if (i == 10) {
				f.product("d" + i, kind, "d" + (i + 1), "beta");
			}
			else {
				f.product("d" + i, kind, "d" + (i + 1));
			}
		}
		alpha();
		beta();
		magnets();
		others();
		return f;
	}

	/**
	 * Alpha: mining on global shares and China's import rows; refining with re-exports,
	 * loops and a bloc.
	 */
	private void alpha() {
		OracleFacts f = this.facts;
		// mining, thousand tonnes, world totals above the countries' sum (the rest is
		// unknown)
		double[] m23 = { q(240), q(60), q(40), q(10) };
		String[] miners23 = { "CHN", "AUS", "USA", "IND" };
		double sum = 0;
		for (int i = 0; i < m23.length; i++) {
			f.tonnes(miners23[i], "alpha", "MINING", 2023, m23[i], "kt", "off-a");
			sum += m23[i];
		}
		f.worldTotal("alpha", "MINING", 2023, sum + q(30), "kt", "off-a");
		double[] m24 = { q(270), q(70), q(45), q(5) };
		String[] miners24 = { "CHN", "AUS", "USA", "VNM" };
		sum = 0;
		for (int i = 0; i < m24.length; i++) {
			f.tonnes(miners24[i], "alpha", "MINING", 2024, m24[i], "kt", "off-a");
			sum += m24[i];
		}
		f.worldTotal("alpha", "MINING", 2024, sum + q(30), "kt", "off-a");
		// a worse source of the same year, side by side: never chosen
		f.share("CHN", "alpha", "MINING", 2024, 0.7, "sec-a").share("AUS", "alpha", "MINING", 2024, 0.2, "sec-a");
		// China's mining imports as import shares, scaled by its reliance
		f.row("CHN", "AUS", "alpha", "MINING", 2024, 0.5, "imports", "off-b");
		f.row("CHN", "USA", "alpha", "MINING", 2024, 0.3, "imports", "off-b");
		f.reliance("CHN", "alpha", 2024, 0.3, "off-a");

		// refining, tonnes; 2023 everything in numbers, 2024 with withheld figures
		String[] refiners23 = { "CHN", "JPN", "USA", "KOR", "ITA", "DEU", "IND", "VNM" };
		double[] r23 = { q(9000), q(300), q(200), q(400), q(150), q(50), q(100), q(50) };
		sum = 0;
		for (int i = 0; i < r23.length; i++) {
			f.tonnes(refiners23[i], "alpha", "REFINING", 2023, r23[i], "t", "off-a");
			sum += r23[i];
		}
		f.worldTotal("alpha", "REFINING", 2023, sum + q(200), "t", "off-a");
		String[] refiners24 = { "CHN", "ITA", "DEU", "VNM" };
		double[] r24 = { q(10000), q(200), q(100), q(80) };
		sum = 0;
		for (int i = 0; i < r24.length; i++) {
			f.tonnes(refiners24[i], "alpha", "REFINING", 2024, r24[i], "t", "off-a");
			sum += r24[i];
		}
		for (String withheld : List.of("JPN", "USA", "KOR", "IND")) {
			f.withheld(withheld, "alpha", "REFINING", 2024, "off-a");
		}
		f.worldTotal("alpha", "REFINING", 2024, sum + q(1000), "t", "off-a");
		f.reliance("USA", "alpha", 2022, 0.8, "off-a");
		f.reliance("USA", "alpha", 2024, 1.0, "off-a");
		f.reliance("IND", "alpha", 2023, 0.0, "sec-a");

		// 2023 flows
		flow(2023, "CHN", "JPN", "alpha", "REFINING", 800, "off-a");
		flow(2023, "CHN", "USA", "alpha", "REFINING", 500, "off-a");
		flow(2023, "CHN", "VNM", "alpha", "REFINING", 300, "off-a");
		flow(2023, "VNM", "JPN", "alpha", "REFINING", 200, "off-a");
		flow(2023, "AUS", "USA", "alpha", "REFINING", 100, "off-a");
		flow(2023, "CHN", "DEU", "alpha", "REFINING", 300, "off-a");
		flow(2023, "AUS", "FRA", "alpha", "REFINING", 100, "off-a");
		flow(2023, "DEU", "FRA", "alpha", "REFINING", 80, "off-a");
		flow(2023, "CHN", "KOR", "alpha", "REFINING", 100, "off-a");
		flow(2023, "KOR", "USA", "alpha", "REFINING", 150, "off-a");
		flow(2023, "SGP", "CHL", "alpha", "REFINING", 50, "off-a");
		flow(2023, "ARE", "SGP", "alpha", "REFINING", 20, "off-a");
		flow(2023, "SGP", "ARE", "alpha", "REFINING", 20, "off-a");
		// 2024 flows: an estimate of the same year is worse than the official one and
		// never chosen
		flow(2024, "CHN", "JPN", "alpha", "REFINING", 5000, "est-a");
		flow(2024, "CHN", "JPN", "alpha", "REFINING", 700, "off-a");
		flow(2024, "VNM", "JPN", "alpha", "REFINING", 300, "off-a");
		flow(2024, "PHL", "JPN", "alpha", "REFINING", 100, "off-a");
		flow(2024, "CHN", "VNM", "alpha", "REFINING", 350, "off-a");
		flow(2024, "PHL", "VNM", "alpha", "REFINING", 50, "off-a");
		flow(2024, "VNM", "PHL", "alpha", "REFINING", 120, "off-a");
		flow(2024, "CHN", "PHL", "alpha", "REFINING", 30, "off-a");
		flow(2024, "CHN", "USA", "alpha", "REFINING", 400, "off-a");
		flow(2024, "KOR", "USA", "alpha", "REFINING", 200, "off-a");
		flow(2024, "AUS", "USA", "alpha", "REFINING", 150, "off-a");
		flow(2024, "JPN", "USA", "alpha", "REFINING", 50, "off-a");
		flow(2024, "CHN", "KOR", "alpha", "REFINING", 100, "off-a");
		flow(2024, "AUS", "KOR", "alpha", "REFINING", 50, "off-a");
		flow(2024, "KOR", "DEU", "alpha", "REFINING", 80, "off-a");
		flow(2024, "CHN", "DEU", "alpha", "REFINING", 500, "off-a");
		flow(2024, "FRA", "DEU", "alpha", "REFINING", 40, "off-a");
		flow(2024, "DEU", "FRA", "alpha", "REFINING", 60, "off-a");
		flow(2024, "AUS", "FRA", "alpha", "REFINING", 120, "off-a");
		flow(2024, "CHN", "ITA", "alpha", "REFINING", 30, "off-a");
		flow(2024, "SGP", "ARE", "alpha", "REFINING", 40, "off-a");
		flow(2024, "ARE", "SGP", "alpha", "REFINING", 40, "off-a");
		flow(2024, "SGP", "IND", "alpha", "REFINING", 60, "off-a");
		flow(2024, "CHN", "IND", "alpha", "REFINING", 100, "off-a");
		flow(2024, "SGP", "CHL", "alpha", "REFINING", 30, "off-a");
		flow(2024, "AUS", "CHL", "alpha", "REFINING", 30, "off-a");
	}

	/**
	 * Beta: refining on published shares, import rows with and without reliance, a bloc's
	 * supply rows; no mining data.
	 */
	private void beta() {
		OracleFacts f = this.facts;
		f.share("CHN", "beta", "REFINING", 2024, 0.7, "sec-a")
			.share("JPN", "beta", "REFINING", 2024, 0.1, "sec-a")
			.share("AUS", "beta", "REFINING", 2024, 0.05, "sec-a");
		f.row("USA", "CHN", "beta", "REFINING", 2024, 0.5, "imports", "off-b");
		f.row("USA", "JPN", "beta", "REFINING", 2024, 0.2, "imports", "off-b");
		f.row("USA", "CHL", "beta", "REFINING", 2024, 0.2, "imports", "off-b");
		f.reliance("USA", "beta", 2023, 0.6, "off-a");
		f.row("JPN", "CHN", "beta", "REFINING", 2023, 0.8, "imports", "est-a");
		f.row("JPN", "VNM", "beta", "REFINING", 2023, 0.2, "imports", "est-a");
		f.row("VNM", "CHN", "beta", "REFINING", 2024, 1.0, "imports", "sec-a");
		f.row("EU", "CHN", "beta", "REFINING", 2024, 0.6, "supply", "off-b");
		f.row("EU", "EU", "beta", "REFINING", 2024, 0.1, "supply", "off-b");
		f.row("EU", "DEU", "beta", "REFINING", 2024, 0.05, "supply", "off-b");
	}

	/**
	 * Magnets: output in tonnes both years, flows both years, the EU's supply rows
	 * beating its flows.
	 */
	private void magnets() {
		OracleFacts f = this.facts;
		String[] makers23 = { "CHN", "JPN", "DEU", "VNM", "PHL" };
		double[] m23 = { q(80000), q(6000), q(1000), q(2000), q(500) };
		double sum = 0;
		for (int i = 0; i < m23.length; i++) {
			f.tonnes(makers23[i], "mag", "MANUFACTURING", 2023, m23[i], "t", "off-a");
			sum += m23[i];
		}
		f.worldTotal("mag", "MANUFACTURING", 2023, sum + q(3000), "t", "off-a");
		// 2024 in kilograms, no world total: shares over the group's sum
		String[] makers24 = { "CHN", "JPN", "DEU", "VNM", "PHL", "USA" };
		double[] m24 = { q(90000), q(7000), q(1200), q(3000), q(800), q(300) };
		for (int i = 0; i < m24.length; i++) {
			f.tonnes(makers24[i], "mag", "MANUFACTURING", 2024, m24[i] * 1000, "kg", "off-a");
		}
		f.row("JPN", "CHN", "mag", "MANUFACTURING", 2022, 1.0, "imports", "off-a");
		f.row("EU", "CHN", "mag", "MANUFACTURING", 2024, 0.875, "supply", "off-b");
		f.row("EU", "EU", "mag", "MANUFACTURING", 2024, 0.05, "supply", "off-b");
		flow(2023, "CHN", "JPN", "mag", "MANUFACTURING", 4000, "sec-a");
		flow(2023, "VNM", "JPN", "mag", "MANUFACTURING", 1000, "sec-a");
		flow(2023, "CHN", "VNM", "mag", "MANUFACTURING", 2500, "sec-a");
		flow(2023, "CHN", "USA", "mag", "MANUFACTURING", 6000, "sec-a");
		flow(2023, "CHN", "DEU", "mag", "MANUFACTURING", 7000, "sec-a");
		flow(2024, "CHN", "JPN", "mag", "MANUFACTURING", 3000, "off-a");
		flow(2024, "VNM", "JPN", "mag", "MANUFACTURING", 2500, "off-a");
		flow(2024, "PHL", "JPN", "mag", "MANUFACTURING", 2000, "off-a");
		flow(2024, "CHN", "VNM", "mag", "MANUFACTURING", 4000, "off-a");
		flow(2024, "CHN", "PHL", "mag", "MANUFACTURING", 1500, "off-a");
		flow(2024, "CHN", "USA", "mag", "MANUFACTURING", 5000, "off-a");
		flow(2024, "JPN", "USA", "mag", "MANUFACTURING", 1000, "off-a");
		flow(2024, "VNM", "USA", "mag", "MANUFACTURING", 500, "off-a");
		flow(2024, "CHN", "DEU", "mag", "MANUFACTURING", 8000, "off-a");
		flow(2024, "CHN", "FRA", "mag", "MANUFACTURING", 6000, "off-a");
		flow(2024, "DEU", "FRA", "mag", "MANUFACTURING", 300, "off-a");
		flow(2024, "JPN", "KOR", "mag", "MANUFACTURING", 700, "off-a");
		flow(2024, "CHN", "KOR", "mag", "MANUFACTURING", 2500, "off-a");
		flow(2024, "KOR", "IND", "mag", "MANUFACTURING", 100, "off-a");
		flow(2024, "CHN", "IND", "mag", "MANUFACTURING", 900, "off-a");
	}

	/** Motors, doors and the deep chain's few stages with data. */
	private void others() {
		OracleFacts f = this.facts;
		f.share("CHN", "motor", "MANUFACTURING", 2024, 0.6, "off-a")
			.share("JPN", "motor", "MANUFACTURING", 2024, 0.25, "off-a")
			.share("DEU", "motor", "MANUFACTURING", 2024, 0.1, "off-a");
		f.share("CHN", "motor", "MANUFACTURING", 2023, 0.5, "est-a")
			.share("JPN", "motor", "MANUFACTURING", 2023, 0.5, "est-a");
		f.row("KOR", "KOR", "motor", "MANUFACTURING", 2023, 0.4, "supply", "sec-a");
		f.row("KOR", "CHN", "motor", "MANUFACTURING", 2023, 0.6, "supply", "sec-a");
		f.share("CHN", "door", "MANUFACTURING", 2024, 0.5, "sec-a")
			.share("VNM", "door", "MANUFACTURING", 2024, 0.3, "sec-a");
		f.tonnes("CHN", "d3", "MANUFACTURING", 2024, q(600), "t", "off-a");
		f.tonnes("KOR", "d3", "MANUFACTURING", 2024, q(400), "t", "off-a");
		f.share("JPN", "d7", "MANUFACTURING", 2023, 1.0, "off-a");
		f.tonnes("CHN", "d12", "MANUFACTURING", 2024, q(1000), "t", "off-a");
		f.tonnes("USA", "d12", "MANUFACTURING", 2024, q(200), "t", "off-a");
		f.tonnes("VNM", "d12", "MANUFACTURING", 2024, q(100), "t", "off-a");
		flow(2024, "CHN", "USA", "d12", "MANUFACTURING", 300, "off-a");
		flow(2024, "VNM", "USA", "d12", "MANUFACTURING", 100, "off-a");
		flow(2024, "CHN", "VNM", "d12", "MANUFACTURING", 150, "off-a");
		flow(2024, "CHN", "FRA", "d12", "MANUFACTURING", 50, "off-a");
		flow(2024, "CHN", "JPN", "d12", "MANUFACTURING", 80, "off-a");
		flow(2024, "VNM", "JPN", "d12", "MANUFACTURING", 40, "off-a");
		f.share("CHN", "d15", "MANUFACTURING", 2024, 0.5, "est-a")
			.share("VNM", "d15", "MANUFACTURING", 2024, 0.3, "est-a");
	}

	private void flow(int year, String exporter, String importer, String item, String stage, double nominal,
			String source) {
		this.facts.flow(year, exporter, importer, item, stage, q(nominal), source);
	}

	// ---- writing the import folder
	// -------------------------------------------------------------

	/** Writes the facts as an import folder (created if needed). */
	static void write(OracleFacts f, Path dir) {
		try {
			Files.createDirectories(dir);
			List<String> lines = new ArrayList<>();
			lines.add("id,title,publisher,year,url,quality,note");
			f.sources.values()
				.forEach(s -> lines.add(s.id() + ",Generated " + s.id() + ",Generator,2026,https://example.org/"
						+ s.id() + "," + s.quality() + ",generated"));
			put(dir, "sources.csv", lines);
			lines.add("iso3,name");
			f.countries.forEach((iso3, name) -> lines.add(iso3 + "," + name));
			put(dir, "countries.csv", lines);
			lines.add("code,name,note");
			f.blocs.keySet().forEach(code -> lines.add(code + ",Bloc " + code + ","));
			put(dir, "blocs.csv", lines);
			lines.add("country,bloc,since,year,source");
			f.blocs.forEach((code, members) -> members.forEach(m -> lines.add(m + "," + code + ",,2024,off-a")));
			put(dir, "memberships.csv", lines);
			lines.add("id,name,basis,note");
			f.minerals.forEach(m -> lines.add(m + ",Mineral " + m + ",contained metal,"));
			put(dir, "minerals.csv", lines);
			lines.add("id,name,kind,note");
			f.products.forEach((p, kind) -> lines.add(p + ",Product " + p + "," + kind + ","));
			put(dir, "products.csv", lines);
			lines.add("product,input,quantity,unit,year,source,note");
			f.bom.forEach((p, inputs) -> inputs.forEach(i -> lines.add(p + "," + i + ",1,kg per unit,2024,off-a,")));
			put(dir, "bom.csv", lines);
			lines.add("country,item,stage,year,quantity,unit,share,published_as,source,note");
			f.production.forEach(p -> lines.add(String.join(",", p.country(), p.item(), p.stage(), "" + p.year(),
					num(p.quantity()), p.unit() == null ? "" : p.unit(), num(p.share()),
					p.publishedAs() == null ? "" : p.publishedAs(), p.source(), "")));
			put(dir, "production.csv", lines);
			lines.add("item,stage,year,quantity,unit,source,note");
			f.worldTotals.forEach(t -> lines.add(
					String.join(",", t.item(), t.stage(), "" + t.year(), num(t.quantity()), t.unit(), t.source(), "")));
			put(dir, "world_totals.csv", lines);
			lines.add("buyer,supplier,item,stage,year,share,basis,quantity,unit,source,note");
			f.sourcing.forEach(r -> lines.add(String.join(",", r.buyer(), r.supplier(), r.item(), r.stage(),
					"" + r.year(), num(r.share()), r.basis(), "", "", r.source(), "")));
			put(dir, "sourcing.csv", lines);
			lines.add("party,mineral,year,share,published_as,source,note");
			f.reliance.forEach(r -> lines
				.add(String.join(",", r.party(), r.mineral(), "" + r.year(), num(r.share()), "", r.source(), "")));
			put(dir, "import_reliance.csv", lines);
			lines.add("year,exporter,importer,item,stage,quantity,unit,source");
			f.flows.forEach(x -> lines.add(String.join(",", "" + x.year(), x.exporter(), x.importer(), x.item(),
					x.stage(), num(x.tonnes()), "t", x.source())));
			put(dir, "trade_flows.csv", lines);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String num(Double value) {
		if (value == null) {
			return "";
		}
		return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString(value.longValue())
				: Double.toString(value);
	}

	/** Writes the lines to the file and empties the list for the next one. */
	private static void put(Path dir, String name, List<String> lines) throws IOException {
		Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
		lines.clear();
	}

}
