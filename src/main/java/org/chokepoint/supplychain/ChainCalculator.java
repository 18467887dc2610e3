package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Gap;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;
import org.chokepoint.supplychain.ChainComputation.SupplierWeight;

/**
 * Computes a consumer's chain of a product stage by stage, from the facts of its items: the
 * computation of chain.cypher (same rules, same results), in plain Java. Each stage carries, per
 * supplier, the weight of the paths that reach it (w) and the part of it that already passed
 * through China (t); a stage costs its holders times their splits, so a chain is linear in the
 * facts it uses and never enumerates paths.
 */
final class ChainCalculator {

	static final String CHINA = "CHN";

	/** Hops of the bill of materials followed, as chain.cypher's {@code REQUIRES*0..12}. */
	static final int MAX_DEPTH = 12;

	/**
	 * An item of the bill of materials and the facts chosen for it.
	 *
	 * @param id the item id
	 * @param product whether it is a product (stage MANUFACTURING) or a mineral (REFINING, MINING)
	 * @param inputs its direct inputs
	 * @param facts per stage with data, in chain order, the splits chosen
	 */
	record Item(String id, boolean product, List<String> inputs, ItemFacts facts) {

		List<Stage> candidateStages() {
			return this.product ? List.of(Stage.MANUFACTURING) : List.of(Stage.REFINING, Stage.MINING);
		}

	}

	/** Who holds the weight after some stages: per supplier {w, t}; weight ended at the unknown supplier. */
	private record State(Map<String, double[]> holders, double unknownTouched, double unknownClean) {
	}

	private ChainCalculator() {
	}

	/**
	 * The chain of {@code product} for {@code consumer}.
	 * @param items every item below the product, the product included
	 * @param cuts the disruption (empty: none), their targets with the members of targeted blocs
	 */
	static ChainComputation compute(String product, String consumer, Map<String, Item> items, List<Cut> cuts) {
		List<List<String>> positions = positions(product, items);
		Map<List<String>, State> states = new HashMap<>();
		List<PositionStages> computed = new ArrayList<>();
		Map<String, Map<Stage, Map<String, List<Split>>>> ownSplits = new HashMap<>();
		for (List<String> position : positions) {
			State state;
			if (position.size() == 1) {
				Map<String, double[]> start = new LinkedHashMap<>();
				start.put(consumer, new double[] { 1.0, 0.0 });
				state = new State(start, 0.0, 0.0);
			}
			else {
				state = states.get(position.subList(0, position.size() - 1));
			}
			String item = position.get(position.size() - 1);
			List<StageResult> results = new ArrayList<>();
			for (StageFacts stage : items.get(item).facts().stages()) {
				Map<String, List<Split>> own = ownSplits.computeIfAbsent(item, k -> new HashMap<>())
					.computeIfAbsent(stage.stage(), k -> byBuyer(stage));
				state = step(item, stage, own, state, cuts, results);
			}
			states.put(position, state);
			computed.add(new PositionStages(position, List.copyOf(results)));
		}
		List<InputChain> inputs = new ArrayList<>();
		for (List<String> position : positions) {
			boolean leaf = positions.stream()
				.noneMatch(p -> p.size() == position.size() + 1 && p.subList(0, position.size()).equals(position));
			if (leaf) {
				inputs.add(input(position, states.get(position)));
			}
		}
		InputChain worst = inputs.stream().min(WORST_FIRST).orElseThrow();
		double remaining = 1.0;
		for (InputChain input : inputs) {
			remaining = input.remainingSupply() < remaining ? input.remainingSupply() : remaining;
		}
		List<Gap> gaps = new ArrayList<>();
		List<ItemFacts> facts = new ArrayList<>();
		for (Item item : items.values()) {
			facts.add(item.facts());
			for (Stage stage : item.candidateStages()) {
				if (item.facts().stages().stream().noneMatch(s -> s.stage() == stage)) {
					gaps.add(new Gap(item.id(), stage));
				}
			}
		}
		return new ChainComputation(worst.chinaExposure(), worst.unknownShare(), worst.chinaFreeShare(), remaining,
				worst.item(), List.copyOf(inputs), List.copyOf(computed), List.copyOf(gaps), List.copyOf(facts));
	}

