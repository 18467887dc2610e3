package org.chokepoint.supplychain;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * Every product's figures for one consumer.
 *
 * @param consumer the consumer
 * @param year the facts' year
 * @param threshold the chokepoint threshold (for single points of failure)
 * @param products per product, its China exposure (fractions 0..1), highest first
 * @param singlePointsOfFailure every product's single points of failure, largest share
 * first
 */
public record ConsumerOverview(String consumer, int year, double threshold, List<ProductExposure> products,
		List<ChainAnalysis.SinglePointOfFailure> singlePointsOfFailure) {

	/**
	 * A product's China exposure for the consumer.
	 *
	 * @param product the product id
	 * @param figures those of its worst input chain, written as fields of the row
	 * @param worstInput that chain's leaf item
	 * @param singlePointsOfFailure how many it has at the threshold
	 */
	public record ProductExposure(String product, @JsonUnwrapped ChainFigures figures, String worstInput,
			int singlePointsOfFailure) {
	}

}
