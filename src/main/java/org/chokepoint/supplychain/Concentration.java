package org.chokepoint.supplychain;

import java.util.List;

/**
 * How concentrated the world's supply of a mineral is, per stage (domain.md, metric 4).
 *
 * @param mineral the mineral id
 * @param year facts of this year or the newest before it
 * @param stages per stage with data
 */
public record Concentration(String mineral, int year, List<StageConcentration> stages) {

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
