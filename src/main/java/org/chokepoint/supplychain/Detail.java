package org.chokepoint.supplychain;

import java.util.Locale;

/**
 * How much of a chain an answer lists. The figures (exposure, unknown and China-free
 * shares, HHI, weights, single points of failure) are the same either way; only the lists
 * are shorter.
 */
enum Detail {

	/**
	 * The default: at each stage the suppliers with a stage share of at least
	 * {@link #LEAST_LISTED_SHARE} of the consumer's supply (or of the chokepoint
	 * threshold, where that is lower), the rest counted and summed; per single point of
	 * failure the {@link #ALTERNATIVES_LISTED} largest alternatives and every allied one,
	 * the rest counted and summed; the facts of the buyers' own mixes per source and
	 * year, with how many buyers bought at them.
	 */
	SUMMARY,

	/**
	 * Every supplier, every alternative, and each buyer's own mix as a fact of its own.
	 */
	FULL;

	/** The least stage share a summary lists a supplier at: 0.1 % of the supply. */
	static final double LEAST_LISTED_SHARE = 0.001;

	/** How many of the largest alternatives a summary lists (allied ones besides). */
	static final int ALTERNATIVES_LISTED = 10;

	/** The word used in the API ({@code summary}, {@code full}). */
	@com.fasterxml.jackson.annotation.JsonValue
	String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The detail for its word, case-insensitive; null for any other. */
	static Detail of(String word) {
		for (Detail detail : values()) {
			if (detail.word().equalsIgnoreCase(word)) {
				return detail;
			}
		}
		return null;
	}

	/** Whether a supplier with this stage share is listed, at the threshold asked for. */
	boolean lists(double share, double threshold) {
		return this == FULL || share >= Math.min(LEAST_LISTED_SHARE, threshold);
	}

}
