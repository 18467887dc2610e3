package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.chokepoint.csv.CsvAnswer;
import org.chokepoint.supplymix.Sourcing;

/**
 * The supply chain of a product for a consumer (domain.md). Every share is a fraction
 * (0..1) of the consumer's supply of the product: a stage share is the weight of the
 * paths through a supplier at that point of the chain; exposure, unknown and China-free
 * shares of an input chain add up to 1.
 *
 * @param product the product id
 * @param consumer the consumer's ISO3 or bloc code
 * @param year facts of this year or, where missing, the newest year before it
 * @param asOf the date for agreements in force
 * @param threshold the stage share from which a supplier is a chokepoint
 * @param sourcing whose mixes the buyers bought at: {@code traced} (the producers their
 * supply comes from, through re-exports) or {@code direct} (their partners as bought)
 * @param figures the product's figures: those of its worst input chain (the product needs
 * all of its inputs), written as fields of the answer
 * @param worstInput the leaf item of the worst input chain (highest exposure, then lowest
 * China-free share)
 * @param inputs every item of the unfolded bill of materials, the product first
 * @param singlePointsOfFailure chokepoints and sole sources, largest share first
 * @param dataGaps items and stages that a buyer skipped for lack of data, with the weight
 * that skipped
 * @param paths the heaviest supply paths, when asked for
 */
