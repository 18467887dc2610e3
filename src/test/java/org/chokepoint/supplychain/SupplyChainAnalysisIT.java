package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.assertj.core.data.Offset;
import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.ChainAnalysis.Alternative;
import org.chokepoint.supplychain.ChainAnalysis.ItemExposure;
import org.chokepoint.supplychain.ChainAnalysis.Kind;
import org.chokepoint.supplychain.ChainAnalysis.SinglePointOfFailure;
import org.chokepoint.supplychain.ChainAnalysis.StageSupply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The metrics of domain.md on fixtures/analysis, against answers computed by hand (in the
 * comments). Shares are of one unit of the consumer's supply of the product.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SupplyChainAnalysisIT {

	static final Offset<Double> EXACT = within(1e-12);

	static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);

	@Autowired
	ImportService importService;

	@Autowired
	ChainAnalysisService chains;

	@Autowired
	org.neo4j.driver.Driver driver;

	@BeforeAll
	void importFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/analysis"));
	}

	ChainAnalysis analyse(String product, String consumer, double threshold) {
		return this.chains.analyse(product, consumer, 2024, threshold, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
	}

	@Test
	void aSoleSourceIsOnEveryPathAndLeavesNoChinaFreeShare() {
		// sole: refined only in China (100 of 100 t), mined only in Australia; p-sole's
		// own assembly has no data
		ChainAnalysis chain = analyse("p-sole", "USA", 0.5);
		assertThat(chain.figures().chinaExposure()).isCloseTo(1.0, EXACT);
		assertThat(chain.figures().unknownShare()).isCloseTo(0.0, EXACT);
		assertThat(chain.figures().chinaFreeShare()).isCloseTo(0.0, EXACT);
		assertThat(chain.singlePointsOfFailure())
			.extracting(SinglePointOfFailure::item, SinglePointOfFailure::stage, SinglePointOfFailure::country,
					SinglePointOfFailure::kind)
			.containsExactlyInAnyOrder(
					org.assertj.core.groups.Tuple.tuple("sole", Stage.REFINING, "CHN", Kind.SOLE_SOURCE),
					org.assertj.core.groups.Tuple.tuple("sole", Stage.MINING, "AUS", Kind.SOLE_SOURCE));
		assertThat(chain.singlePointsOfFailure()).allSatisfy(s -> {
			assertThat(s.share()).isCloseTo(1.0, EXACT);
			assertThat(s.alternatives()).isEmpty();
		});
		assertThat(chain.dataGaps())
			.containsExactly(new ChainAnalysis.DataGap("p-sole", Stage.MANUFACTURING, "USA", 1.0));
	}

	@Test
	void aSixtyPercentSupplierIsAChokepointUpToAThresholdOfPointSix() {
		// six: China refines 60 of 100 t, Japan 40; no mining data (a gap)
		ChainAnalysis chain = analyse("p-six", "USA", 0.5);
		assertThat(chain.figures().chinaExposure()).isCloseTo(0.6, EXACT);
		assertThat(chain.figures().chinaFreeShare()).isCloseTo(0.4, EXACT);
		SinglePointOfFailure china = chain.singlePointsOfFailure().get(0);
		assertThat(chain.singlePointsOfFailure()).hasSize(1);
		assertThat(china.item()).isEqualTo("six");
		assertThat(china.stage()).isEqualTo(Stage.REFINING);
		assertThat(china.country()).isEqualTo("CHN");
		assertThat(china.share()).isCloseTo(0.6, EXACT);
		assertThat(china.kind()).isEqualTo(Kind.CHOKEPOINT);
		// Japan is the alternative, allied with the US through ALLY (in force, critical
		// minerals in general)
		assertThat(china.alternatives()).hasSize(1);
		Alternative japan = china.alternatives().get(0);
		assertThat(japan.country()).isEqualTo("JPN");
		assertThat(japan.worldShare()).isCloseTo(0.4, EXACT);
		assertThat(japan.allied()).isTrue();
		assertThat(japan.agreements()).containsExactly("ALLY");
		assertThat(china.stockpileDaysOfCover()).isEqualTo(45.0);

		assertThat(analyse("p-six", "USA", 0.6).singlePointsOfFailure()).extracting(SinglePointOfFailure::country)
			.containsExactly("CHN");
		assertThat(analyse("p-six", "USA", 0.61).singlePointsOfFailure()).isEmpty();
	}

	@Test
	void anAgreementThatEndedMakesNoAlly() {
		// Australia's only agreement with Japan's side... none: OLD (with the US) ended
		// in 2015
		SinglePointOfFailure china = analyse("p-six", "AUS", 0.5).singlePointsOfFailure().get(0);
		assertThat(china.alternatives().get(0).allied()).isFalse();
		assertThat(china.alternatives().get(0).agreements()).isEmpty();
		assertThat(china.stockpileDaysOfCover()).isNull();
	}

	@Test
	void chinaOnTwoBranchesOfADiamondIsCountedOncePerPath() {
		// comp-x: China 0.5, Japan 0.5; each buys dia from China 0.5, Australia 0.5.
		// Paths CHN-CHN, CHN-AUS, JPN-CHN touch China: 0.75; JPN-AUS is China-free: 0.25.
		// comp-y: Korea 1.0 then dia: 0.5 China. The worst input (under comp-x) decides.
		ChainAnalysis chain = analyse("p-dia", "USA", 0.5);
		assertThat(chain.figures().chinaExposure()).isCloseTo(0.75, EXACT);
		assertThat(chain.figures().unknownShare()).isCloseTo(0.0, EXACT);
		assertThat(chain.figures().chinaFreeShare()).isCloseTo(0.25, EXACT);
		assertThat(item(chain, "comp-x").figures().chinaExposure()).isCloseTo(0.75, EXACT);
		assertThat(item(chain, "comp-y").figures().chinaExposure()).isCloseTo(0.5, EXACT);
		// dia has two positions with China at 0.5 in each: the larger, 0.5, is reported
		StageSupply refining = stage(chain, "dia", Stage.REFINING);
		assertThat(refining.suppliers()).extracting(ChainAnalysis.SupplierShare::country)
			.containsExactlyInAnyOrder("CHN", "AUS");
		assertThat(refining.suppliers()).allSatisfy(s -> assertThat(s.share()).isCloseTo(0.5, EXACT));
		assertThat(refining.hhi()).isCloseTo(5000.0, within(1e-9));
		// Korea is the sole source of comp-y, first of the ranked single points of
		// failure
		SinglePointOfFailure first = chain.singlePointsOfFailure().get(0);
		assertThat(first.item()).isEqualTo("comp-y");
		assertThat(first.country()).isEqualTo("KOR");
		assertThat(first.kind()).isEqualTo(Kind.SOLE_SOURCE);
		assertThat(chain.singlePointsOfFailure()).hasSize(5);
	}

	@Test
	void aBuyersOwnSourcingReplacesGlobalSharesAtEveryDepth() {
		// EU buys p-mag: China 0.6, EU 0.3, unknown 0.1 (its own sourcing, not the global
		// 0.9/0.1).
		// Both then buy re at global shares (China 0.8, US 0.2):
		// touching China: 0.6 (all of China's) + 0.3 x 0.8 = 0.84; unknown 0.1;
		// China-free 0.3 x 0.2 = 0.06
		ChainAnalysis eu = analyse("p-mag", "EU", 0.5);
		assertThat(eu.figures().chinaExposure()).isCloseTo(0.84, EXACT);
		assertThat(eu.figures().unknownShare()).isCloseTo(0.1, EXACT);
		assertThat(eu.figures().chinaFreeShare()).isCloseTo(0.06, EXACT);
		assertThat(stage(eu, "p-mag", Stage.MANUFACTURING).basis()).isEqualTo("BUYER_SOURCING");
		assertThat(stage(eu, "p-mag", Stage.MANUFACTURING).unknownShare()).isCloseTo(0.1, EXACT);
		assertThat(stage(eu, "re", Stage.REFINING).basis()).isEqualTo("GLOBAL");
		// China refines 0.6 x 0.8 + 0.3 x 0.8 = 0.72 of the EU's supply
		assertThat(stage(eu, "re", Stage.REFINING).suppliers().get(0).share()).isCloseTo(0.72, EXACT);
		// Japan buys at global shares (China 0.9, Japan 0.1), but Japan's magnet makers
		// buy re only
		// from Australia (Japan's own sourcing, one level down): exposure 0.9, China-free
		// 0.1
		ChainAnalysis japan = analyse("p-mag", "JPN", 0.5);
		assertThat(japan.figures().chinaExposure()).isCloseTo(0.9, EXACT);
		assertThat(japan.figures().chinaFreeShare()).isCloseTo(0.1, EXACT);
		assertThat(stage(japan, "re", Stage.REFINING).basis()).isEqualTo("MIXED");
		// re's facts: the newest year (2024, not 2020) and the best source (official s1,
		// not secondary s2)
		assertThat(stage(japan, "re", Stage.REFINING).facts())
			.contains(new ChainAnalysis.FactUsed("GLOBAL", null, 2024L, "s1", 0));
	}

	@Test
	void alliesAreMarkedOnlyWhereTheAgreementCoversTheItem() {
		ChainAnalysis eu = analyse("p-mag", "EU", 0.5);
		SinglePointOfFailure magnet = spof(eu, "p-mag");
		assertThat(magnet.share()).isCloseTo(0.6, EXACT);
		// ALLY covers critical minerals in general, not magnets: Japan is not allied for
		// p-mag
		assertThat(magnet.alternatives()).containsExactly(new Alternative("JPN", 0.1, false, List.of()));
		SinglePointOfFailure rareEarths = spof(eu, "re");
		assertThat(rareEarths.share()).isCloseTo(0.72, EXACT);
		assertThat(rareEarths.alternatives()).containsExactly(new Alternative("USA", 0.2, true, List.of("ALLY")));
	}

	@Test
	void theWorstInputDecidesForATwoLevelBillOfMaterials() {
		// p-two needs comp-z (Japan 1.0, which needs sole: China 1.0) and six (China 0.6)
		ChainAnalysis chain = analyse("p-two", "USA", 0.5);
		assertThat(chain.worstInput()).isEqualTo("sole");
		assertThat(chain.figures().chinaExposure()).isCloseTo(1.0, EXACT);
		assertThat(chain.figures().chinaFreeShare()).isCloseTo(0.0, EXACT);
		assertThat(item(chain, "six").figures().chinaExposure()).isCloseTo(0.6, EXACT);
		assertThat(item(chain, "comp-z").figures().chinaExposure()).isCloseTo(1.0, EXACT);
		assertThat(chain.inputs()).extracting(ItemExposure::item).containsExactly("p-two", "comp-z", "six", "sole");
	}

	@Test
	void chainCypherForEveryProductGivesTheApisExposuresAndChokepoints() {
		// what an analyst pastes into Neo4j Browser: chain.cypher with $products null
		List<java.util.Map<String, Object>> rows = this.driver
			.executableQuery(org.chokepoint.database.CypherFile.load("chain"))
			.withParameters(java.util.Map.of("consumer", "USA", "year", 2024, "sourcing", "traced", "threshold", 0.5,
					"cuts", List.of(), "products", org.neo4j.driver.Values.NULL))
			.execute()
			.records()
			.stream()
			.map(org.neo4j.driver.Record::asMap)
			.toList();
		assertThat(rows).extracting(row -> row.get("product"))
			.containsExactlyInAnyOrder("p-sole", "p-six", "p-dia", "comp-x", "comp-y", "p-mag", "p-two", "comp-z");
		for (java.util.Map<String, Object> row : rows) {
			ChainAnalysis api = analyse((String) row.get("product"), "USA", 0.5);
			assertThat((Double) row.get("chinaExposure")).isCloseTo(api.figures().chinaExposure(), EXACT);
			assertThat((Double) row.get("chinaFreeShare")).isCloseTo(api.figures().chinaFreeShare(), EXACT);
			@SuppressWarnings("unchecked")
			List<java.util.Map<String, Object>> chokepoints = (List<java.util.Map<String, Object>>) row
				.get("chokepoints");
			assertThat(chokepoints)
				.extracting(c -> c.get("item") + "/" + c.get("stage") + "/" + c.get("country") + "/" + c.get("kind"))
				.containsExactlyInAnyOrderElementsOf(api.singlePointsOfFailure()
					.stream()
					.map(s -> s.item() + "/" + s.stage() + "/" + s.country() + "/" + s.kind())
					.toList());
		}
	}

	private static SinglePointOfFailure spof(ChainAnalysis chain, String item) {
		return chain.singlePointsOfFailure().stream().filter(s -> s.item().equals(item)).findFirst().orElseThrow();
	}

	private static ItemExposure item(ChainAnalysis chain, String id) {
		return chain.inputs().stream().filter(i -> i.item().equals(id)).findFirst().orElseThrow();
	}

	private static StageSupply stage(ChainAnalysis chain, String id, Stage stage) {
		return item(chain, id).stages().stream().filter(s -> s.stage() == stage).findFirst().orElseThrow();
	}

}
