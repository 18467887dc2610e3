package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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

	@Autowired
	ConsumerOverviewService overviews;

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

	/**
	 * The default summary of a chain against its full answer: the same figures and single
	 * points of failure; each stage lists the full answer's suppliers from 0.1 % on, in
	 * the same order, and counts and sums the others; the buyers' facts add up to the
	 * full answer's, per source and year.
	 */
	@Test
	void aSummaryHoldsTheFullAnswersFiguresAndListsItsSuppliersFromOneThousandth() {
		LocalDate asOf = LocalDate.of(2026, 2, 15);
		int checkedRests = 0;
		for (String consumer : java.util.List.of("EU", "USA", "JPN", "VNM")) {
			ChainAnalysis summary = this.chains.analyse("ndfeb-magnet", consumer, 2026, 0.5, asOf, 0,
					org.chokepoint.supplymix.Sourcing.TRACED, ChainEngine.PROJECTION, Detail.SUMMARY);
			ChainAnalysis full = this.chains.analyse("ndfeb-magnet", consumer, 2026, 0.5, asOf, 0,
					org.chokepoint.supplymix.Sourcing.TRACED, ChainEngine.PROJECTION, Detail.FULL);
			assertThat(summary.figures()).isEqualTo(full.figures());
			assertThat(summary.singlePointsOfFailure())
				.extracting(SinglePointOfFailure::country, SinglePointOfFailure::share)
				.isEqualTo(full.singlePointsOfFailure()
					.stream()
					.map(s -> org.assertj.core.groups.Tuple.tuple(s.country(), s.share()))
					.toList());
			assertThat(summary.inputs()).hasSameSizeAs(full.inputs());
			for (int i = 0; i < full.inputs().size(); i++) {
				for (int j = 0; j < full.inputs().get(i).stages().size(); j++) {
					ChainAnalysis.StageSupply all = full.inputs().get(i).stages().get(j);
					ChainAnalysis.StageSupply some = summary.inputs().get(i).stages().get(j);
					String where = consumer + " " + full.inputs().get(i).item() + " " + all.stage();
					var listed = all.suppliers().stream().filter(s -> s.share() >= Detail.LEAST_LISTED_SHARE).toList();
					var rest = all.suppliers().stream().filter(s -> s.share() < Detail.LEAST_LISTED_SHARE).toList();
					assertThat(some.suppliers()).as(where).isEqualTo(listed);
					assertThat(some.otherSuppliers().count()).as(where).isEqualTo(rest.size());
					assertThat(some.otherSuppliers().share()).as(where)
						.isCloseTo(rest.stream().mapToDouble(ChainAnalysis.SupplierShare::share).sum(),
								org.assertj.core.api.Assertions.within(1e-15));
					assertThat(all.otherSuppliers()).isEqualTo(ChainAnalysis.Rest.NONE);
					assertThat(some.facts().stream().mapToInt(ChainAnalysis.FactUsed::buyers).sum()).as(where)
						.isEqualTo(all.facts().stream().mapToInt(ChainAnalysis.FactUsed::buyers).sum());
					checkedRests += rest.isEmpty() ? 0 : 1;
				}
			}
		}
		// the EU's magnet makers alone: nine suppliers under 0.1 % (docs/api-examples.md)
		assertThat(checkedRests).isPositive();
	}

	/**
	 * {@code /api/spof}'s default summary against its full answer, every product of the
	 * EU: the same points of failure; each lists the full answer's ten largest
	 * alternatives and every allied one, in the same order, and counts and sums the
	 * others.
	 */
	@Test
	void theSinglePointsOfFailureOfEveryProductListTheTenLargestAndTheAlliedAlternatives() {
		LocalDate asOf = LocalDate.of(2026, 2, 15);
		List<SinglePointOfFailure> summary = this.overviews
			.overview("EU", 2026, 0.5, asOf, org.chokepoint.supplymix.Sourcing.TRACED, ChainEngine.PROJECTION,
					Detail.SUMMARY)
			.singlePointsOfFailure();
		List<SinglePointOfFailure> full = this.overviews
			.overview("EU", 2026, 0.5, asOf, org.chokepoint.supplymix.Sourcing.TRACED, ChainEngine.PROJECTION,
					Detail.FULL)
			.singlePointsOfFailure();
		assertThat(summary).hasSameSizeAs(full).isNotEmpty();
		int shortened = 0;
		for (int i = 0; i < full.size(); i++) {
			SinglePointOfFailure all = full.get(i);
			SinglePointOfFailure some = summary.get(i);
			String where = all.product() + " " + all.item() + " " + all.stage() + " " + all.country();
			assertThat(List.of(some.product(), some.item(), some.stage(), some.country(), some.share(), some.kind()))
				.as(where)
				.isEqualTo(List.of(all.product(), all.item(), all.stage(), all.country(), all.share(), all.kind()));
			assertThat(some.stockpileDaysOfCover()).as(where).isEqualTo(all.stockpileDaysOfCover());
			List<ChainAnalysis.Alternative> listed = new java.util.ArrayList<>();
			List<ChainAnalysis.Alternative> rest = new java.util.ArrayList<>();
			for (int k = 0; k < all.alternatives().size(); k++) {
				ChainAnalysis.Alternative alternative = all.alternatives().get(k);
				(k < Detail.ALTERNATIVES_LISTED || alternative.allied() ? listed : rest).add(alternative);
			}
			assertThat(some.alternatives()).as(where).isEqualTo(listed);
			assertThat(some.otherAlternatives().count()).as(where).isEqualTo(rest.size());
			assertThat(some.otherAlternatives().share()).as(where)
				.isCloseTo(rest.stream().mapToDouble(ChainAnalysis.Alternative::worldShare).sum(),
						org.assertj.core.api.Assertions.within(1e-15));
			assertThat(all.otherAlternatives()).isEqualTo(ChainAnalysis.Rest.NONE);
			shortened += rest.isEmpty() ? 0 : 1;
		}
		assertThat(shortened).as("points of failure whose summary leaves alternatives out").isPositive();
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
