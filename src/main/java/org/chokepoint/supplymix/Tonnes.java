package org.chokepoint.supplymix;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a quantity in tonnes from the unit it was published in ({@code t REO equivalent},
 * {@code kt}, {@code thousand t copper content}, {@code kg gallium content},
 * {@code metric tons}): only the leading mass unit is read; what follows it names the
 * basis, which the item fixes. A unit without a leading mass unit (empty,
 * {@code kg per vehicle} is not an output) gives null: the quantity is not comparable
 * with trade flows.
 */
public final class Tonnes {

	private static final Pattern UNIT = Pattern.compile(
			"^(t|tonnes?|metric tons?|kt|thousand t|thousand tonnes|thousand metric tons?|mt|million t|million tonnes|million metric tons?|kg|kilograms?|g|grams?)(\\b.*)?$");

	private Tonnes() {
	}

	/** The quantity in tonnes, or null when the unit is not a mass unit this knows. */
	public static Double of(Double quantity, String unit) {
		if (quantity == null || unit == null) {
			return null;
		}
		String u = unit.strip().toLowerCase(Locale.ROOT);
		if (u.contains(" per ")) {
			return null;
		}
		Matcher m = UNIT.matcher(u);
		if (!m.matches()) {
			return null;
		}
		return quantity * switch (m.group(1)) {
			case "kt", "thousand t", "thousand tonnes", "thousand metric ton", "thousand metric tons" -> 1_000.0;
			case "mt", "million t", "million tonnes", "million metric ton", "million metric tons" -> 1_000_000.0;
			case "kg", "kilogram", "kilograms" -> 0.001;
			case "g", "gram", "grams" -> 0.000_001;
			default -> 1.0;
		};
	}

}
