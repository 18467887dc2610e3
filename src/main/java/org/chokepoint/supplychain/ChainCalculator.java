package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplychain.ChainComputation.Gap;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;
import org.chokepoint.supplychain.ChainComputation.SupplierWeight;

/**
 * Computes a consumer's chain of a product stage by stage, from the facts of its items:
 * the computation of chain.cypher (same rules, same results), in plain Java. Each stage
 * carries, per supplier, the weight of the paths that reach it (w) and the part of it
 * that already passed through China (t); a stage costs its holders times their splits, so
 * a chain is linear in the facts it uses and never enumerates paths. Each holder's splits
 * are its supply mix (direct or traced, as the facts were read) where it has one, else
 * the global shares; with neither, it skips the stage.
 */
final class ChainCalculator {

	static final String CHINA = "CHN";

	/**
	 * An item of the bill of materials and the facts chosen for it.
	 *
	 * @param id the item id
	 * @param product whether it is a product (stage MANUFACTURING) or a mineral
	 * (REFINING, MINING)
	 * @param inputs its direct inputs
	 * @param facts per stage with data, in chain order, the splits chosen
	 */
	record Item(String id, boolean product, List<String> inputs, ItemFacts facts) {

		List<Stage> candidateStages() {
			return this.product ? List.of(Stage.MANUFACTURING) : List.of(Stage.REFINING, Stage.MINING);
		}

	}

	/**
	 * Who holds the weight after some stages: per holder {w, t, n} (weight, the part that
	 * touched China, the part that has not passed any stage with data yet); weight ended
	 * at the unknown supplier.
	 */
	private record State(Map<String, double[]> holders, double unknownTouched, double unknownClean) {
	}

	private ChainCalculator() {
	}

	/** The chain without blocs: for callers that have none (see the full form). */
	static ChainComputation compute(String product, String consumer, Map<String, Item> items, List<Cut> cuts) {
		return compute(product, consumer, items, cuts, Map.of());
	}

