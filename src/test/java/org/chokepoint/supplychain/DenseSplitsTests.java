package org.chokepoint.supplychain;

import java.util.List;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dense splits' global order: what a report walks to list a single point of failure's
 * alternatives.
 */
class DenseSplitsTests {

	@Test
	void theGlobalOrderIsLargestShareFirstAndEqualSharesByCode() {
		List<Split> global = List.of(new Split("USA", 0.1), new Split("CHN", 0.6), new Split("JPN", 0.1),
				new Split("AUS", 0.1), new Split("ZAF", 0.0), new Split("BRA", 0.1));
		PartyIndex parties = new PartyIndex(new String[] { "ZAF", "USA", "JPN", "CHN", "BRA", "AUS" });
		DenseSplits dense = DenseSplits.compile(parties, global, List.<BuyerSplit>of());
		// positions in the split: CHN (1), then the four of 0.1 by code: AUS (3), BRA
		// (5), JPN (2), USA (0), then ZAF (4)
		assertThat(dense.globalOrder()).containsExactly(1, 3, 5, 2, 0, 4);
	}

	@Test
	void anEmptySplitHasAnEmptyOrder() {
		PartyIndex parties = new PartyIndex(new String[] { "CHN" });
		assertThat(DenseSplits.compile(parties, List.of(), List.of()).globalOrder()).isEmpty();
	}

}