	/**
	 * The worst input chain first, as chain.cypher orders them: highest China exposure (none: -1),
	 * then lowest China-free share (none: last); ties keep the order of the positions.
	 */
	static final Comparator<InputChain> WORST_FIRST = Comparator
		.comparingDouble((InputChain i) -> i.chinaExposure() == null ? -1.0 : i.chinaExposure())
		.reversed()
		.thenComparing(InputChain::chinaFreeShare, Comparator.nullsLast(Comparator.naturalOrder()));

	/** The positions of the unfolded bill of materials (paths of item ids from the product), parents first. */
	static List<List<String>> positions(String product, Map<String, Item> items) {
		List<List<String>> positions = new ArrayList<>();
		positions.add(List.of(product));
		for (int i = 0; i < positions.size(); i++) {
			List<String> position = positions.get(i);
			if (position.size() > MAX_DEPTH) {
				continue;
			}
			Item item = items.get(position.get(position.size() - 1));
			for (String input : item.inputs()) {
				List<String> child = new ArrayList<>(position);
				child.add(input);
				positions.add(List.copyOf(child));
			}
		}
		return positions;
	}

	private static Map<String, List<Split>> byBuyer(StageFacts stage) {
		Map<String, List<Split>> own = new HashMap<>(stage.sourcing().size() * 2);
		for (BuyerSplit split : stage.sourcing()) {
			own.putIfAbsent(split.buyer(), split.split());
		}
		return own;
	}

	/** One stage: every holder buys the item from its own sourcing where known, else at global shares. */
	private static State step(String item, StageFacts stage, Map<String, List<Split>> own, State state,
			List<Cut> cuts, List<StageResult> results) {
		List<Cut> applicable = cuts.stream()
			.filter(c -> c.items().contains(item) && (c.stages() == null || c.stages().contains(stage.stage())))
			.toList();
		Map<String, double[]> next = new LinkedHashMap<>();
		double unknownWeight = 0.0;
		double unknownChina = 0.0;
		double weightIn = 0.0;
		boolean anyOwn = false;
		boolean allOwn = true;
		for (Map.Entry<String, double[]> holder : state.holders().entrySet()) {
			String buyer = holder.getKey();
			double w = holder.getValue()[0];
			double t = holder.getValue()[1];
			weightIn += w;
			List<Split> split = own.get(buyer);
			if (split != null) {
				anyOwn = true;
			}
			else {
				allOwn = false;
				split = stage.global();
			}
			double attributed = 0.0;
			for (Split s : split) {
				String supplier = s.country();
				double m = 1.0;
				for (Cut cut : applicable) {
					if (cut.country().equals(supplier)
							&& (cut.targets().isEmpty() ? !buyer.equals(supplier) : cut.targets().contains(buyer))) {
						m = m * (1.0 - cut.fraction());
					}
				}
				double[] n = next.computeIfAbsent(supplier, k -> new double[2]);
				n[0] += w * s.share() * m;
				n[1] += (CHINA.equals(supplier) ? w : t) * s.share() * m;
				attributed += s.share();
			}
			double rest = 1.0 - attributed > 0 ? 1.0 - attributed : 0.0;
			unknownWeight += w * rest;
			unknownChina += t * rest;
		}
		Double hhi = null;
		if (weightIn > 0) {
			double sum = 0.0;
			for (double[] n : next.values()) {
				double percent = 100.0 * n[0] / weightIn;
				sum += percent * percent;
			}
			hhi = sum;
		}
		List<SupplierWeight> suppliers = new ArrayList<>(next.size());
		next.forEach((country, n) -> suppliers.add(new SupplierWeight(country, n[0], n[1])));
		// as chain.cypher's all()/none(): no holder at all counts as buyer sourcing
		String basis = allOwn ? "BUYER_SOURCING" : anyOwn ? "MIXED" : "GLOBAL";
		results.add(new StageResult(stage.stage(), weightIn, unknownWeight, hhi, basis, List.copyOf(suppliers)));
		return new State(next, state.unknownTouched() + unknownChina,
				state.unknownClean() + unknownWeight - unknownChina);
	}

	private static InputChain input(List<String> position, State state) {
		double remaining = state.unknownTouched() + state.unknownClean();
		double china = state.unknownTouched();
		for (double[] h : state.holders().values()) {
			remaining += h[0];
			china += h[1];
		}
		double unknown = state.unknownClean();
		boolean some = remaining > 0;
		return new InputChain(position.get(position.size() - 1), position, some ? china / remaining : null,
				some ? unknown / remaining : null, some ? 1.0 - (china + unknown) / remaining : null, remaining);
	}

}
