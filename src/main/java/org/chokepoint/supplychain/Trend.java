package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chokepoint.csv.CsvAnswer;

import org.chokepoint.supplymix.Sourcing;

/**
 * A consumer's figures for a product year by year (domain.md, "Years and trends"): each
 * year computed with that year's facts or the newest before it, and each stage naming the
 * years its facts are from, so that a user sees whether a change is in the world or only
 * in the data.
 *
 * @param consumer the consumer (country or bloc code)
 * @param product the product id
 * @param sourcing whether the buyers' traced or direct mixes were used
 * @param from the first year (inclusive)
 * @param to the last year (inclusive)
 * @param years one entry per year, oldest first
 */
public record Trend(String consumer, String product, Sourcing sourcing, int from, int to,
		List<Year> years) implements CsvAnswer {

	/**
	 * As CSV (docs/csv.md): one row per year, oldest first; the years of the facts each
	 * stage used are in the JSON answer only, and summed up here as the newest of them.
	 */
	@Override
	public List<String> csvColumns() {
		List<String> columns = new ArrayList<>(List.of("consumer", "product", "sourcing", "year"));
		columns.addAll(ChainFigures.csvColumns(""));
		columns.addAll(List.of("worst_input", "newest_facts_year"));
		return columns;
	}

	@Override
	public List<List<Object>> csvRows() {
		return this.years.stream().map(y -> {
			List<Object> row = new ArrayList<>(
					Arrays.<Object>asList(this.consumer, this.product, this.sourcing.word(), y.year()));
			row.addAll(
					ChainFigures.csvCells(new ChainFigures(y.chinaExposure(), y.unknownShare(), y.chinaFreeShare())));
			row.add(y.worstInput());
			row.add(y.stages()
				.stream()
				.flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.ofNullable(s.globalYear()),
						s.mixYears().stream()))
				.max(Long::compare)
				.orElse(null));
			return row;
		}).toList();
	}

	/** {@code trend-ndfeb-magnet-EU-2020-2026}. */
	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("trend", this.product, this.consumer, this.from, this.to,
				(this.sourcing == Sourcing.DIRECT) ? "direct" : null);
	}

	/**
	 * One year's figures: fractions 0..1 of the consumer's supply of the product (the
	 * worst input chain decides); null when no supply remains.
	 *
	 * @param year the year asked for
	 * @param chinaExposure share of the supply whose path touches China
	 * @param unknownShare share ending at the unknown supplier without touching China
	 * @param chinaFreeShare 1 - exposure - unknown
	 * @param worstInput the leaf item of the worst input chain
	 * @param stages per (item, stage) of the chain, the years of the facts used
	 */
	public record Year(int year, Double chinaExposure, Double unknownShare, Double chinaFreeShare, String worstInput,
			List<StageYears> stages) {
	}

	/**
	 * The years of the facts a stage was computed with.
	 *
	 * @param item the item id
	 * @param stage the stage
	 * @param globalYear the year of the global output shares used, null where there were
	 * none
	 * @param mixYears the years of the buyers' supply mixes read at the stage (the years
	 * of the facts they are made of), ascending
	 */
	public record StageYears(String item, Stage stage, Long globalYear, List<Long> mixYears) {
	}

}
