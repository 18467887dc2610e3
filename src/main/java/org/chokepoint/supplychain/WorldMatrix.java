package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.chokepoint.csv.CsvAnswer;
import org.chokepoint.supplymix.Sourcing;

/**
 * The world matrix: every consumer with data by every product, each cell with the
 * product's figures for the consumer (those of its worst input chain), the worst input
 * and the number of single points of failure at the threshold. A consumer without a
 * supply mix of its own for the year and sourcing has no row (it would look as safe as
 * the global shares make it; domain.md: no data is never safe); those asked for or known
 * are listed in {@code withoutData}.
 *
 * @param year facts of this year or, where missing, the newest year before it
 * @param sourcing the buyers' mixes used: {@code traced} or {@code direct}
 * @param threshold the stage share from which a supplier is a chokepoint
 * @param units the unit of each figure of a cell
 * @param consumers the rows: consumers (countries and blocs) with a supply mix of their
 * own as of the year, by code
 * @param products the columns: products, by id
 * @param withoutData consumers left out for lack of a supply mix of their own
 * @param cells one per consumer and product, by consumer, then product
 */
record WorldMatrix(int year, Sourcing sourcing, double threshold, Map<String, String> units, List<String> consumers,
		List<String> products, List<String> withoutData, List<Cell> cells) implements CsvAnswer {

	/** The unit of each figure of a cell. */
	static final Map<String, String> UNITS = unitsInOrder();

	private static Map<String, String> unitsInOrder() {
		Map<String, String> units = new java.util.LinkedHashMap<>();
		units.put("chinaExposure", "fraction 0..1");
		units.put("unknownShare", "fraction 0..1");
		units.put("chinaFreeShare", "fraction 0..1");
		units.put("singlePointsOfFailure", "count");
		return java.util.Collections.unmodifiableMap(units);
	}

	/**
	 * One consumer's figures for one product.
	 *
	 * @param consumer the consumer's ISO3 or bloc code
	 * @param product the product id
	 * @param figures those of the worst input chain (fractions 0..1; null without supply)
	 * @param worstInput the leaf item of the worst input chain
	 * @param singlePointsOfFailure how many (item, stage, supplier) reach the threshold
	 */
	record Cell(String consumer, String product, @JsonUnwrapped ChainFigures figures, String worstInput,
			int singlePointsOfFailure) {
	}

	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("exposure-matrix", this.year, (this.sourcing == Sourcing.DIRECT) ? "direct" : null);
	}

	@Override
	public List<String> csvColumns() {
		List<String> columns = new ArrayList<>(List.of("consumer", "year", "product"));
		columns.addAll(ChainFigures.csvColumns(""));
		columns.addAll(List.of("worst_input", "single_points_of_failure_count"));
		return columns;
	}

	@Override
	public List<List<Object>> csvRows() {
		return this.cells.stream().map(c -> {
			List<Object> row = new ArrayList<>(Arrays.<Object>asList(c.consumer(), this.year, c.product()));
			row.addAll(ChainFigures.csvCells(c.figures()));
			row.addAll(Arrays.<Object>asList(c.worstInput(), c.singlePointsOfFailure()));
			return row;
		}).toList();
	}

}
