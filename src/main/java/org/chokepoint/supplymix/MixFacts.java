package org.chokepoint.supplymix;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The facts of one (item, stage) that buyers' mixes are made of. Quantities are tonnes of
 * the item's basis (trade flows converted with their HS code's factor, output converted
 * from its unit); a rank is the source's quality (0 official, 1 secondary, 2 estimate).
 *
 * @param item the item id
 * @param stage the stage (MINING, REFINING, MANUFACTURING)
 * @param mineral whether the item is a mineral: only minerals have an import reliance
 * @param outputs producers' output facts
 * @param rows buyers' sourcing rows
 * @param flows bilateral trade flows
 * @param reliance net import reliance of parties for the item (shares of apparent
 * consumption)
 * @param members per bloc, its member countries
 */
public record MixFacts(String item, String stage, boolean mineral, List<Output> outputs, List<Row> rows,
		List<Flow> flows, List<Reliance> reliance, Map<String, Set<String>> members) {

	public MixFacts {
		outputs = List.copyOf(outputs);
		rows = List.copyOf(rows);
		flows = List.copyOf(flows);
		reliance = List.copyOf(reliance);
		members = Map.copyOf(members);
	}

	/**
	 * A producer's output of the item at the stage.
	 *
	 * @param tonnes in tonnes of the item's basis; null when its unit cannot be put on
	 * that basis
	 */
	public record Output(String party, long year, String source, int rank, Double tonnes) {
	}

	/**
	 * A buyer's sourcing row: {@code share} of its supply or of its imports (by
	 * {@code basis}).
	 */
	public record Row(String buyer, String supplier, long year, String source, int rank, Basis basis, double share) {
	}

	/**
	 * Tonnes of the item's basis shipped from {@code exporter} to {@code importer} in
	 * {@code year}.
	 */
	public record Flow(String exporter, String importer, long year, String source, int rank, double tonnes) {
	}

	/**
	 * A party's net import reliance, a share of apparent consumption (may be 0 or less,
	 * or above 1).
	 */
	public record Reliance(String party, long year, String source, int rank, double share) {
	}

}
