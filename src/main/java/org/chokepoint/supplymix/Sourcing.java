package org.chokepoint.supplymix;

import java.util.Locale;

/**
 * Which mix a chain buys at: the direct partners, or the producers traced through
 * re-exports.
 */
public enum Sourcing {

	/** The producers a buyer's supply comes from, however it travelled (the default). */
	TRACED,

	/** The direct partners, as bought: a trader is a supplier like any other. */
	DIRECT;

	/**
	 * The word used in the API and on the relationships ({@code traced}, {@code direct}).
	 */
	@com.fasterxml.jackson.annotation.JsonValue
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The sourcing for its word, case-insensitive; null for any other. */
	public static Sourcing of(String word) {
		for (Sourcing sourcing : values()) {
			if (sourcing.word().equalsIgnoreCase(word)) {
				return sourcing;
			}
		}
		return null;
	}

}
