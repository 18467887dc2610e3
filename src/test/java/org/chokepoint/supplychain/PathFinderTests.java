package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.PathFinder.Path;
import org.chokepoint.supplychain.PathFinder.Step;
import org.junit.jupiter.api.Test;

/**
 * The k heaviest supply paths on small chains built by hand (no database), with each
 * weight worked out in a comment. A path's weight is the product of the shares along it;
 * the part of a split that no supplier accounts for ends the path at the unknown
 * supplier.
 */
class PathFinderTests {

	/**
	 * fixtures/analysis's magnet, as plain facts: p-mag is made from re. Globally CHN
	 * makes 0.9 of p-mag and JPN 0.1; the EU buys it from CHN 0.6 and from itself 0.3
	 * (0.1 unknown). re is refined by CHN 0.8 and USA 0.2; JPN buys its re from AUS only.
	 */
	static final ChainComputation MAGNET = chain(List.of(List.of("p-mag"), List.of("p-mag", "re")),
			facts("p-mag",
					stage(Stage.MANUFACTURING, List.of(split("CHN", 0.9), split("JPN", 0.1)),
							buyer("EU", split("CHN", 0.6), split("EU", 0.3)))),
			facts("re", stage(Stage.REFINING, List.of(split("CHN", 0.8), split("USA", 0.2)),
					buyer("JPN", split("AUS", 1.0)))));

	@Test
	void listsTheHeaviestPathsFirstAndStopsAtK() {
		// moved down from SupplyChainAnalysisIT: the EU buys p-mag on its own split, its
		// suppliers buy re globally.
		// CHN then CHN 0.6 x 0.8 = 0.48; EU then CHN 0.3 x 0.8 = 0.24; CHN then USA 0.6 x
		// 0.2 = 0.12;
		// the unknown 1 - 0.6 - 0.3 = 0.1 ends at assembly; EU then USA 0.3 x 0.2 = 0.06
		// is fifth, left out at k = 4
		List<Path> paths = PathFinder.heaviest(MAGNET, "EU", 4);
		assertThat(paths).extracting(Path::weight).containsExactly(0.6 * 0.8, 0.3 * 0.8, 0.6 * 0.2, 1 - (0.6 + 0.3));
		assertThat(paths).extracting(Path::steps)
			.containsExactly(List.of(step("p-mag", Stage.MANUFACTURING, "CHN"), step("re", Stage.REFINING, "CHN")),
					List.of(step("p-mag", Stage.MANUFACTURING, "EU"), step("re", Stage.REFINING, "CHN")),
					List.of(step("p-mag", Stage.MANUFACTURING, "CHN"), step("re", Stage.REFINING, "USA")),
					List.of(step("p-mag", Stage.MANUFACTURING, PathFinder.UNKNOWN)));
	}

	@Test
	void givesEveryPathWhenKIsLargerAndTheirWeightsAddUpToOne() {
		// 0.48 + 0.24 + 0.12 + 0.1 + 0.06 = 1: every unit of supply is on exactly one
		// path
		List<Path> paths = PathFinder.heaviest(MAGNET, "EU", 100);
		assertThat(paths).extracting(Path::weight)
			.containsExactly(0.6 * 0.8, 0.3 * 0.8, 0.6 * 0.2, 1 - (0.6 + 0.3), 0.3 * 0.2);
		assertThat(paths.stream().mapToDouble(Path::weight).sum()).isCloseTo(1.0,
				org.assertj.core.api.Assertions.within(1e-12));
		assertThat(PathFinder.heaviest(MAGNET, "EU", 0)).isEmpty();
	}

	@Test
	void aSupplierBuysOnItsOwnSourcingAtTheNextDepth() {
		// JPN has no sourcing of p-mag, so it buys on the global split: CHN 0.9, JPN 0.1.
		// Downstream, the
		// buyer of re is the maker of p-mag: CHN buys globally (CHN 0.8, USA 0.2), JPN
		// from AUS only.
		// CHN then CHN 0.9 x 0.8 = 0.72; CHN then USA 0.9 x 0.2 = 0.18; JPN then AUS 0.1
		// x 1 = 0.1
		List<Path> paths = PathFinder.heaviest(MAGNET, "JPN", 10);
		assertThat(paths).extracting(Path::weight).containsExactly(0.9 * 0.8, 0.9 * 0.2, 0.1 * 1.0);
		assertThat(paths.get(2).steps()).containsExactly(step("p-mag", Stage.MANUFACTURING, "JPN"),
				step("re", Stage.REFINING, "AUS"));
	}

