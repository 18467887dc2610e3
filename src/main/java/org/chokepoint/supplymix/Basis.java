package org.chokepoint.supplymix;

import java.util.Locale;

/** What a sourcing row's share is of (domain.md, "Facts"). */
public enum Basis {

	/** Shares of the buyer's whole supply: its imports by origin and its own output. */
	SUPPLY,

	/** Shares of the buyer's imports only (trade flows, import-source tables). */
	IMPORTS;

	/** The word used in sourcing.csv and on the relationships. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The basis for its word ({@code supply} or {@code imports}); null for any other. */
	public static Basis of(String word) {
		for (Basis basis : values()) {
			if (basis.word().equals(word)) {
				return basis;
			}
		}
		return null;
	}

}
