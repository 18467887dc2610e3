package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chokepoint.csv.CsvAnswer;

/**
 * How concentrated the world's supply of a mineral is, per stage (domain.md, metric 4).
 *
 * @param mineral the mineral id
 * @param year facts of this year or the newest before it
 * @param stages per stage with data
 */
public record Concentration(String mineral, int year, List<StageConcentration> stages) implements CsvAnswer {

	/**
	 * As CSV (docs/csv.md): one row per stage and producer, largest share first; a stage
	 * without named producers has one row with the producer's cells empty.
	 */
	@Override
	public List<String> csvColumns() {
		return List.of("mineral", "year", "stage", "facts_year", "source", "hhi_points", "highly_concentrated",
				"top3_share_fraction", "china_share_fraction", "unknown_share_fraction", "country", "share_fraction");
	}

	@Override
	public List<List<Object>> csvRows() {
		List<List<Object>> rows = new ArrayList<>();
		for (StageConcentration stage : this.stages) {
			List<Object> cells = Arrays.asList(this.mineral, this.year, stage.stage(), stage.year(), stage.source(),
					stage.hhi(), stage.highlyConcentrated(), stage.top3Share(), stage.chinaShare(),
					stage.unknownShare());
			if (stage.producers().isEmpty()) {
				List<Object> row = new ArrayList<>(cells);
				row.addAll(Arrays.asList(null, null));
				rows.add(row);
			}
			for (Producer producer : stage.producers()) {
				List<Object> row = new ArrayList<>(cells);
				row.addAll(List.of(producer.country(), producer.share()));
				rows.add(row);
			}
		}
		return rows;
	}

	/** {@code concentration-gallium-2026}. */
	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("concentration", this.mineral, this.year);
	}

	/**
	 * One stage.
	 *
	 * @param stage the stage
	 * @param year the facts' year
	 * @param source the facts' source
	 * @param hhi sum of squared percentage shares of the named countries (0-10,000; above
	 * 2,500 is highly concentrated)
	 * @param highlyConcentrated hhi above 2,500
	 * @param top3Share share of world output of the three largest producers (0..1)
	 * @param chinaShare China's share of world output (0..1)
	 * @param unknownShare share the source does not attribute to a country (0..1)
	 * @param producers each country's share, largest first
	 */
	public record StageConcentration(Stage stage, long year, String source, double hhi, boolean highlyConcentrated,
			double top3Share, double chinaShare, double unknownShare, List<Producer> producers) {
	}

	/** A country's share of world output (0..1). */
	public record Producer(String country, double share) {
	}

}
