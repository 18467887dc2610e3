package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.junit.jupiter.api.Test;

/**
 * The calculator on a hand-computed chain, both from facts without dense splits (compiled
 * per chain, as facts read by chain-facts.cypher are) and from facts whose dense splits
 * share one index (as a projection's view hands them over): the two give the same chain,
 * and the world-matrix cell gives the same figures.
 */
class ChainCalculatorTests {

	private static final double EPS = 1e-12;

	/**
	 * A magnet made of neodymium. JPN buys magnets at its own mix (CHN 0.5, USA 0.5);
	 * neodymium is refined CHN 0.8, AUS 0.2 and mined AUS 1.0 (global shares, no mix).
	 */
	private static Map<String, ChainCalculator.Item> items(boolean dense) {
		StageFacts magnet = stage(Stage.MANUFACTURING, List.of(new Split("CHN", 0.6), new Split("KOR", 0.4)),
				List.of(new BuyerSplit("JPN", List.of(new Split("CHN", 0.5), new Split("USA", 0.5)), 2024, "s1")));
		StageFacts refining = stage(Stage.REFINING, List.of(new Split("CHN", 0.8), new Split("AUS", 0.2)), List.of());
		StageFacts mining = stage(Stage.MINING, List.of(new Split("AUS", 1.0)), List.of());
		if (dense) {
			PartyIndex parties = new PartyIndex(new String[] { "AUS", "CHN", "JPN", "KOR", "USA", "s1" });
			magnet = withDense(magnet, parties);
			refining = withDense(refining, parties);
			mining = withDense(mining, parties);
		}
		Map<String, ChainCalculator.Item> items = new LinkedHashMap<>();
		items.put("magnet",
				new ChainCalculator.Item("magnet", true, List.of("nd"), new ItemFacts("magnet", List.of(magnet))));
		items.put("nd",
				new ChainCalculator.Item("nd", false, List.of(), new ItemFacts("nd", List.of(refining, mining))));
		return items;
	}

	private static StageFacts stage(Stage stage, List<Split> global, List<BuyerSplit> sourcing) {
		return new StageFacts(stage, global, 2024L, "s1", sourcing);
	}

	private static StageFacts withDense(StageFacts facts, PartyIndex parties) {
		return new StageFacts(facts.stage(), facts.global(), facts.globalYear(), facts.globalSource(), facts.sourcing(),
				DenseSplits.compile(parties, facts.global(), facts.sourcing()));
	}

	@Test
	void aChainByHand() {
		ChainComputation chain = ChainCalculator.compute("magnet", "JPN", items(false), List.of());
		// magnets: JPN's own mix, CHN 0.5 (touched China 0.5), USA 0.5 (0)
		// refining, at global shares: from CHN's 0.5, CHN 0.4 and AUS 0.1 (both touched
		// China); from USA's 0.5, CHN 0.4 (touched) and AUS 0.1 (not): CHN 0.8 (0.8), AUS
		// 0.2 (0.1)
		// mining: all to AUS, 1.0, of which 0.9 touched China; nothing unknown
		assertThat(chain.worstInput()).isEqualTo("nd");
		assertThat(chain.chinaExposure()).isCloseTo(0.9, within(EPS));
		assertThat(chain.unknownShare()).isCloseTo(0.0, within(EPS));
		assertThat(chain.chinaFreeShare()).isCloseTo(0.1, within(EPS));
		assertThat(chain.remainingSupply()).isCloseTo(1.0, within(EPS));
		ChainComputation.StageResult refining = chain.positions().get(1).stages().get(0);
		assertThat(refining.stage()).isEqualTo(Stage.REFINING);
		assertThat(refining.basis()).isEqualTo("GLOBAL");
		assertThat(refining.suppliers()).extracting(ChainComputation.SupplierWeight::country)
			.containsExactly("CHN", "AUS");
		assertThat(refining.suppliers().get(0).share()).isCloseTo(0.8, within(EPS));
		assertThat(refining.suppliers().get(1).china()).isCloseTo(0.1, within(EPS));
		// HHI of refining: 80^2 + 20^2
		assertThat(refining.hhi()).isCloseTo(6800.0, within(1e-9));
		assertThat(chain.positions().get(0).stages().get(0).ownBuyers()).containsExactly("JPN");
	}

	@Test
	void denseSplitsOfOneIndexGiveTheSameChainAsFactsCompiledPerChain() {
		assertThat(ChainCalculator.compute("magnet", "JPN", items(true), List.of()))
			.isEqualTo(ChainCalculator.compute("magnet", "JPN", items(false), List.of()));
		// a consumer the index does not hold buys at global shares
		ChainComputation bra = ChainCalculator.compute("magnet", "BRA", items(true), List.of());
		assertThat(bra).isEqualTo(ChainCalculator.compute("magnet", "BRA", items(false), List.of()));
		assertThat(bra.positions().get(0).stages().get(0).basis()).isEqualTo("GLOBAL");
	}

	@Test
	void aWorldMatrixCellHasTheChainsFiguresAndCountsItsSinglePointsOfFailure() {
		ChainCalculator.Cell cell = ChainCalculator.cell("magnet", "JPN", items(true), Map.of(), 0.5);
		ChainComputation chain = ChainCalculator.compute("magnet", "JPN", items(true), List.of());
		assertThat(cell.figures()).isEqualTo(ChainFigures.of(chain));
		assertThat(cell.worstInput()).isEqualTo("nd");
		// at or above 0.5: magnets CHN 0.5 and USA 0.5, refining CHN 0.8, mining AUS 1.0
		assertThat(cell.singlePointsOfFailure()).isEqualTo(4);
	}

	@Test
	void aCutTakesItsShareOfTheSupplyThatPassesTheCutter() {
		// CHN stops half its neodymium refining to everyone: of the refined CHN 0.8, the
		// 0.4 bought by USA's magnet makers keeps 0.2; the 0.4 bought by CHN's own is
		// CHN's supply to itself, never cut: 0.4 + 0.1 + 0.2 + 0.1 remain
		Cut cut = new Cut("CHN", List.of("nd"), List.of(Stage.REFINING), List.of(), 0.5);
		ChainComputation compiled = ChainCalculator.compute("magnet", "JPN", items(false), List.of(cut));
		assertThat(ChainCalculator.compute("magnet", "JPN", items(true), List.of(cut))).isEqualTo(compiled);
		assertThat(compiled.remainingSupply()).isCloseTo(0.8, within(EPS));
	}

}
