package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.assertj.core.data.Offset;
import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.GraphCounts;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.ScenarioResult.Hit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scenarios (domain.md, metric 6) on fixtures/analysis, against answers computed by hand.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioIT {

	static final Offset<Double> EXACT = within(1e-12);

	@Autowired
	ImportService importService;

	@Autowired
	ScenarioService scenarios;

	@Autowired
	GraphCounts counts;

	@BeforeAll
	void importFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/analysis"));
	}

	@Test
	void theMeasuresInForceOnTheDayOfTheBanCutTheUsAndTheLicenceCutsEveryone() {
		ScenarioResult result = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2024-12-03", null, null, 2024));
		// BAN-SIX (China, six, to the US, a ban: cut 1) and LIC-DIA (China, dia,
		// everyone, a licence: cut 0.5)
		assertThat(result.measures())
			.extracting(ScenarioResult.MeasureApplied::measure, ScenarioResult.MeasureApplied::fraction)
			.containsExactly(tuple("BAN-SIX", 1.0), tuple("LIC-DIA", 0.5));
		assertThat(result.licenceCut()).isEqualTo(0.5);
		// default consumers: the ban's target, then every buyer with sourcing data
		assertThat(result.consumers()).containsExactly("USA", "EU", "JPN");
		// six is cut for the US only; dia for every consumer, in p-dia and in its
		// components
		assertThat(result.hits()).extracting(Hit::consumer, Hit::product)
			.containsExactlyInAnyOrder(tuple("USA", "p-six"), tuple("USA", "p-two"), tuple("EU", "p-dia"),
					tuple("EU", "comp-x"), tuple("EU", "comp-y"), tuple("JPN", "p-dia"), tuple("JPN", "comp-x"),
					tuple("JPN", "comp-y"), tuple("USA", "p-dia"), tuple("USA", "comp-x"), tuple("USA", "comp-y"));
		// the US loses China's 0.6 of six
		Hit six = hit(result, "USA", "p-six");
		assertThat(six.supplyLost()).isCloseTo(0.6, EXACT);
		assertThat(six.before().chinaExposure()).isCloseTo(0.6, EXACT);
		assertThat(six.after().chinaExposure()).isCloseTo(0.0, EXACT);
		assertThat(six.after().chinaFreeShare()).isCloseTo(1.0, EXACT);
		assertThat(six.causes()).containsExactly(new ScenarioResult.Cause("six", six.supplyLost(), List.of("six")));
		// p-dia: China's own comp-x makers are not cut (a country does not ban itself);
		// comp-x chain loses 0.5 (Japan) x 0.5 (China's dia) x 0.5 = 0.125, comp-y chain
		// 1 x 0.5 x 0.5 = 0.25
		Hit dia = hit(result, "USA", "p-dia");
		assertThat(dia.supplyLost()).isCloseTo(0.25, EXACT);
		assertThat(dia.before().chinaExposure()).isCloseTo(0.75, EXACT);
		// after: comp-x paths CHN-CHN 0.25, CHN-AUS 0.25, JPN-CHN 0.125 touch China,
		// JPN-AUS 0.25 does not:
		// 0.625 of the 0.875 that remains
		assertThat(dia.after().chinaExposure()).isCloseTo(0.625 / 0.875, EXACT);
		assertThat(dia.causes()).extracting(ScenarioResult.Cause::input, ScenarioResult.Cause::cutItems)
			.containsExactlyInAnyOrder(tuple("dia", List.of("dia")), tuple("dia", List.of("dia")));
		assertThat(result.hits().get(0).supplyLost()).isCloseTo(0.6, EXACT);
		// comp-x alone loses 0.5 (Japan's makers) x 0.5 x 0.5 = 0.125, the smallest loss
		assertThat(result.hits().get(result.hits().size() - 1).supplyLost()).isCloseTo(0.125, EXACT);
	}

	@Test
	void aSuspendedBanIsNotInForce() {
		ScenarioResult result = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2026-01-01", 0.2, null, 2024));
		assertThat(result.measures()).extracting(ScenarioResult.MeasureApplied::measure).containsExactly("LIC-DIA");
		// the licence now cuts 0.2 instead of 0.5: comp-y's chain loses 1 x 0.5 x 0.2
		assertThat(result.consumers()).containsExactly("EU", "JPN");
		assertThat(hit(result, "EU", "p-dia").supplyLost()).isCloseTo(0.1, EXACT);
		assertThat(result.hits()).noneMatch(h -> h.product().equals("p-six"));
	}

	@Test
	void aDisruptionOfOneStageForAllBuyersButTheSupplierItself() {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		ScenarioResult result = this.scenarios.run(new ScenarioRequest("CHN", List.of("re"), "REFINING", null, 1.0,
				null, null, null, List.of("EU"), 2024));
		// the EU's own magnet makers lose China's re (0.3 x 0.8); China's magnet makers
		// keep theirs
		assertThat(result.hits()).singleElement().satisfies(hit -> {
			assertThat(hit.product()).isEqualTo("p-mag");
			assertThat(hit.supplyLost()).isCloseTo(0.24, EXACT);
		});
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	private static Hit hit(ScenarioResult result, String consumer, String product) {
		return result.hits()
			.stream()
			.filter(h -> h.consumer().equals(consumer) && h.product().equals(product))
			.findFirst()
			.orElseThrow();
	}

}
