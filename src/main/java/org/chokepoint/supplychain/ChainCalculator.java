package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplychain.ChainComputation.Gap;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
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
	 * Who holds the weight after some stages, by party id: per holder its weight
	 * ({@code w}), the part that touched China ({@code t}) and the part that has not
	 * passed any stage with data yet ({@code n}); {@code order} lists the holders in the
	 * order they first received weight (the order of the sums, so the figures do not
	 * depend on ids); weight ended at the unknown supplier.
	 */
	private record State(double[] w, double[] t, double[] n, int[] order, int count, double unknownTouched,
			double unknownClean) {
	}

	/**
	 * The facts of one chain as party ids: per item (by id) its dense splits per
	 * {@link Stage#ordinal()} (null: no data at the stage); one extra id after the
	 * index's stands for the consumer where the index has none for it.
	 */
	private record Dense(PartyIndex parties, Map<String, DenseSplits[]> stages, int consumer, String consumerCode) {

		int size() {
			return this.parties.size() + 1;
		}

		String name(int id) {
			return (id < this.parties.size()) ? this.parties.name(id) : this.consumerCode;
		}

		/**
		 * The facts' own dense splits where they all share one index (a projection's),
		 * else the facts compiled into an index of their codes.
		 */
		static Dense of(Map<String, Item> items, String consumer) {
			PartyIndex shared = null;
			boolean compiled = true;
			for (Item item : items.values()) {
				for (StageFacts stage : item.facts().stages()) {
					DenseSplits dense = stage.dense();
					if (dense == null || (shared != null && dense.parties() != shared)) {
						compiled = false;
					}
					else {
						shared = dense.parties();
					}
				}
			}
			PartyIndex parties = (compiled && shared != null) ? shared : indexOf(items, consumer);
			Map<String, DenseSplits[]> stages = new HashMap<>(items.size() * 2);
			for (Item item : items.values()) {
				DenseSplits[] byStage = new DenseSplits[Stage.values().length];
				for (StageFacts stage : item.facts().stages()) {
					byStage[stage.stage().ordinal()] = (parties == shared) ? stage.dense()
							: DenseSplits.compile(parties, stage.global(), stage.sourcing());
				}
				stages.put(item.id(), byStage);
			}
			int id = parties.id(consumer);
			return new Dense(parties, stages, (id >= 0) ? id : parties.size(), consumer);
		}

		private static PartyIndex indexOf(Map<String, Item> items, String consumer) {
			java.util.LinkedHashSet<String> codes = new java.util.LinkedHashSet<>();
			codes.add(consumer);
			for (Item item : items.values()) {
				for (StageFacts stage : item.facts().stages()) {
					stage.global().forEach(s -> codes.add(s.country()));
					for (ChainComputation.BuyerSplit own : stage.sourcing()) {
						codes.add(own.buyer());
						own.split().forEach(s -> codes.add(s.country()));
					}
				}
			}
			return new PartyIndex(codes.toArray(String[]::new));
		}

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
		return run(product, consumer, items, cuts, blocs, null).chain();
	}

	/**
	 * A cell of the world matrix: the chain's figures, its worst input and how many
	 * (item, stage, supplier) have a stage share at or above {@code threshold} at some
	 * position (as {@link ChainReport} counts single points of failure): the same sums as
	 * {@link #compute}, without the per-position lists it builds for a report.
	 */
	static Cell cell(String product, String consumer, Map<String, Item> items, Map<String, Set<String>> blocs,
			double threshold) {
		Spofs spofs = new Spofs(threshold, new HashSet<>());
		Run run = run(product, consumer, items, List.of(), blocs, spofs);
		return new Cell(run.figures(), run.worst().item(), spofs.keys().size());
	}

	/** A world-matrix cell ({@link #cell}). */
	record Cell(ChainFigures figures, String worstInput, int singlePointsOfFailure) {
	}

	/**
	 * The (item, stage, supplier id) whose stage share reached the threshold at some
	 * position.
	 */
	private record Spofs(double threshold, Set<SpofKey> keys) {
	}

	private record SpofKey(String item, Stage stage, int supplier) {
	}

	/** What a run gives: the chain (null in a matrix cell's run) or its figures. */
	private record Run(ChainComputation chain, InputChain worst, ChainFigures figures) {
	}

	/**
	 * The chain, or with {@code spofs} only its figures and single points of failure (no
	 * per-position lists, no facts).
	 */
	private static Run run(String product, String consumer, Map<String, Item> items, List<Cut> cuts,
			Map<String, Set<String>> blocs, Spofs spofs) {
		List<List<String>> positions = positions(product, items);
		Dense dense = Dense.of(items, consumer);
		int china = dense.parties().id(CHINA);
		Map<List<String>, State> states = new HashMap<>();
		List<PositionStages> computed = new ArrayList<>();
		Map<GapKey, Gap> gaps = new LinkedHashMap<>();
		for (List<String> position : positions) {
			State state;
			if (position.size() == 1) {
				int size = dense.size();
				double[] w = new double[size];
				double[] n = new double[size];
				w[dense.consumer()] = 1.0;
				n[dense.consumer()] = 1.0;
				state = new State(w, new double[size], n, new int[] { dense.consumer() }, 1, 0.0, 0.0);
			}
			else {
				state = states.get(position.subList(0, position.size() - 1));
			}
			Item item = items.get(position.get(position.size() - 1));
			DenseSplits[] splits = dense.stages().get(item.id());
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
					for (int k = 0; k < state.count(); k++) {
						int holder = state.order()[k];
						gap(gaps, item.id(), candidate, dense.name(holder), state.w()[holder]);
					}
					continue;
				}
				state = step(item.id(), stage, splits[candidate.ordinal()], dense, china, state, cuts, blocs, results,
						gaps, spofs);
			}
			states.put(position, state);
			computed.add(new PositionStages(position, List.copyOf(results)));
		}
		Set<List<String>> parents = new HashSet<>();
		for (List<String> position : positions) {
			if (position.size() > 1) {
				parents.add(position.subList(0, position.size() - 1));
			}
		}
		List<InputChain> inputs = new ArrayList<>();
		for (List<String> position : positions) {
			if (!parents.contains(position)) {
				inputs.add(input(position, states.get(position)));
			}
		}
		InputChain worst = inputs.stream().min(WORST_FIRST).orElseThrow();
		if (spofs != null) {
			return new Run(null, worst, ChainFigures.of(worst));
		}
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
		ChainComputation chain = new ChainComputation(worst.chinaExposure(), worst.unknownShare(),
				worst.chinaFreeShare(), remaining, worst.item(), List.copyOf(inputs), List.copyOf(computed),
				List.copyOf(gapList), List.copyOf(facts));
		return new Run(chain, worst, null);
	}

	/** A gap's key: (item, stage, buyer). */
	private record GapKey(String item, Stage stage, String buyer) {
	}

	/**
	 * Records that {@code buyer}'s weight skipped (item, stage); the largest weight over
	 * positions is kept.
	 */
	private static void gap(Map<GapKey, Gap> gaps, String item, Stage stage, String buyer, double weight) {
		if (!(weight > 0)) {
			return; // a buyer holding no weight skipped nothing
		}
		GapKey key = new GapKey(item, stage, buyer);
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
	 * stage below. The sums run in the holders' order and, per holder, in its split's
	 * order.
	 */
	private static State step(String item, StageFacts stage, DenseSplits splits, Dense dense, int china, State state,
			List<Cut> cuts, Map<String, Set<String>> blocs, List<StageResult> results, Map<GapKey, Gap> gaps,
			Spofs spofs) {
		List<Cut> applicable = cuts.stream()
			.filter(c -> c.items().contains(item) && (c.stages() == null || c.stages().contains(stage.stage())))
			.toList();
		boolean global = stage.globalYear() != null;
		int size = state.w().length;
		double[] w = new double[size];
		double[] t = new double[size];
		double[] n = new double[size];
		boolean[] held = new boolean[size];
		int[] order = new int[size];
		int count = 0;
		int[] skipped = new int[state.count()];
		int skippedCount = 0;
		double unknownWeight = 0.0;
		double unknownChina = 0.0;
		double weightIn = 0.0;
		boolean anyOwn = false;
		boolean allOwn = true;
		boolean anyBought = false;
		List<String> ownBuyers = new ArrayList<>();
		int[] ownIds = new int[state.count()];
		int[] rows = rowsOf(splits, state);
		for (int k = 0; k < state.count(); k++) {
			int buyer = state.order()[k];
			double bw = state.w()[buyer];
			double bt = state.t()[buyer];
			int row = rows[k];
			char[] ids;
			double[] shares;
			if (row >= 0) {
				anyOwn = true;
				ownIds[ownBuyers.size()] = buyer;
				ownBuyers.add(dense.name(buyer));
				ids = splits.ids()[row];
				shares = splits.shares()[row];
			}
			else if (global) {
				allOwn = false;
				ids = splits.globalIds();
				shares = splits.globalShares();
			}
			else {
				gap(gaps, item, stage.stage(), dense.name(buyer), bw);
				skipped[skippedCount++] = buyer;
				continue;
			}
			anyBought = true;
			weightIn += bw;
			double attributed = 0.0;
			if (applicable.isEmpty()) {
				// no cut: the factor kept is 1 (x * 1.0 is x, so the figures are those of
				// the loop below)
				for (int j = 0; j < ids.length; j++) {
					int supplier = ids[j];
					double share = shares[j];
					if (!held[supplier]) {
						held[supplier] = true;
						order[count++] = supplier;
					}
					w[supplier] += bw * share;
					t[supplier] += (supplier == china ? bw : bt) * share;
					attributed += share;
				}
			}
			else {
				String buyerCode = dense.name(buyer);
				for (int j = 0; j < ids.length; j++) {
					int supplier = ids[j];
					double share = shares[j];
					double m = kept(applicable, buyerCode, dense.name(supplier), blocs);
					if (!held[supplier]) {
						held[supplier] = true;
						order[count++] = supplier;
					}
					w[supplier] += bw * share * m;
					t[supplier] += (supplier == china ? bw : bt) * share * m;
					attributed += share;
				}
			}
			double rest = 1.0 - attributed > 0 ? 1.0 - attributed : 0.0;
			unknownWeight += bw * rest;
			unknownChina += bt * rest;
		}
		if (anyBought && spofs != null) {
			for (int k = 0; k < count; k++) {
				if (clamp(w[order[k]]) >= spofs.threshold()) {
					spofs.keys().add(new SpofKey(item, stage.stage(), order[k]));
				}
			}
		}
		else if (anyBought) {
			Double hhi = null;
			if (weightIn > 0) {
				double sum = 0.0;
				for (int k = 0; k < count; k++) {
					double percent = 100.0 * w[order[k]] / weightIn;
					sum += percent * percent;
				}
				hhi = sum;
			}
			SupplierWeight[] suppliers = new SupplierWeight[count];
			for (int k = 0; k < count; k++) {
				int supplier = order[k];
				suppliers[k] = new SupplierWeight(dense.name(supplier), clamp(w[supplier]), clamp(t[supplier]),
						supplier);
			}
			String basis = allOwn ? "BUYER_SOURCING" : anyOwn ? "MIXED" : "GLOBAL";
			results.add(new StageResult(stage.stage(), weightIn, unknownWeight, hhi, basis, List.of(suppliers),
					List.copyOf(ownBuyers), dense.parties(), Arrays.copyOf(ownIds, ownBuyers.size())));
		}
		for (int k = 0; k < skippedCount; k++) {
			int holder = skipped[k];
			if (!held[holder]) {
				held[holder] = true;
				order[count++] = holder;
			}
			w[holder] += state.w()[holder];
			t[holder] += state.t()[holder];
			n[holder] += state.n()[holder];
		}
		return new State(w, t, n, order, count, state.unknownTouched() + unknownChina,
				state.unknownClean() + unknownWeight - unknownChina);
	}

	/**
	 * What {@link #rowsOf} read, kept where the JIT cannot drop the reads as unused;
	 * never read.
	 */
	@SuppressWarnings("unused")
	private static int touched;

	/**
	 * Per holder of {@code state} (in its order), the row of its own mix in
	 * {@code splits} (-1: none), each row's suppliers and shares touched once, a cache
	 * line apart, before the sums read them. A chain's first computation reads its mixes
	 * from memory (about 1.4 million (supplier, share) pairs at M, docs/performance.md);
	 * in the sums' loop each row's first read waits for memory before the next row's can
	 * start, here the reads do not wait for each other, so the core has many in flight.
	 * Measured with {@code FirstComputations} (docs/performance.md, 6 Dec): a first
	 * computation at M with the CPU's caches flushed 0.23 to 0.30 ms over the same
	 * computed again, against 0.39 to 0.51 ms without this pass, and no slower again. The
	 * sums keep their order (the holders'), so the figures are the same to the bit.
	 */
	private static int[] rowsOf(DenseSplits splits, State state) {
		int[] rows = new int[state.count()];
		char[][] ids = splits.ids();
		double[][] shares = splits.shares();
		int sum = 0;
		for (int k = 0; k < rows.length; k++) {
			int row = splits.row(state.order()[k]);
			rows[k] = row;
			if (row >= 0) {
				char[] rowIds = ids[row];
				for (int j = 0; j < rowIds.length; j += 32) {
					sum += rowIds[j];
				}
				double[] rowShares = shares[row];
				for (int j = 0; j < rowShares.length; j += 8) {
					sum += (int) Double.doubleToRawLongBits(rowShares[j]);
				}
			}
		}
		touched = sum;
		return rows;
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
		for (int k = 0; k < state.count(); k++) {
			int holder = state.order()[k];
			remaining += state.w()[holder];
			china += state.t()[holder];
			unknown += state.n()[holder];
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
