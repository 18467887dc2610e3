package org.chokepoint.supplychain;

import java.util.List;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The dense splits: their global order (what a report walks to list a single point of
 * failure's alternatives) and their suppliers' ids (two bytes each).
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
	void anIndexRefusesACodeTwice() {
		// an id is one code: the report compares ids for codes
		assertThatIllegalArgumentException().isThrownBy(() -> new PartyIndex(new String[] { "CHN", "USA", "CHN" }))
			.withMessage("Party code CHN comes twice in an index, at 0 and 2");
		PartyIndex parties = new PartyIndex(new String[] { "CHN", "USA" });
		assertThat(parties.id("USA")).isEqualTo(1);
		assertThat(parties.id("JPN")).isEqualTo(-1);
	}

	@Test
	void theGlobalSplitsPartiesAndWhetherABuyerHasOneRow() {
		String[] codes = new String[70];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = "P" + i;
		}
		PartyIndex parties = new PartyIndex(codes);
		List<Split> global = List.of(new Split("P66", 0.5), new Split("P0", 0.25), new Split("P63", 0.25));
		List<Split> own = List.of(new Split("P64", 1.0));
		DenseSplits once = DenseSplits.compile(parties, global,
				List.of(new BuyerSplit("P1", own, 2024, "s"), new BuyerSplit("P2", own, 2024, "s")));
		// a bit per party, across the first 64
		assertThat(List.of(0, 63, 66)).allSatisfy(id -> assertThat(once.inGlobal(id)).isTrue());
		assertThat(List.of(1, 62, 64, 65, 67, 69, -1, 70, 1000))
			.allSatisfy(id -> assertThat(once.inGlobal(id)).as("%d", id).isFalse());
		assertThat(once.oneRowEach()).isTrue();
		DenseSplits twice = DenseSplits.compile(parties, global, List.of(new BuyerSplit("P1", own, 2024, "s"),
				new BuyerSplit("P2", own, 2024, "s"), new BuyerSplit("P1", own, 2023, "t")));
		assertThat(twice.oneRowEach()).isFalse();
		assertThat(twice.row(1)).isZero();
	}

	@Test
	void anEmptySplitHasAnEmptyOrder() {
		PartyIndex parties = new PartyIndex(new String[] { "CHN" });
		assertThat(DenseSplits.compile(parties, List.of(), List.of()).globalOrder()).isEmpty();
	}

	@Test
	void suppliersAndBuyersAreTheirIdsInTheIndex() {
		PartyIndex parties = new PartyIndex(new String[] { "CHN", "USA", "AUS" });
		DenseSplits dense = DenseSplits.compile(parties, List.of(new Split("AUS", 0.4), new Split("CHN", 0.6)), List
			.of(new BuyerSplit("USA", List.of(new Split("CHN", 0.25), new Split("AUS", 0.75)), 2024, "s", null)));
		assertThat(dense.globalIds()).containsExactly((char) 2, (char) 0);
		assertThat(dense.buyers()).containsExactly(1);
		assertThat(dense.ids()[0]).containsExactly((char) 0, (char) 2);
		assertThat(dense.shares()[0]).containsExactly(0.25, 0.75);
		assertThat(dense.row(1)).isZero();
		assertThat(dense.row(0)).isEqualTo(-1);
	}

	@Test
	void aSupplierOutsideTheIndexIsRefusedByName() {
		PartyIndex parties = new PartyIndex(new String[] { "CHN" });
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DenseSplits.compile(parties, List.of(new Split("XXX", 1.0)), List.of()))
			.withMessageContaining("XXX");
	}

	@Test
	void anIndexBeyondTwoBytesOfIdsIsRefusedAtTheFirstSupplierPastIt() {
		String[] codes = new String[Character.MAX_VALUE + 2];
		for (int i = 0; i < codes.length; i++) {
			codes[i] = "P" + i;
		}
		PartyIndex parties = new PartyIndex(codes);
		String last = codes[codes.length - 1];
		// the last id that fits is taken; the one past it is refused, not wrapped round
		// to id 0
		assertThat(DenseSplits.compile(parties, List.of(new Split(codes[Character.MAX_VALUE], 1.0)), List.of())
			.globalIds()).containsExactly(Character.MAX_VALUE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DenseSplits.compile(parties, List.of(new Split(last, 1.0)), List.of()))
			.withMessageContaining(last)
			.withMessageContaining("65536");
	}

}
