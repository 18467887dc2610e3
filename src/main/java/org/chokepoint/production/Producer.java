package org.chokepoint.production;

/**
 * One country's output of an item at a stage, in a year, by one source.
 *
 * @param iso3 the country
 * @param name the country's name
 * @param quantity the output, in {@code unit}; null when the source publishes only a
 * share or a text
 * @param unit e.g. {@code t}, {@code kg gallium content}
 * @param share the country's share of world output, 0..1: derived from quantities over
 * the source's world total where it gives quantities, as published where it gives only
 * shares; null when the source publishes neither (see {@code publishedAs})
 * @param publishedAs the value as published when it is not a number ({@code W} withheld,
 * {@code NA})
 * @param note the curator's note
 */
public record Producer(String iso3, String name, Double quantity, String unit, Double share, String publishedAs,
		String note) {
}
