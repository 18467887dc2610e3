package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.chokepoint.ChokepointTest;
import org.chokepoint.supplychain.ChainAnalysis.Kind;
import org.chokepoint.supplychain.ChainAnalysis.SinglePointOfFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analyses on the shipped data (import/), imported at start-up as a new user gets it:
 * the seed story's worked example (domain.md) and the December 2024 ban.
 */
@ChokepointTest
class ShippedDataIT {

	@Autowired
	ChainAnalysisService chains;

	@Autowired
	ScenarioService scenarios;

	@Test
	void chinaIsAChokepointForEuMagnetsAndTheEuMagnetChainIsOver90PercentChinese() {
		ChainAnalysis magnets = this.chains.analyse("ndfeb-magnet", "EU", 2026, 0.5, LocalDate.of(2026, 2, 15), 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		SinglePointOfFailure china = magnets.singlePointsOfFailure()
			.stream()
			.filter(s -> s.item().equals("ndfeb-magnet") && s.stage() == Stage.MANUFACTURING)
			.findFirst()
			.orElseThrow();
		assertThat(china.country()).isEqualTo("CHN");
		assertThat(china.kind()).isEqualTo(Kind.CHOKEPOINT);
		// 17,000-18,000 of 20,000 t: 0.85-0.90 (the midpoint, 0.875, is loaded)
		assertThat(china.share()).isBetween(0.85, 0.90);
		// 0.875 + 0.05 (EU makers) x ~0.91 (China's refining of magnet rare earths),
		// before mining
		assertThat(magnets.figures().chinaExposure()).isGreaterThanOrEqualTo(0.90);
		assertThat(magnets.figures().unknownShare()).isGreaterThan(0.0);
	}

	@Test
	void theMeasuresInForceOnTheDayOfTheUsBanHitUsProductsThatNeedGalliumGermaniumOrAntimony() {
		ScenarioResult result = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2024-12-03", null, null, null));
		assertThat(result.measures()).extracting(ScenarioResult.MeasureApplied::items)
			.anySatisfy(items -> assertThat(items).contains("gallium", "germanium", "antimony"));
		assertThat(result.hits()).filteredOn(hit -> hit.consumer().equals("USA"))
			.flatExtracting(ScenarioResult.Hit::causes)
			.flatExtracting(ScenarioResult.Cause::cutItems)
			.containsAnyElementsOf(Set.of("gallium", "germanium", "antimony"));
		assertThat(result.hits()).filteredOn(hit -> hit.consumer().equals("USA"))
			.extracting(ScenarioResult.Hit::product)
			.contains("gan-gaas-semiconductor", "germanium-optics", "ammunition");
	}

}
