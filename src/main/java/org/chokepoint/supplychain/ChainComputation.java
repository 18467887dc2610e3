package org.chokepoint.supplychain;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A consumer's chain of a product, as plain values: what {@link ChainCalculator} computes
 * from the facts of chain-facts.cypher, and chain.cypher in one query.
 *
 * @param chinaExposure the product's China exposure (its worst input chain's), null when
 * no supply remains
 * @param unknownShare the product's unknown share
 * @param chinaFreeShare the product's China-free share
 * @param remainingSupply the smallest remaining supply of the input chains (1 without
 * disruption)
 * @param worstInput the leaf item of the worst input chain
 * @param inputs the input chains, one per leaf position
 * @param positions per position of the unfolded bill of materials, its stages
 * @param gaps per (item, stage, buyer) whose weight skipped the stage for lack of data,
 * the largest weight over the item's positions
 * @param facts per item and stage, the splits used
 */
record ChainComputation(Double chinaExposure, Double unknownShare, Double chinaFreeShare, double remainingSupply,
		String worstInput, List<InputChain> inputs, List<PositionStages> positions, List<Gap> gaps,
		List<ItemFacts> facts) {

	/** An input chain: the paths from the consumer down to one leaf position. */
	record InputChain(String item, List<String> position, Double chinaExposure, Double unknownShare,
			Double chinaFreeShare, double remainingSupply) {
	}

	/** The stages computed at one position. */
	record PositionStages(List<String> position, List<StageResult> stages) {
	}

	/**
	 * One stage at one position.
	 *
	 * @param stage the stage
	 * @param weightIn weight of the paths that reach the stage
	 * @param unknown weight that ends at the unknown supplier here
	 * @param hhi of the supply reaching the stage, 0-10,000
	 * @param basis GLOBAL, BUYER_SOURCING or MIXED
	 * @param suppliers per supplier, its stage share and the part of it that touched
	 * China
	 * @param ownBuyers the holders that bought at their own supply mix here (the others
	 * at global shares)
	 * @param index the party index of the calculator's run, null where there is none
	 * (chain.cypher's answers)
	 * @param ownIds the ids of {@code ownBuyers} in {@code index} (the report finds their
	 * mixes by id, not by code), null without an index. Of one run: equality and hash are
	 * those of the first seven components
	 */
	record StageResult(Stage stage, double weightIn, double unknown, Double hhi, String basis,
			List<SupplierWeight> suppliers, List<String> ownBuyers, PartyIndex index, int[] ownIds) {

		StageResult(Stage stage, double weightIn, double unknown, Double hhi, String basis,
				List<SupplierWeight> suppliers) {
			this(stage, weightIn, unknown, hhi, basis, suppliers, List.of());
		}

		StageResult(Stage stage, double weightIn, double unknown, Double hhi, String basis,
				List<SupplierWeight> suppliers, List<String> ownBuyers) {
			this(stage, weightIn, unknown, hhi, basis, suppliers, ownBuyers, null, null);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StageResult that && this.stage == that.stage
					&& Double.compare(this.weightIn, that.weightIn) == 0
					&& Double.compare(this.unknown, that.unknown) == 0 && Objects.equals(this.hhi, that.hhi)
					&& Objects.equals(this.basis, that.basis) && this.suppliers.equals(that.suppliers)
					&& this.ownBuyers.equals(that.ownBuyers);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.stage, this.weightIn, this.unknown, this.hhi, this.basis, this.suppliers,
					this.ownBuyers);
		}

		@Override
		public String toString() {
			return "StageResult[stage=" + this.stage + ", weightIn=" + this.weightIn + ", unknown=" + this.unknown
					+ ", hhi=" + this.hhi + ", basis=" + this.basis + ", suppliers=" + this.suppliers + ", ownBuyers="
					+ this.ownBuyers + "]";
		}

	}

	/**
	 * A supplier's stage share at a position, and the part of it that touched China.
	 *
	 * @param id the supplier's id in the party index of the calculator's run (the report
	 * merges a stage's positions on it, not on the code), -1 where there is none
	 * (chain.cypher's answers). An index of one run: equality and hash are those of the
	 * first three components
	 */
	record SupplierWeight(String country, double share, double china, int id) {

		SupplierWeight(String country, double share, double china) {
			this(country, share, china, -1);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof SupplierWeight that && this.country.equals(that.country)
					&& Double.compare(this.share, that.share) == 0 && Double.compare(this.china, that.china) == 0;
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.country, this.share, this.china);
		}

	}

	/**
	 * A stage without data for a buyer: its weight skipped the stage and bought at the
	 * stage below.
	 *
	 * @param weight the weight that skipped (the largest over the item's positions), 0..1
	 */
	record Gap(String item, Stage stage, String buyer, double weight) {
	}

	/** The facts used for an item. */
	record ItemFacts(String item, List<StageFacts> stages) {
	}

	/**
	 * The splits used for an item at a stage: global shares, and buyers' own sourcing.
	 *
	 * @param byBuyer the buyers' own splits by buyer (the first of a buyer's, in
	 * {@code sourcing} order): derived from {@code sourcing} once, when the facts are
	 * made, not per chain
	 * @param dense the same splits as party ids, for the calculator; null where the facts
	 * were made without them (the calculator then compiles them per chain). Derived:
	 * equality and hash are those of the first five components
	 */
	record StageFacts(Stage stage, List<Split> global, Long globalYear, String globalSource, List<BuyerSplit> sourcing,
			Map<String, List<Split>> byBuyer, DenseSplits dense) {

		StageFacts(Stage stage, List<Split> global, Long globalYear, String globalSource, List<BuyerSplit> sourcing) {
			this(stage, global, globalYear, globalSource, sourcing, byBuyer(sourcing), null);
		}

		StageFacts(Stage stage, List<Split> global, Long globalYear, String globalSource, List<BuyerSplit> sourcing,
				DenseSplits dense) {
			this(stage, global, globalYear, globalSource, sourcing, byBuyer(sourcing), dense);
		}

		private static Map<String, List<Split>> byBuyer(List<BuyerSplit> sourcing) {
			Map<String, List<Split>> own = new HashMap<>(sourcing.size() * 2);
			for (BuyerSplit split : sourcing) {
				own.putIfAbsent(split.buyer(), split.split());
			}
			return Collections.unmodifiableMap(own);
		}

		/**
		 * The split that {@code buyer} buys at: its own where known, else the global one.
		 */
		List<Split> splitFor(String buyer) {
			return this.byBuyer.getOrDefault(buyer, this.global);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof StageFacts that && this.stage == that.stage && this.global.equals(that.global)
					&& Objects.equals(this.globalYear, that.globalYear)
					&& Objects.equals(this.globalSource, that.globalSource) && this.sourcing.equals(that.sourcing);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.stage, this.global, this.globalYear, this.globalSource, this.sourcing);
		}

	}

	/**
	 * A buyer's supply mix of an item at a stage.
	 *
	 * @param year the year of the facts the mix is made of
	 * @param source the main source of the mix
	 * @param kind which facts the mix is made of
	 * ({@link org.chokepoint.supplymix.MixKind}), null where not known
	 */
	record BuyerSplit(String buyer, List<Split> split, long year, String source, String kind) {

		BuyerSplit(String buyer, List<Split> split, long year, String source) {
			this(buyer, split, year, source, null);
		}

	}

	/** One supplier's share of a split. */
	record Split(String country, double share) {
	}

	Map<Stage, StageFacts> factsOf(String item) {
		return this.facts.stream()
			.filter(f -> f.item().equals(item))
			.findFirst()
			.map(f -> f.stages().stream().collect(java.util.stream.Collectors.toMap(StageFacts::stage, s -> s)))
			.orElse(Map.of());
	}

}
