package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.chokepoint.supplychain.ChainComputation.InputChain;

/**
 * The figures of one chain (domain.md, metric 2): of a product for a consumer, of an item
 * (its worst input chain's) or of a product after a disruption. This is the one place a
 * figure is defined: every answer that shows figures embeds this record
 * ({@code @JsonUnwrapped} where they sit beside other fields, as a nested object in a
 * scenario's before and after), every CSV answer takes its columns from
 * {@link #csvColumns(String)} and its cells from {@link #csvCells(ChainFigures)}, and the
 * figures are read from {@link ChainCalculator}'s result only by the two {@code of}
 * methods. The package documentation says how to add one.
 *
 * <p>
 * All three are fractions (0..1) of the supply that reaches the consumer through the
 * chain (after a cut, of what remains), null when no supply remains; they add up to 1.
 *
 * @param chinaExposure the weight of the chain's paths that touch China (a supplier at
 * some step; the consumer itself does not count), over all its paths; unit: fraction 0..1
 * @param unknownShare the weight of its paths that end at the unknown supplier without
 * touching China; unit: fraction 0..1
 * @param chinaFreeShare {@code 1 - chinaExposure - unknownShare}: known supply that never
 * passes through China; unit: fraction 0..1
 */
public record ChainFigures(Double chinaExposure, Double unknownShare, Double chinaFreeShare) {

	/** No figures: no chain below an item, or no supply left (every figure null). */
	static final ChainFigures NONE = new ChainFigures(null, null, null);

	/**
	 * One figure as a CSV column: its name in {@code snake_case}, its unit (the column
	 * name ends with it, as {@link org.chokepoint.csv.CsvAnswer} asks) and how to read
	 * it.
	 */
	private record Column(String name, String unit, Function<ChainFigures, Object> value) {
	}

	/** The figures' CSV columns, in the order of the JSON fields. */
	private static final List<Column> COLUMNS = List.of(
			new Column("china_exposure", "fraction", ChainFigures::chinaExposure),
			new Column("unknown_share", "fraction", ChainFigures::unknownShare),
			new Column("china_free_share", "fraction", ChainFigures::chinaFreeShare));

	/**
	 * A product's figures: those of its worst input chain, as the calculator chose it.
	 */
	static ChainFigures of(ChainComputation chain) {
		return new ChainFigures(chain.chinaExposure(), chain.unknownShare(), chain.chinaFreeShare());
	}

	/** The figures of one input chain. */
	static ChainFigures of(InputChain input) {
		return new ChainFigures(input.chinaExposure(), input.unknownShare(), input.chinaFreeShare());
	}

	/**
	 * The CSV column names of the figures.
	 * @param qualifier empty, or what the figures are of ({@code before}, {@code after}),
	 * put between the name and the unit: {@code china_exposure_before_fraction}
	 */
	static List<String> csvColumns(String qualifier) {
		String infix = qualifier.isEmpty() ? "_" : "_" + qualifier + "_";
		return COLUMNS.stream().map(c -> c.name() + infix + c.unit()).toList();
	}

	/**
	 * The CSV cells of {@code figures}, in the order of {@link #csvColumns(String)};
	 * empty cells for null.
	 */
	static List<Object> csvCells(ChainFigures figures) {
		List<Object> cells = new ArrayList<>(COLUMNS.size());
		COLUMNS.forEach(c -> cells.add(figures == null ? null : c.value().apply(figures)));
		return cells;
	}

}
