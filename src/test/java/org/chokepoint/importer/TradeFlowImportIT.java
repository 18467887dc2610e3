package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Trade flows become SOURCES relationships with the shares, quantities (HS codes' flows
 * converted by their factor) and units computed by hand in {@link Fixture#TRADE_FLOWS},
 * their splits have {@code basis} = {@code imports}, written by several writers in
 * batches of two flows (so that the pairs, codes and batches of {@link TradeFlowStager}
 * are all exercised), and nothing staged is left.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.import.batch-size=2",
		"chokepoint.import.writer-threads=3" })
class TradeFlowImportIT {

	@Autowired
	ImportService importService;

	@Autowired
	GraphCounts counts;

	@Autowired
	Driver driver;

	@TempDir
	Path folder;

	/**
	 * [buyer, supplier, item, stage, year, source, share, quantity, unit] of every flow,
	 * by hand.
	 */
	static final List<List<Object>> EXPECTED = List.of(
			List.of("CHN", "AUS", "rare-earths", "MINING", 2023L, "src-a", 0.7, 70.0, "t"),
			List.of("CHN", "MYS", "rare-earths", "MINING", 2023L, "src-a", 0.3, 30.0, "t"),
			List.of("JPN", "CHN", "gallium", "REFINING", 2023L, "src-b", 0.25, 2.5, "kg"),
			List.of("JPN", "USA", "gallium", "REFINING", 2023L, "src-b", 0.75, 7.5, "kg"),
			List.of("USA", "CHN", "gallium", "REFINING", 2023L, "src-b", 80.0 / 120, 80.0, "t"),
			List.of("USA", "DEU", "gallium", "REFINING", 2023L, "src-b", 10.0 / 120, 10.0, "t"),
			List.of("USA", "JPN", "gallium", "REFINING", 2023L, "src-b", 30.0 / 120, 30.0, "t"));

	@Test
	void tradeFlowsBecomeSourcesWithTheirSharesQuantitiesAndUnits() {
		Path trade = Fixture.basicWithTradeFlows(this.folder.resolve("trade"));
		this.importService.importDirectory(trade);
		assertFlows();
		// again: the previous version (with its flows) is replaced, not added to
		this.importService.importDirectory(trade);
		assertFlows();
	}

