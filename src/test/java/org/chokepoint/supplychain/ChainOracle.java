package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent implementation of domain.md's chain metrics by explicit path enumeration
 * (the production code carries weights stage by stage and never enumerates): every path
 * from the consumer down the unfolded bill of materials is a value of its own, with its
 * weight, whether it touched China, whether it passed a stage with data, and whether it
 * ended at the unknown supplier. Exponential in the fan-outs, so only for small generated
 * data; that is its point: it is too simple to be wrong in the same way.
 */
final class ChainOracle {

	static final String CHINA = "CHN";

	/** One path so far: who holds it, its weight, and what it has been through. */
	private record Path(String holder, double weight, boolean touchedChina, boolean passedData, boolean endedUnknown) {
	}

	/** An input chain's figures; the shares are null when no supply remains. */
	record Input(List<String> position, Double chinaExposure, Double unknownShare, Double chinaFreeShare,
			double remainingSupply) {
	}

	/**
	 * A chain's figures.
	 *
	 * @param stageShares per position, per stage, per supplier the weight of the paths
	 * through it there
	 * @param weightIn per position and stage, the weight of the paths that bought there
	 */
	record Result(Double chinaExposure, Double unknownShare, Double chinaFreeShare, double remainingSupply,
			List<Input> inputs, Map<List<String>, Map<String, Map<String, Double>>> stageShares,
			Map<List<String>, Map<String, Double>> weightIn) {
	}

	private final OracleFacts facts;

	private final MixOracle mixes;

	ChainOracle(OracleFacts facts, MixOracle mixes) {
		this.facts = facts;
		this.mixes = mixes;
	}

	/**
	 * The chain of {@code product} for {@code consumer} in {@code year} on the
	 * {@code sourcing} mixes.
	 */
	Result chain(String product, String consumer, int year, String sourcing, List<Cut> cuts) {
		List<Input> inputs = new ArrayList<>();
		Map<List<String>, Map<String, Map<String, Double>>> shares = new LinkedHashMap<>();
		Map<List<String>, Map<String, Double>> weightIn = new LinkedHashMap<>();
		List<Path> start = List.of(new Path(consumer, 1.0, false, false, false));
		walk(List.of(product), start, year, sourcing, cuts, inputs, shares, weightIn);
		Input worst = null;
		double remaining = 1.0;
		for (Input input : inputs) {
			remaining = Math.min(remaining, input.remainingSupply());
			if (worst == null || worse(input, worst)) {
				worst = input;
			}
		}
		return new Result(worst.chinaExposure(), worst.unknownShare(), worst.chinaFreeShare(), remaining, inputs,
				shares, weightIn);
	}

	/**
	 * Higher China exposure (none counts as -1), then lower China-free share; ties within
	 * 1e-12 keep the first.
	 */
	private static boolean worse(Input a, Input b) {
		double ea = a.chinaExposure() == null ? -1 : a.chinaExposure();
		double eb = b.chinaExposure() == null ? -1 : b.chinaExposure();
		if (Math.abs(ea - eb) > 1e-12) {
			return ea > eb;
		}
		if (a.chinaFreeShare() == null || b.chinaFreeShare() == null) {
			return b.chinaFreeShare() == null && a.chinaFreeShare() != null;
		}
		return a.chinaFreeShare() < b.chinaFreeShare() - 1e-12;
	}

	private void walk(List<String> position, List<Path> paths, int year, String sourcing, List<Cut> cuts,
			List<Input> inputs, Map<List<String>, Map<String, Map<String, Double>>> shares,
			Map<List<String>, Map<String, Double>> weightIn) {
		String item = position.get(position.size() - 1);
		List<Path> current = paths;
		for (String stage : this.facts.stagesOf(item)) {
			List<Path> next = new ArrayList<>();
			for (Path path : current) {
				if (path.endedUnknown()) {
					next.add(path); // a path through the unknown supplier ends there
					continue;
				}
				Map<String, Double> split = this.mixes.mix(sourcing, path.holder(), item, stage, year);
				if (split == null) {
					split = this.mixes.global(item, stage, year);
				}
				if (split == null) {
					next.add(path); // a gap for this holder: it buys at the stage below
					continue;
				}
				weightIn.computeIfAbsent(position, k -> new TreeMap<>()).merge(stage, path.weight(), Double::sum);
				double attributed = 0;
				for (Map.Entry<String, Double> s : split.entrySet()) {
					String supplier = s.getKey();
					double w = path.weight() * s.getValue() * kept(cuts, item, stage, path.holder(), supplier);
					attributed += s.getValue();
					shares.computeIfAbsent(position, k -> new TreeMap<>())
						.computeIfAbsent(stage, k -> new TreeMap<>())
						.merge(supplier, w, Double::sum);
					next.add(new Path(supplier, w, path.touchedChina() || CHINA.equals(supplier), true, false));
				}
				if (1.0 - attributed > 0) {
					next.add(new Path(null, path.weight() * (1.0 - attributed), path.touchedChina(), true, true));
				}
			}
			current = next;
		}
		List<String> children = this.facts.bom.getOrDefault(item, List.of());
		if (children.isEmpty()) {
			inputs.add(figures(position, current));
			return;
		}
		for (String child : children) {
			List<String> below = new ArrayList<>(position);
			below.add(child);
			walk(List.copyOf(below), current, year, sourcing, cuts, inputs, shares, weightIn);
		}
	}

	/**
	 * Sums the paths of one input chain: what touched China, what ended unknown or never
	 * met data.
	 */
	private static Input figures(List<String> position, List<Path> paths) {
		double remaining = 0;
		double china = 0;
		double unknown = 0;
		for (Path p : paths) {
			remaining += p.weight();
			if (p.touchedChina()) {
				china += p.weight();
			}
			else if (p.endedUnknown() || !p.passedData()) {
				unknown += p.weight();
			}
		}
		if (!(remaining > 0)) {
			return new Input(position, null, null, null, remaining);
		}
		double exposure = clamp(china / remaining);
		double unknownShare = clamp(Math.min(unknown / remaining, 1 - exposure));
		return new Input(position, exposure, unknownShare, clamp(1 - exposure - unknownShare), remaining);
	}

	private static double clamp(double x) {
		return x >= 1 ? 1 : x > 0 ? x : 0;
	}

	/**
	 * What the cuts leave of the supplier's supply of (item, stage) to the buyer: each
	 * cut whose country is the supplier (or a bloc of which the supplier is a member) and
	 * whose targets are empty or name the buyer (or a bloc of which it is a member) keeps
	 * 1 - fraction; supply to itself (the same party, a bloc and its member either way)
	 * is never cut.
	 */
	private double kept(List<Cut> cuts, String item, String stage, String buyer, String supplier) {
		if (buyer.equals(supplier) || membersOf(buyer).contains(supplier) || membersOf(supplier).contains(buyer)) {
			return 1.0;
		}
		double kept = 1.0;
		for (Cut cut : cuts) {
			boolean stageCut = cut.stages() == null || cut.stages().stream().anyMatch(s -> s.name().equals(stage));
			if (!cut.items().contains(item) || !stageCut) {
				continue;
			}
			boolean cutter = cut.country().equals(supplier) || membersOf(cut.country()).contains(supplier);
			boolean target = cut.targets().isEmpty() || cut.targets().contains(buyer)
					|| cut.targets().stream().anyMatch(t -> membersOf(t).contains(buyer));
			if (cutter && target) {
				kept *= 1.0 - cut.fraction();
			}
		}
		return kept;
	}

	private Set<String> membersOf(String party) {
		return this.facts.blocs.getOrDefault(party, Set.of());
	}

}
