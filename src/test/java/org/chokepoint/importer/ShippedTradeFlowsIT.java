package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shipped trade data (import/trade_flows.csv, hs_codes.csv), imported at start-up as
 * a new user gets it: every importing country has its own sourcing, the splits say they
 * are shares of imports, and the figures are those of BACI 2024 (issue 15: Japan buys
 * about 36 % of its magnets from China, 29 % from the Philippines and 26 % from Vietnam;
 * Vietnam buys most of its magnets from China).
 */
@ChokepointTest
class ShippedTradeFlowsIT {

	private static final String BACI_2024 = "cepii-baci-hs17-v202601-2024";

	@Autowired
	Driver driver;

	@Test
	void atLeastSixtyCountriesHaveTheirOwnSupplyMixFromTradeFlowsAllOnAnImportsBasis() {
		Record counts = this.driver
			.executableQuery(
					"""
							MATCH (b:Country)-[s:SOURCING_SPLIT {sourcing: 'direct'}]->(:Item)
							WHERE s.source IN ['cepii-baci-hs17-v202601-2024', 'un-comtrade-reported-exports-2019-2024']
							RETURN count(DISTINCT b) AS buyers, count(s) AS mixes,
							       count(CASE WHEN s.kind IN ['OUTPUT_AND_IMPORTS', 'IMPORTS_WITH_RELIANCE', 'NET_EXPORTER',
							                                  'NET_EXPORTS_AS_OUTPUT', 'IMPORTS_ONLY', 'OWN_OUTPUT_ONLY'] THEN 1 END) AS fromFlows
							""")
			.execute()
			.records()
			.get(0);
		assertThat(counts.get("buyers").asLong()).isGreaterThanOrEqualTo(60);
		assertThat(counts.get("fromFlows").asLong()).isEqualTo(counts.get("mixes").asLong());
		// the flows themselves are facts on an imports basis
		assertThat(this.driver.executableQuery("""
				MATCH (:Country)-[f:SOURCES]->(:Country)
				WHERE f.source = $baci AND f.basis <> 'imports'
				RETURN count(f) AS other
				""").withParameters(Map.of("baci", BACI_2024)).execute().records().get(0).get("other").asLong())
			.isZero();
	}

	@Test
	void japanBuysItsMagnetsFromChinaThePhilippinesAndVietnamAndVietnamMostlyFromChina() {
		Map<String, Double> japan = split("JPN", "ndfeb-magnet", 2024);
		// BACI 2024, 850511 in tonnes: 3,714.5 / 3,033.9 / 2,696.5 of Japan's 10,332.4 t
		assertThat(japan.get("CHN")).isCloseTo(0.359, within(0.001));
		assertThat(japan.get("PHL")).isCloseTo(0.294, within(0.001));
		assertThat(japan.get("VNM")).isCloseTo(0.261, within(0.001));
		assertThat(split("VNM", "ndfeb-magnet", 2024).get("CHN")).isCloseTo(0.867, within(0.001));
		assertThat(japan.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void lithiumCarbonateAndHydroxideAddUpAsLithiumContent() {
		// UN Comtrade 2024 (carbonate at 0.1879, hydroxide at 0.1654 t Li per t): Korea
		// buys its hydroxide
		// mostly from China and its carbonate mostly from Chile
		Map<String, Double> korea = this.driver.executableQuery("""
				MATCH (:Country {iso3: 'KOR'})-[f:SOURCES {item: 'lithium', stage: 'REFINING', year: 2024}]->(s:Country)
				RETURN s.iso3 AS supplier, f.quantity AS quantity
				""")
			.execute()
			.records()
			.stream()
			.collect(HashMap::new, (m, r) -> m.put(r.get("supplier").asString(), r.get("quantity").asDouble()),
					Map::putAll);
		Map<String, Double> shares = split("KOR", "lithium", 2024);
		double total = korea.values().stream().mapToDouble(Double::doubleValue).sum();
		assertThat(shares.get("CHN")).isCloseTo(korea.get("CHN") / total, within(1e-12));
		assertThat(shares.get("CHN")).isBetween(0.5, 0.8);
		assertThat(shares.get("CHL")).isBetween(0.2, 0.5);
	}

	/**
	 * A buyer's import shares of an item in a year: its trade-flow facts (one source per
	 * item, stage and year).
	 */
	private Map<String, Double> split(String buyer, String item, long year) {
		List<Record> records = this.driver.executableQuery("""
				MATCH (:Country {iso3: $buyer})-[f:SOURCES {item: $item, year: $year}]->(s:Country)
				RETURN s.iso3 AS supplier, f.share AS share, f.source AS source
				""").withParameters(Map.of("buyer", buyer, "item", item, "year", year)).execute().records();
		assertThat(records).isNotEmpty();
		Map<String, Double> result = new HashMap<>();
		for (Record r : records) {
			if (item.equals("ndfeb-magnet")) {
				assertThat(r.get("source").asString()).isEqualTo(BACI_2024);
			}
			result.put(r.get("supplier").asString(), r.get("share").asDouble());
		}
		return result;
	}

}
