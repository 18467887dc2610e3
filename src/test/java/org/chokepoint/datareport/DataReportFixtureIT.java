package org.chokepoint.datareport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplymix.MixKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The data report's sourcing sections on a fixture small enough to derive by hand
 * ({@code fixtures/report/README.md} has the arithmetic): who has a mix of its own, which
 * mixes rest on an assumption, the HS codes, and the pure re-exporters (Viet Nam's
 * magnets, China's copper).
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class DataReportFixtureIT {

	static final Path REPORT = Path.of("src/test/resources/fixtures/report");

	@Autowired
	ImportService importService;

	@Autowired
	DataReportService service;

	DataReport report;

	@BeforeEach
	void importTheFixture() {
		this.importService.importDirectory(REPORT);
		this.report = this.service.report();
	}

	@Test
	void countsTheBuyersWithAMixOfTheirOwnPerSourcingWithTheirItemsAndStages() {
		List<Map<String, Object>> byBuyer = List.of(buyer("AUS", "Australia", COPPER), buyer("CHL", "Chile", COPPER),
				buyer("CHN", "China", COPPER, GALLIUM, MAGNET), buyer("DEU", "Germany", COPPER),
				buyer("EU", "European Union", COPPER), buyer("JPN", "Japan", GALLIUM, MAGNET),
				buyer("USA", "United States", COPPER, MAGNET), buyer("VNM", "Viet Nam", MAGNET));
		// a traced mix is written for every buyer with a direct one, so the two lists are
		// the same
		assertThat(this.report.buyersWithSourcing())
			.isEqualTo(List.of(Map.of("sourcing", "direct", "buyers", 8L, "byBuyer", byBuyer),
					Map.of("sourcing", "traced", "buyers", 8L, "byBuyer", byBuyer)));
	}

	@Test
	void listsTheNewestMixOfEachBuyerItemAndStageWhereItRestsOnAnAssumption() {
		assertThat(this.report.mixAssumptions()).isEqualTo(List.of(
				// reliance 0 in 2023: supplies itself, its 10 t of imports from Chile
				// take no part
				assumption("AUS", "copper", "REFINING", 2023, "NET_EXPORTER", "src-b", "src-b", "src-a"),
				// no reliance, no output; exports 1,310 t against 5 t imported: made at
				// least 1,305 t
				assumption("CHL", "copper", "REFINING", 2023, "NET_EXPORTS_AS_OUTPUT", "src-b", "src-b"),
				// imports 1,000 t, exports 200 t (100 to Germany, counted again as the
				// EU's import): imports alone
				assumption("CHN", "copper", "REFINING", 2023, "IMPORTS_ONLY", "src-b", "src-b"),
				// imports no gallium nor magnets in the flows but makes 980 t and 200,000
				// t: supplies itself
				assumption("CHN", "gallium", "REFINING", 2024, "OWN_OUTPUT_ONLY", "src-a", "src-a", "src-b"),
				assumption("CHN", "ndfeb-magnet", "MANUFACTURING", 2024, "OWN_OUTPUT_ONLY", "src-a", "src-a", "src-b"),
				assumption("DEU", "copper", "REFINING", 2023, "IMPORTS_ONLY", "src-b", "src-b"),
				// the EU's imports: its members' from outside it (Germany's 100 t from
				// China)
				assumption("EU", "copper", "REFINING", 2023, "IMPORTS_ONLY", "src-b", "src-b"),
				// reliance 0.45: 0.55 itself, 0.45 from Chile
				assumption("USA", "copper", "REFINING", 2023, "IMPORTS_WITH_RELIANCE", "src-b", "src-b", "src-a")));
		// Japan's gallium was imports alone in 2023 (10 t from China, no output known);
		// its 2024 output
		// (10 t) makes the newest mix own output and imports, so it is not listed
		assertThat(this.report.mixAssumptions()).noneMatch(row -> row.get("buyer").equals("JPN"));
	}

	@Test
	void listsTheHsCodesWithTheirItemStageFactorAndSource() {
		assertThat(this.report.hsCodes())
			.isEqualTo(List.of(hsCode("740311", "copper", "REFINING", "refined copper cathodes"),
					hsCode("850511", "ndfeb-magnet", "MANUFACTURING", "permanent magnets of metal")));
	}

	@Test
	void listsTheCountriesWhoseSupplyIsAllImportsWhileOthersBuyFromThem() {
		Map<String, Object> chinaCopper = new HashMap<>();
		chinaCopper.putAll(Map.of("country", "CHN", "name", "China", "item", "copper", "stage", "REFINING", "years",
				List.of(2022L, 2023L), "year", 2023L, "dataYear", 2023L, "kind", "IMPORTS_ONLY"));
		chinaCopper.putAll(Map.of("source", "src-b", "buyers", List.of("DEU", "EU")));
		Map<String, Object> vietNamMagnets = new HashMap<>();
		// Viet Nam makes no magnets (missing from a production table with quantities):
		// its 900 t from China
		// are all of its supply, and Japan buys 600 t from it
		vietNamMagnets
			.putAll(Map.of("country", "VNM", "name", "Viet Nam", "item", "ndfeb-magnet", "stage", "MANUFACTURING",
					"years", List.of(2024L), "year", 2024L, "dataYear", 2024L, "kind", "OUTPUT_AND_IMPORTS"));
		vietNamMagnets.putAll(Map.of("source", "src-b", "buyers", List.of("JPN")));
		// not listed: Japan (makes magnets and gallium), Australia and Chile (own parts),
		// Germany, the EU
		// and the USA's magnets (nobody buys from them)
		assertThat(this.report.pureReExporters()).isEqualTo(List.of(chinaCopper, vietNamMagnets));
	}

	static final Map<String, Object> COPPER = Map.of("item", "copper", "stage", "REFINING");

	static final Map<String, Object> GALLIUM = Map.of("item", "gallium", "stage", "REFINING");

	static final Map<String, Object> MAGNET = Map.of("item", "ndfeb-magnet", "stage", "MANUFACTURING");

	@SafeVarargs
	private static Map<String, Object> buyer(String code, String name, Map<String, Object>... itemStages) {
		return Map.of("buyer", code, "name", name, "itemStages", List.of(itemStages));
	}

	private static Map<String, Object> assumption(String buyer, String item, String stage, long year, String kind,
			String source, String... sources) {
		Map<String, Object> row = new HashMap<>(Map.of("buyer", buyer, "item", item, "stage", stage, "year", year,
				"dataYear", year, "kind", kind, "assumption", MixKind.valueOf(kind).description(), "source", source));
		row.put("sources", List.of(sources));
		return row;
	}

	private static Map<String, Object> hsCode(String code, String item, String stage, String note) {
		Map<String, Object> row = new HashMap<>(Map.of("code", code, "item", item, "stage", stage, "factor", 1.0,
				"factorSource", "src-a", "factorSourceTitle", "Official statistics A"));
		row.put("note", note);
		return row;
	}

}
