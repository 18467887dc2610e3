package org.chokepoint.importer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One (source, year) of trade flows: the unit that an incremental trade import adds or
 * removes, written {@code SOURCE:YEAR} (a source id is a slug, so it holds no colon).
 *
 * @param source the source id of sources.csv
 * @param year the trade year
 */
public record TradeGroup(String source, long year) implements Comparable<TradeGroup> {

	private static final Pattern TEXT = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*):([0-9]{4})");

	/**
	 * Reads {@code SOURCE:YEAR}, e.g. {@code cepii-baci-2024:2023}.
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static TradeGroup parse(String text) {
		Matcher m = TEXT.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("\"" + text
					+ "\" is not a trade group: give SOURCE:YEAR, a source id of sources.csv and a year, e.g. cepii-baci:2023");
		}
		long year = Long.parseLong(m.group(2));
		checkYear(year);
		return new TradeGroup(m.group(1), year);
	}

	/** Years of the import files: 1900..2100. */
	static void checkYear(long year) {
		if (year < 1900 || year > 2100) {
			throw new IllegalArgumentException("year " + year + " is outside 1900..2100");
		}
	}

	@Override
	public int compareTo(TradeGroup other) {
		int bySource = this.source.compareTo(other.source);
		return bySource != 0 ? bySource : Long.compare(this.year, other.year);
	}

	@Override
	public String toString() {
		return this.source + ":" + this.year;
	}

}
