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
 * Trade flows become SOURCES relationships with the shares, quantities (HS codes' flows converted
 * by their factor) and units computed by hand in {@link Fixture#TRADE_FLOWS}, their splits have
 * {@code basis} = {@code imports}, written by several writers in batches of two flows (so that the
 * pairs, codes and batches of {@link TradeFlowStager} are all exercised), and nothing staged is left.
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

	/** [buyer, supplier, item, stage, year, source, share, quantity, unit] of every flow, by hand. */
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
			assertThat(List.of(flow.get("buyer").asString(), flow.get("supplier").asString(), flow.get("item").asString(),
					flow.get("stage").asString(), flow.get("year").asLong(), flow.get("source").asString()))
				.isEqualTo(expected.subList(0, 6));
			assertThat(flow.get("share").asDouble()).isCloseTo((Double) expected.get(6), within(1e-12));
			assertThat(flow.get("quantity").asDouble()).isEqualTo(expected.get(7));
			assertThat(flow.get("unit").asString()).isEqualTo(expected.get(8));
		}
		// each (buyer, item, stage, year, source) group of flows is one SOURCING_SPLIT: its suppliers and their shares
		Map<List<Object>, Map<String, Double>> expectedSplits = new HashMap<>();
		EXPECTED.forEach(f -> expectedSplits.computeIfAbsent(List.of(f.get(0), f.get(2), f.get(3), f.get(4), f.get(5)),
				k -> new HashMap<>()).put((String) f.get(1), (Double) f.get(6)));
		List<Record> splits = this.driver.executableQuery("""
				MATCH (b:Country)-[s:SOURCING_SPLIT]->(i:Item)
				WHERE s.year = 2023
				RETURN b.iso3 AS buyer, i.id AS item, s.stage AS stage, s.year AS year, s.source AS source,
				       s.suppliers AS suppliers, s.shares AS shares, s.basis AS basis
				""").execute().records();
		assertThat(splits).hasSize(expectedSplits.size());
		for (Record split : splits) {
			List<Object> key = List.of(split.get("buyer").asString(), split.get("item").asString(),
					split.get("stage").asString(), split.get("year").asLong(), split.get("source").asString());
			String[] suppliers = split.get("suppliers").asString().split(",");
			List<Double> shares = split.get("shares").asList(v -> v.asDouble());
			assertThat(split.get("basis").asString()).as("basis of %s", key).isEqualTo("imports");
			assertThat(shares).as("shares of %s", key).hasSize(suppliers.length);
			Map<String, Double> actual = new HashMap<>();
			for (int i = 0; i < suppliers.length; i++) {
				actual.put(suppliers[i], shares.get(i));
			}
			Map<String, Double> expected = expectedSplits.get(key);
			assertThat(expected).as("a split the flows give: %s", key).isNotNull();
			assertThat(actual.keySet()).as("suppliers of %s", key).isEqualTo(expected.keySet());
			expected.forEach((supplier, share) -> assertThat(actual.get(supplier)).as("%s from %s", key, supplier)
				.isCloseTo(share, within(1e-12)));
		}
		// the two of sourcing.csv and the seven flows; no staged or retired node left behind
		assertThat(this.counts.relationships()).containsEntry("SOURCES", 9L);
		assertThat(this.counts.nodes()).containsEntry("Country", 7L)
			.doesNotContainKeys("StagedCountry", "Retired");
	}

}