	private void assertFlows() {
		List<Record> flows = this.driver.executableQuery("""
				MATCH (b:Country)-[f:SOURCES]->(s:Country)
				WHERE f.year = 2023
				RETURN b.iso3 AS buyer, s.iso3 AS supplier, f.item AS item, f.stage AS stage, f.year AS year,
				       f.source AS source, f.share AS share, f.quantity AS quantity, f.unit AS unit
				ORDER BY buyer, supplier
				""").execute().records();
		assertThat(flows).hasSize(EXPECTED.size());
		for (int i = 0; i < flows.size(); i++) {
			Record flow = flows.get(i);
			List<Object> expected = EXPECTED.get(i);
			assertThat(
					List.of(flow.get("buyer").asString(), flow.get("supplier").asString(), flow.get("item").asString(),
							flow.get("stage").asString(), flow.get("year").asLong(), flow.get("source").asString()))
				.isEqualTo(expected.subList(0, 6));
			assertThat(flow.get("share").asDouble()).isCloseTo((Double) expected.get(6), within(1e-12));
			assertThat(flow.get("quantity").asDouble()).isEqualTo(expected.get(7));
			assertThat(flow.get("unit").asString()).isEqualTo(expected.get(8));
		}
		// the buyers' supply mixes derived from the flows (SupplyMixes), by hand. As of
		// 2023 no output is
		// known in tonnes (production is of 2024) and the USA's reliance is of 2024:
		// - USA imports 80 t from China, 30 t from Japan, 10 t from Germany and exports
		// 7.5 kg: imports alone
		assertMix("USA", "gallium", 2023, "direct", "IMPORTS_ONLY",
				Map.of("CHN", 80.0 / 120, "JPN", 30.0 / 120, "DEU", 10.0 / 120));
		// - Japan imports 2.5 kg + 7.5 kg = 0.01 t and exports 30 t: it made at least
		// 29.99 t, so imports are
		// 0.01 / 30 of its supply: JPN 1 - 1/3000, CHN 1/3000 x 0.25, USA 1/3000 x 0.75
		assertMix("JPN", "gallium", 2023, "direct", "NET_EXPORTS_AS_OUTPUT",
				Map.of("JPN", 1 - 1.0 / 3000, "CHN", 0.25 / 3000, "USA", 0.75 / 3000));
		// - traced, the USA's Japanese part goes back through Japan, whose US part comes
		// back to the USA:
		// x = 2/3 CHN + 1/12 DEU + 1/4 y, y = (2999/3000) JPN + 1/12000 CHN + 1/4000 x,
		// so with
		// k = 1 / (1 - 1/16000): CHN (2/3 + 1/48000) k, DEU k/12, JPN (2999/12000) k
		double k = 1 / (1 - 1.0 / 16000);
		assertMix("USA", "gallium", 2023, "traced", "IMPORTS_ONLY",
				Map.of("CHN", (2.0 / 3 + 1.0 / 48000) * k, "DEU", k / 12, "JPN", 2999.0 / 12000 * k));
		// - China's rare-earth mining: 70 t from Australia, 30 t from Malaysia in 2023;
		// as of 2024 its own
		// 270,000 t are known: CHN 270000/270100, AUS 70/270100, MYS 30/270100
		assertMix("CHN", "rare-earths", 2023, "direct", "IMPORTS_ONLY", Map.of("AUS", 0.7, "MYS", 0.3));
		assertMix("CHN", "rare-earths", 2024, "direct", "OUTPUT_AND_IMPORTS",
				Map.of("CHN", 270000.0 / 270100, "AUS", 70.0 / 270100, "MYS", 30.0 / 270100));
		// - and the USA, a producer importing no rare earths in the flows, supplies
		// itself
		assertMix("USA", "rare-earths", 2024, "direct", "OWN_OUTPUT_ONLY", Map.of("USA", 1.0));
		// the two of sourcing.csv and the seven flows; no staged or retired node left
		// behind
		assertThat(this.counts.relationships()).containsEntry("SOURCES", 9L);
		assertThat(this.counts.nodes()).containsEntry("Country", 7L).doesNotContainKeys("StagedCountry", "Retired");
	}

	private void assertMix(String buyer, String item, long asOf, String sourcing, String kind,
			Map<String, Double> expected) {
		List<Record> mixes = this.driver
			.executableQuery(
					"""
							MATCH (:Country {iso3: $buyer})-[s:SOURCING_SPLIT {sourcing: $sourcing, year: $year}]->(:Item {id: $item})
							RETURN s.suppliers AS suppliers, s.shares AS shares, s.kind AS kind
							""")
			.withParameters(Map.of("buyer", buyer, "item", item, "year", asOf, "sourcing", sourcing))
			.execute()
			.records();
		String what = buyer + " " + item + " " + sourcing + " as of " + asOf;
		assertThat(mixes).as(what).hasSize(1);
		assertThat(mixes.get(0).get("kind").asString()).as(what).isEqualTo(kind);
		String[] suppliers = mixes.get(0).get("suppliers").asString().split(",");
		List<Double> shares = mixes.get(0).get("shares").asList(v -> v.asDouble());
		Map<String, Double> actual = new HashMap<>();
		for (int i = 0; i < suppliers.length; i++) {
			actual.put(suppliers[i], shares.get(i));
		}
		assertThat(actual.keySet()).as(what).isEqualTo(expected.keySet());
		expected.forEach((supplier, share) -> assertThat(actual.get(supplier)).as(what + " " + supplier)
			.isCloseTo(share, within(1e-12)));
	}

}