	/**
	 * The chain of {@code product} for {@code consumer}, the bill of materials unfolded
	 * to its full depth.
	 * @param items every item below the product, the product included
	 * @param cuts the disruption (empty: none), their targets with the members of
	 * targeted blocs
	 * @param blocs per bloc, its member countries: a member's supply to its bloc (and the
	 * bloc's to a member) is supply to itself, never cut; a cutting bloc cuts its
	 * members' supply
	 */
	static ChainComputation compute(String product, String consumer, Map<String, Item> items, List<Cut> cuts,
			Map<String, Set<String>> blocs) {
		List<List<String>> positions = positions(product, items);
		Map<List<String>, State> states = new HashMap<>();
		List<PositionStages> computed = new ArrayList<>();
		Map<String, Gap> gaps = new LinkedHashMap<>();
		for (List<String> position : positions) {
			State state;
			if (position.size() == 1) {
				Map<String, double[]> start = new LinkedHashMap<>();
				start.put(consumer, new double[] { 1.0, 0.0, 1.0 });
				state = new State(start, 0.0, 0.0);
			}
			else {
				state = states.get(position.subList(0, position.size() - 1));
			}
			Item item = items.get(position.get(position.size() - 1));
			List<StageResult> results = new ArrayList<>();
			for (Stage candidate : item.candidateStages()) {
				StageFacts stage = item.facts()
					.stages()
					.stream()
					.filter(s -> s.stage() == candidate)
					.findFirst()
					.orElse(null);
				if (stage == null) {
					// no data for anyone: every holder's weight skips the stage
					state.holders().forEach((holder, h) -> gap(gaps, item.id(), candidate, holder, h[0]));
					continue;
				}
				state = step(item.id(), stage, stage.byBuyer(), state, cuts, blocs, results, gaps);
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
		List<ItemFacts> facts = new ArrayList<>();
		for (Item item : items.values()) {
			facts.add(item.facts());
		}
		// gaps in a stable order: the holders' order follows the facts' order in the
		// store
		List<Gap> gapList = new ArrayList<>(gaps.values());
		gapList.sort(Comparator.comparing(Gap::item).thenComparing(Gap::stage).thenComparing(Gap::buyer));
		return new ChainComputation(worst.chinaExposure(), worst.unknownShare(), worst.chinaFreeShare(), remaining,
				worst.item(), List.copyOf(inputs), List.copyOf(computed), List.copyOf(gapList), List.copyOf(facts));
	}

	/**
	 * Records that {@code buyer}'s weight skipped (item, stage); the largest weight over
	 * positions is kept.
	 */
	private static void gap(Map<String, Gap> gaps, String item, Stage stage, String buyer, double weight) {
		if (!(weight > 0)) {
			return; // a buyer holding no weight skipped nothing
		}
		String key = item + '\u0000' + stage + '\u0000' + buyer;
		Gap known = gaps.get(key);
		if (known == null || weight > known.weight()) {
			gaps.put(key, new Gap(item, stage, buyer, weight));
		}
	}

	/**
	 * The worst input chain first, as chain.cypher orders them: highest China exposure
	 * (none: -1), then lowest China-free share (none: last); ties go to the smallest leaf
	 * item id, then to the first position by item ids (a total order: the same worst
	 * input whatever order the positions come in).
	 */
	static final Comparator<InputChain> WORST_FIRST = Comparator
		.comparingDouble((InputChain i) -> i.chinaExposure() == null ? -1.0 : i.chinaExposure())
		.reversed()
		.thenComparing(InputChain::chinaFreeShare, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(InputChain::item)
		.thenComparing(InputChain::position, ChainCalculator::compareIds);

	/**
	 * Lists of ids in Cypher's order of lists: item by item, a list before the lists it
	 * starts.
	 */
	static int compareIds(List<String> a, List<String> b) {
		for (int i = 0; i < a.size() && i < b.size(); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	/**
	 * The positions of the unfolded bill of materials (paths of item ids from the
	 * product), parents first, to the full depth (the import refuses a bill of materials
	 * with a cycle).
	 */
	static List<List<String>> positions(String product, Map<String, Item> items) {
		List<List<String>> positions = new ArrayList<>();
		positions.add(List.of(product));
		for (int i = 0; i < positions.size(); i++) {
			List<String> position = positions.get(i);
			Item item = items.get(position.get(position.size() - 1));
			for (String input : item.inputs()) {
				List<String> child = new ArrayList<>(position);
				child.add(input);
				positions.add(List.copyOf(child));
			}
		}
		return positions;
	}

	/**
	 * Whether supply from {@code supplier} to {@code buyer} is supply to itself (the same
	 * party, or bloc and member).
	 */
	static boolean self(String buyer, String supplier, Map<String, Set<String>> blocs) {
		return buyer.equals(supplier) || blocs.getOrDefault(buyer, Set.of()).contains(supplier)
				|| blocs.getOrDefault(supplier, Set.of()).contains(buyer);
	}

	/**
	 * The factor that the cuts leave of {@code supplier}'s supply of the stage to
	 * {@code buyer}.
	 */
	static double kept(List<Cut> applicable, String buyer, String supplier, Map<String, Set<String>> blocs) {
		double m = 1.0;
		if (applicable.isEmpty() || self(buyer, supplier, blocs)) {
			return m;
		}
		for (Cut cut : applicable) {
			boolean cutter = cut.country().equals(supplier)
					|| blocs.getOrDefault(cut.country(), Set.of()).contains(supplier);
			if (cutter && (cut.targets().isEmpty() || cut.targets().contains(buyer))) {
				m = m * (1.0 - cut.fraction());
			}
		}
		return m;
	}

	/**
	 * One stage: every holder buys the item from its own sourcing where known, else at
	 * global shares; a holder with neither skips the stage (a gap for it) and buys at the
	 * stage below.
	 */
	private static State step(String item, StageFacts stage, Map<String, List<Split>> own, State state, List<Cut> cuts,
			Map<String, Set<String>> blocs, List<StageResult> results, Map<String, Gap> gaps) {
		List<Cut> applicable = cuts.stream()
			.filter(c -> c.items().contains(item) && (c.stages() == null || c.stages().contains(stage.stage())))
			.toList();
		boolean global = stage.globalYear() != null;
		Map<String, double[]> next = new LinkedHashMap<>();
		Map<String, double[]> skipped = new LinkedHashMap<>();
		double unknownWeight = 0.0;
		double unknownChina = 0.0;
		double weightIn = 0.0;
		boolean anyOwn = false;
		boolean allOwn = true;
		boolean anyBought = false;
		List<String> ownBuyers = new ArrayList<>();
		for (Map.Entry<String, double[]> holder : state.holders().entrySet()) {
			String buyer = holder.getKey();
			double w = holder.getValue()[0];
			double t = holder.getValue()[1];
			List<Split> split = own.get(buyer);
			if (split != null) {
				anyOwn = true;
				ownBuyers.add(buyer);
			}
			else if (global) {
				allOwn = false;
				split = stage.global();
			}
			else {
				gap(gaps, item, stage.stage(), buyer, w);
				double[] s = skipped.computeIfAbsent(buyer, k -> new double[3]);
				s[0] += w;
				s[1] += t;
				s[2] += holder.getValue()[2];
				continue;
			}
			anyBought = true;
			weightIn += w;
			double attributed = 0.0;
			for (Split s : split) {
				String supplier = s.country();
				double m = kept(applicable, buyer, supplier, blocs);
				double[] n = next.computeIfAbsent(supplier, k -> new double[3]);
				n[0] += w * s.share() * m;
				n[1] += (CHINA.equals(supplier) ? w : t) * s.share() * m;
				attributed += s.share();
			}
			double rest = 1.0 - attributed > 0 ? 1.0 - attributed : 0.0;
			unknownWeight += w * rest;
			unknownChina += t * rest;
		}
		if (anyBought) {
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
			next.forEach((country, n) -> suppliers.add(new SupplierWeight(country, clamp(n[0]), clamp(n[1]))));
			String basis = allOwn ? "BUYER_SOURCING" : anyOwn ? "MIXED" : "GLOBAL";
			results.add(new StageResult(stage.stage(), weightIn, unknownWeight, hhi, basis, List.copyOf(suppliers),
					List.copyOf(ownBuyers)));
		}
		skipped.forEach((holder, s) -> {
			double[] n = next.computeIfAbsent(holder, k -> new double[3]);
			n[0] += s[0];
			n[1] += s[1];
			n[2] += s[2];
		});
		return new State(next, state.unknownTouched() + unknownChina,
				state.unknownClean() + unknownWeight - unknownChina);
	}

	/** A share put into 0..1: rounding leaves neither -2e-16 nor -0.0 nor 1 + 2e-16. */
	static double clamp(double share) {
		return share >= 1.0 ? 1.0 : share > 0.0 ? share : 0.0;
	}

	/**
	 * An input chain's figures: weight that never passed a stage with data ends at the
	 * unknown supplier; the three shares are put into 0..1 and add up to 1.
	 */
	private static InputChain input(List<String> position, State state) {
		double remaining = state.unknownTouched() + state.unknownClean();
		double china = state.unknownTouched();
		double unknown = state.unknownClean();
		for (double[] h : state.holders().values()) {
			remaining += h[0];
			china += h[1];
			unknown += h[2];
		}
		String item = position.get(position.size() - 1);
		if (!(remaining > 0)) {
			return new InputChain(item, position, null, null, null, remaining);
		}
		double exposure = clamp(china / remaining);
		double unknownShare = Math.min(clamp(unknown / remaining), 1.0 - exposure);
		return new InputChain(item, position, exposure, clamp(unknownShare), clamp(1.0 - exposure - unknownShare),
				remaining);
	}

}