	@Test
	void walksAMineralFromRefiningToMiningWithTheRefinerAsBuyer() {
		// m is refined by CHN 0.8 (0.2 unknown) and mined by AUS 0.5 and CHN 0.5; CHN's
		// refiners buy their
		// ore from AUS alone. CHN refines and AUS mines: 0.8 x 1 = 0.8; the unknown
		// refiner 1 - 0.8 = 0.2
		// ends the path there (nobody knows whom it buys from)
		ChainComputation chain = chain(List.of(List.of("m")), facts("m",
				stage(Stage.MINING, List.of(split("AUS", 0.5), split("CHN", 0.5)), buyer("CHN", split("AUS", 1.0))),
				stage(Stage.REFINING, List.of(split("CHN", 0.8)))));
		List<Path> paths = PathFinder.heaviest(chain, "EU", 10);
		assertThat(paths).extracting(Path::weight).containsExactly(0.8 * 1.0, 1 - 0.8);
		assertThat(paths).extracting(Path::steps)
			.containsExactly(List.of(step("m", Stage.REFINING, "CHN"), step("m", Stage.MINING, "AUS")),
					List.of(step("m", Stage.REFINING, PathFinder.UNKNOWN)));
	}

	@Test
	void equalWeightsComeInTheOrderOfTheirStepsWhateverTheOrderOfTheFacts() {
		// two leaves a and b under p, each split 0.5/0.5: four paths of 0.5 x 0.5 = 0.25,
		// none with a zero share
		List<List<String>> positions = List.of(List.of("p"), List.of("p", "a"));
		ChainComputation forward = chain(positions,
				facts("p",
						stage(Stage.MANUFACTURING, List.of(split("KOR", 0.5), split("JPN", 0.5), split("USA", 0.0)))),
				facts("a", stage(Stage.REFINING, List.of(split("BRA", 0.5), split("AUS", 0.5)))));
		ChainComputation backward = chain(positions,
				facts("a", stage(Stage.REFINING, List.of(split("AUS", 0.5), split("BRA", 0.5)))), facts("p",
						stage(Stage.MANUFACTURING, List.of(split("USA", 0.0), split("JPN", 0.5), split("KOR", 0.5)))));
		List<List<String>> expected = List.of(List.of("JPN", "AUS"), List.of("JPN", "BRA"), List.of("KOR", "AUS"),
				List.of("KOR", "BRA"));
		for (ChainComputation chain : List.of(forward, backward)) {
			List<Path> paths = PathFinder.heaviest(chain, "EU", 10);
			assertThat(paths).extracting(Path::weight).containsExactly(0.25, 0.25, 0.25, 0.25);
			assertThat(paths).extracting(path -> path.steps().stream().map(Step::country).toList())
				.containsExactlyElementsOf(expected);
		}
	}

	@Test
	void anItemWithoutFactsPassesItsWeightToItsInputs() {
		// p has no data of its own (a gap): its one input x, refined by CHN alone,
		// carries the whole weight 1
		ChainComputation chain = chain(List.of(List.of("p"), List.of("p", "x")),
				facts("x", stage(Stage.REFINING, List.of(split("CHN", 1.0)))));
		assertThat(PathFinder.heaviest(chain, "EU", 10))
			.containsExactly(new Path(1.0, List.of(step("x", Stage.REFINING, "CHN"))));
	}

	/**
	 * The only place that builds a {@link ChainComputation}: the path finder reads its
	 * positions and facts.
	 */
	static ChainComputation chain(List<List<String>> positions, ItemFacts... facts) {
		return new ChainComputation(null, null, null, 1.0, null, List.of(),
				positions.stream().map(p -> new PositionStages(p, List.of())).toList(), List.of(),
				Arrays.asList(facts));
	}

	static ItemFacts facts(String item, StageFacts... stages) {
		return new ItemFacts(item, List.of(stages));
	}

	static StageFacts stage(Stage stage, List<Split> global, BuyerSplit... sourcing) {
		return new StageFacts(stage, global, 2024L, "s1", List.of(sourcing));
	}

	static BuyerSplit buyer(String buyer, Split... split) {
		return new BuyerSplit(buyer, List.of(split), 2024, "s1");
	}

	static Split split(String country, double share) {
		return new Split(country, share);
	}

	static Step step(String item, Stage stage, String country) {
		return new Step(item, stage, country);
	}

}