public record ChainAnalysis(String product, String consumer, int year, LocalDate asOf, double threshold,
		Sourcing sourcing, @JsonUnwrapped ChainFigures figures, String worstInput, List<ItemExposure> inputs,
		List<SinglePointOfFailure> singlePointsOfFailure, List<DataGap> dataGaps,
		List<SupplyPath> paths) implements CsvAnswer {

	/** The CSV's supplier for the suppliers a summary does not list. */
	public static final String OTHERS = "OTHERS";

	/**
	 * As CSV (docs/csv.md): one row per item, stage and supplier of the bill of
	 * materials, the product first and each item's stages downstream first; an item or
	 * stage without suppliers has one row with the supplier's cells empty; the suppliers
	 * a summary does not list are one row, supplier {@value #OTHERS}, their shares
	 * summed. The product's own figures, its worst input and the single points of failure
	 * are in the JSON answer only.
	 */
	@Override
	public List<String> csvColumns() {
		List<String> columns = new ArrayList<>(
				List.of("product", "consumer", "year", "as_of", "sourcing", "item", "kind", "leaf"));
		columns.addAll(ChainFigures.csvColumns("item"));
		columns.addAll(List.of("stage", "basis", "hhi_points", "weight_in_fraction", "stage_unknown_share_fraction",
				"supplier", "share_fraction", "allied", "origin_china_fraction", "source"));
		return columns;
	}

	@Override
	public List<List<Object>> csvRows() {
		List<List<Object>> rows = new ArrayList<>();
		for (ItemExposure input : this.inputs) {
			List<Object> item = new ArrayList<>(Arrays.<Object>asList(this.product, this.consumer, this.year, this.asOf,
					this.sourcing.word(), input.item(), input.kind(), input.leaf()));
			item.addAll(ChainFigures.csvCells(input.figures()));
			if (input.stages().isEmpty()) {
				rows.add(row(item, Arrays.asList(null, null, null, null, null), null));
			}
			for (StageSupply stage : input.stages()) {
				List<Object> stageCells = Arrays.asList(stage.stage(), stage.basis(), stage.hhi(), stage.weightIn(),
						stage.unknownShare());
				if (stage.suppliers().isEmpty()) {
					rows.add(row(item, stageCells, null));
				}
				for (SupplierShare supplier : stage.suppliers()) {
					rows.add(row(item, stageCells, supplier));
				}
				if (stage.otherSuppliers().count() > 0) {
					// the suppliers a summary leaves out, as one row (their shares
					// summed)
					List<Object> others = new ArrayList<>(item);
					others.addAll(stageCells);
					others.addAll(Arrays.asList(OTHERS, stage.otherSuppliers().share(), null, null, null));
					rows.add(others);
				}
			}
		}
		return rows;
	}

	private static List<Object> row(List<Object> item, List<Object> stage, SupplierShare supplier) {
		List<Object> row = new ArrayList<>(item);
		row.addAll(stage);
		row.addAll((supplier == null) ? Arrays.asList(null, null, null, null, null) : Arrays.<Object>asList(
				supplier.country(), supplier.share(), supplier.allied(), supplier.originChina(), supplier.source()));
		return row;
	}

	/** {@code chain-ndfeb-magnet-EU-2026} (with {@code -direct} for direct sourcing). */
	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("chain", this.product, this.consumer, this.year,
				(this.sourcing == Sourcing.DIRECT) ? "direct" : null);
	}

	/**
	 * One item of the bill of materials.
	 *
	 * @param item mineral or product id
	 * @param kind MINERAL or PRODUCT
	 * @param leaf whether it has no inputs (then it has its own input chain)
	 * @param figures those of its worst input chain, written as fields of the item
	 * @param stages its stages, downstream first
	 */
	public record ItemExposure(String item, String kind, boolean leaf, @JsonUnwrapped ChainFigures figures,
			List<StageSupply> stages) {
	}

	/**
	 * Who supplies an item at a stage, for this consumer's chain.
	 *
	 * @param stage the stage
	 * @param basis GLOBAL (world output shares), BUYER_SOURCING (the buyers' own
	 * sourcing) or MIXED
	 * @param hhi concentration of the supply reaching this stage, sum of squared
	 * percentage shares (0-10,000)
	 * @param weightIn share of the chain that reaches this stage
	 * @param unknownShare share that ends here at the unknown supplier
	 * @param facts the facts the shares come from
	 * @param suppliers by stage share, largest first (with {@code detail=summary} those
	 * from 0.1 % of the supply, or from the threshold where that is lower)
	 * @param otherSuppliers the suppliers not listed: how many, and their stage shares
	 * summed (0 and 0 with {@code detail=full})
	 */
	public record StageSupply(Stage stage, String basis, Double hhi, double weightIn, double unknownShare,
			List<FactUsed> facts, List<SupplierShare> suppliers, Rest otherSuppliers) {
	}

	/**
	 * What an answer does not list (see {@code detail}).
	 *
	 * @param count how many
	 * @param share their shares summed (0..1): stage shares of suppliers, world shares of
	 * alternatives
	 */
	public record Rest(int count, double share) {

		/** Nothing left out. */
		public static final Rest NONE = new Rest(0, 0);

	}

	/**
	 * A group of facts used at a stage.
	 *
	 * @param basis GLOBAL or BUYER_SOURCING
	 * @param buyer whose sourcing: null for global, and for a summary's group of several
	 * buyers
	 * @param year the year of the facts
	 * @param source the source id
	 * @param buyers how many buyers' own mixes of this source and year were bought at (0
	 * for global; 1 per buyer with {@code detail=full})
	 */
	public record FactUsed(String basis, String buyer, Long year, String source, int buyers) {
	}

	/**
	 * A supplier at a stage.
	 *
	 * @param country ISO3 or bloc code
	 * @param share stage share (0..1 of the consumer's supply)
	 * @param allied shares an agreement in force with the consumer that covers the item
	 * (or is the consumer)
	 * @param source the source of the share
	 * @param originChina with {@code sourcing=direct}: the part of what this supplier
	 * passes on that was made in China (its traced mix at this item and stage: "Vietnam
	 * 25 %: of which China 87 %"); 1 for China, 0 for a supplier that is its own origin;
	 * null with {@code sourcing=traced}, where the suppliers are the producers already
	 */
	public record SupplierShare(String country, double share, boolean allied, String source, Double originChina) {
	}

	/**
	 * A single point of failure.
	 *
	 * @param product the product (in lists over products)
	 * @param item the item
	 * @param stage the stage
	 * @param country the supplier
	 * @param share its stage share
	 * @param kind CHOKEPOINT (share at or above the threshold) or SOLE_SOURCE (share 1)
	 * @param alternatives other suppliers of the item at that stage, largest world share
	 * first (with {@code detail=summary} the 10 largest and every allied one)
	 * @param otherAlternatives the alternatives not listed: how many, and their world
	 * shares summed
	 * @param stockpileDaysOfCover the consumer's stockpile of the item, in days of
	 * supply, where known
	 */
	public record SinglePointOfFailure(String product, String item, Stage stage, String country, double share,
			Kind kind, List<Alternative> alternatives, Rest otherAlternatives, Double stockpileDaysOfCover) {
	}

	/** How bad a single point of failure is. */
	public enum Kind {

		/** Stage share at or above the threshold. */
		CHOKEPOINT,
		/** Stage share 1: every path passes through it. */
		SOLE_SOURCE

	}

	/**
	 * An alternative supplier.
	 *
	 * @param country ISO3 code
	 * @param worldShare its share of world output of the item at the stage (0..1)
	 * @param allied shares an agreement in force with the consumer covering the item
	 * @param agreements those agreements
	 */
	public record Alternative(String country, double worldShare, boolean allied, List<String> agreements) {
	}

	/**
	 * An item and stage without data for a buyer: neither its own supply mix nor global
	 * shares. The buyer's weight skipped the stage and bought at the stage below (a data
	 * gap, not an unknown supplier).
	 *
	 * @param buyer the buyer whose weight skipped the stage (the consumer or a supplier
	 * upstream)
	 * @param weight the share of the consumer's supply that skipped (0..1; the largest
	 * over positions)
	 */
	public record DataGap(String item, Stage stage, String buyer, double weight) {
	}

	/**
	 * A supply path, from the consumer upstream.
	 *
	 * @param weight the product of the shares along it
	 * @param steps item, stage and supplier at each step; a last supplier UNKNOWN ends
	 * the path
	 */
	public record SupplyPath(double weight, List<PathStep> steps) {
	}

	/** One step of a supply path: who supplies the item at the stage. */
	public record PathStep(String item, Stage stage, String country) {
	}

}
