package org.chokepoint.production;

import java.util.List;

import org.chokepoint.source.SourceRef;

/**
 * What one source says about an item's producers at one stage in one year.
 *
 * @param stage {@code MINING}, {@code REFINING} or {@code MANUFACTURING}
 * @param year the year the figures are for
 * @param source the source, with its title and URL
 * @param worldTotal the denominator of the derived shares, in {@code unit}: the source's
 * world total, or the sum of the listed countries where it gives none; null where it
 * gives only shares
 * @param unit the unit of the quantities and the world total
 * @param countries the producers, largest share first (those without a share last)
 * @param unknownShare the part of world output the source does not attribute to a listed
 * country (1 minus the sum of the shares, rounded to 9 decimals): reported as unknown,
 * never as safe
 */
public record ProducerGroup(String stage, long year, SourceRef source, Double worldTotal, String unit,
		List<Producer> countries, double unknownShare) {

	public ProducerGroup {
		countries = List.copyOf(countries);
	}

}
