package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

import org.chokepoint.supplychain.ChainAnalysis.Alternative;
import org.chokepoint.supplychain.ChainAnalysis.FactUsed;
import org.chokepoint.supplychain.ChainAnalysis.ItemExposure;
import org.chokepoint.supplychain.ChainAnalysis.Kind;
import org.chokepoint.supplychain.ChainAnalysis.Rest;
import org.chokepoint.supplychain.ChainAnalysis.SinglePointOfFailure;
import org.chokepoint.supplychain.ChainAnalysis.StageSupply;
import org.chokepoint.supplychain.ChainAnalysis.SupplierShare;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;

/**
 * Turns a chain computed per position into the per-item report of domain.md: for an item
 * with several positions, a supplier's stage share is the largest of its positions'
 * shares, and the stage's HHI, basis and unknown share are those of the position the most
 * supply reaches; an item's exposure is that of the worst input chain below it.
 */
final class ChainReport {

	/** A stage share this close to 1 is a sole source (floating-point sums of shares). */
	static final double SOLE_SOURCE_TOLERANCE = 1e-9;

	private final ChainComputation chain;

	private final String consumer;

	private final Alliances.Of alliances;

	private final Set<String> minerals;

	/**
	 * The traced mixes of the chain's items, to say what a direct supplier passes on;
	 * null when traced.
	 */
	private final ChainComputation traced;

	/** The facts of {@link #chain} per item and stage: made once, read per stage. */
	private final Map<String, Map<Stage, StageFacts>> facts = new java.util.HashMap<>();

	/** The same of {@link #traced}, where there is one. */
	private final Map<String, Map<Stage, StageFacts>> tracedFacts = new java.util.HashMap<>();

	/** The allied parties per item and index ({@link #alliedIds(String, PartyIndex)}). */
	private final Map<AlliedKey, boolean[]> alliedIds = new java.util.HashMap<>();

	/** How much the report lists. */
	private final Detail detail;

	/** The stage share from which a supplier is a chokepoint. */
	private final double threshold;

	/**
	 * A report of {@code chain}, listing as {@code detail} says; {@code traced} is the
	 * same chain at traced mixes (to say what a direct supplier passes on), null when
	 * {@code chain} is traced.
	 */
	ChainReport(ChainComputation chain, String consumer, Alliances.Of alliances, Set<String> minerals,
			ChainComputation traced, Detail detail, double threshold) {
		this.chain = chain;
		this.consumer = consumer;
		this.alliances = alliances;
		this.minerals = minerals;
		this.traced = traced;
		this.detail = detail;
		this.threshold = threshold;
		// an item's first facts, as ChainComputation.factsOf finds them
		chain.facts().forEach(f -> this.facts.putIfAbsent(f.item(), byStage(f)));
		if (traced != null) {
			traced.facts().forEach(f -> this.tracedFacts.putIfAbsent(f.item(), byStage(f)));
		}
	}

	private static Map<Stage, StageFacts> byStage(ChainComputation.ItemFacts facts) {
		Map<Stage, StageFacts> byStage = new java.util.EnumMap<>(Stage.class);
		facts.stages().forEach(f -> byStage.putIfAbsent(f.stage(), f));
		return byStage;
	}

	private Map<Stage, StageFacts> factsOf(String item) {
		return this.facts.getOrDefault(item, Map.of());
	}

	/**
	 * The China share of what {@code supplier} passes on of (item, stage): its traced
	 * mix's; null when traced.
	 */
	private Double originChina(String item, Stage stage, String supplier) {
		if (this.traced == null || "UNKNOWN".equals(supplier)) {
			return null;
		}
		if (ChainCalculator.CHINA.equals(supplier)) {
			return 1.0;
		}
		// the China share of the supplier's first mix in the traced facts (0 where it
		// has none)
		StageFacts facts = this.tracedFacts.getOrDefault(item, Map.of()).get(stage);
		List<Split> mix = (facts != null) ? facts.byBuyer().get(supplier) : null;
		if (mix == null) {
			return 0.0;
		}
		return mix.stream()
			.filter(x -> ChainCalculator.CHINA.equals(x.country()))
			.mapToDouble(ChainComputation.Split::share)
			.sum();
	}

	List<ItemExposure> items() {
		// by depth, then by position: a stable order whatever order the query returns
		// positions in (each position's path joined once, not per comparison)
		List<Positioned> sorted = new ArrayList<>(this.chain.positions().size());
		this.chain.positions().forEach(p -> sorted.add(new Positioned(String.join("/", p.position()), p)));
		sorted.sort(Comparator.comparingInt((Positioned p) -> p.stages().position().size())
			.thenComparing(Positioned::path));
		Map<String, List<PositionStages>> byItem = new LinkedHashMap<>();
		sorted
			.forEach(p -> byItem.computeIfAbsent(last(p.stages().position()), k -> new ArrayList<>()).add(p.stages()));
		List<ItemExposure> items = new ArrayList<>();
		byItem.forEach((item, positions) -> {
			InputChain worst = worstBelow(positions);
			boolean leaf = this.chain.inputs().stream().anyMatch(i -> i.item().equals(item));
			items.add(new ItemExposure(item, this.minerals.contains(item) ? "MINERAL" : "PRODUCT", leaf,
					worst == null ? ChainFigures.NONE : ChainFigures.of(worst), stages(item, positions)));
		});
		return items;
	}

	/** A position's stages and its path joined with {@code /}. */
	private record Positioned(String path, PositionStages stages) {
	}

	/** The worst of the input chains at or below one of {@code positions}. */
	private InputChain worstBelow(List<PositionStages> positions) {
		InputChain worst = null;
		for (InputChain input : this.chain.inputs()) {
			if ((worst == null || ChainAnalysisService.WORST_FIRST.compare(input, worst) < 0)
					&& below(input.position(), positions)) {
				worst = input;
			}
		}
		return worst;
	}

	/** Whether {@code position} is one of {@code positions} or starts with one. */
	private static boolean below(List<String> position, List<PositionStages> positions) {
		for (PositionStages p : positions) {
			List<String> prefix = p.position();
			if (position.size() >= prefix.size()) {
				int k = 0;
				while (k < prefix.size() && prefix.get(k).equals(position.get(k))) {
					k++;
				}
				if (k == prefix.size()) {
					return true;
				}
			}
		}
		return false;
	}

	private List<StageSupply> stages(String item, List<PositionStages> positions) {
		Map<Stage, StageFacts> facts = factsOf(item);
		Map<Stage, List<StageResult>> byStage = new LinkedHashMap<>();
		positions
			.forEach(p -> p.stages().forEach(s -> byStage.computeIfAbsent(s.stage(), k -> new ArrayList<>()).add(s)));
		List<StageSupply> result = new ArrayList<>();
		byStage.forEach((stage, results) -> {
			StageResult main = results.stream().max(Comparator.comparingDouble(StageResult::weightIn)).orElseThrow();
			SupplierTable table = SupplierTable.of(results);
			// the mixes of the buyers that bought at them in this chain, not every
			// buyer's of the item
			StageFacts all = facts.get(stage);
			Bought buyers = Bought.of(all, results);
			List<ChainComputation.BuyerSplit> used = buyers.used(all);
			// listed: the suppliers the detail lists, sorted; the rest counted and summed
			// in the order first seen (no sort of every supplier of the world)
			List<Integer> shown = new ArrayList<>();
			int restCount = 0;
			double restShare = 0;
			for (int k = 0; k < table.size(); k++) {
				if (this.detail.lists(table.share(k), this.threshold)) {
					shown.add(k);
				}
				else {
					restCount++;
					restShare += table.share(k);
				}
			}
			shown.sort(table::compare);
			List<String> named = new ArrayList<>(shown.size());
			shown.forEach(k -> named.add(table.code(k)));
			Sources sources = Sources.of(all, buyers, named, main.basis());
			List<SupplierShare> suppliers = new ArrayList<>(shown.size());
			for (int k : shown) {
				String code = table.code(k);
				suppliers.add(new SupplierShare(code, table.share(k), this.alliances.allied(code, item),
						sources.of(code), originChina(item, stage, code)));
			}
			result.add(new StageSupply(stage, main.basis(), main.hhi(), main.weightIn(), main.unknown(),
					factsUsed(all, used, main.basis(), this.detail), suppliers,
					(restCount == 0) ? Rest.NONE : new Rest(restCount, restShare)));
		});
		return result;
	}

	/**
	 * The facts a stage was bought at: the global split unless every holder bought at its
	 * own, and the own mixes {@code used}: one fact per buyer, or with
	 * {@link Detail#SUMMARY} one per source and year, with how many buyers (named where
	 * it is one), in the order they first come.
	 */
	private static List<FactUsed> factsUsed(StageFacts facts, List<ChainComputation.BuyerSplit> used, String basis,
			Detail detail) {
		List<FactUsed> result = new ArrayList<>();
		if (!"BUYER_SOURCING".equals(basis) && facts.globalSource() != null) {
			result.add(new FactUsed("GLOBAL", null, facts.globalYear(), facts.globalSource(), 0));
		}
		if ("GLOBAL".equals(basis)) {
			return result;
		}
		if (detail == Detail.FULL) {
			used.forEach(s -> result.add(new FactUsed("BUYER_SOURCING", s.buyer(), s.year(), s.source(), 1)));
			return result;
		}
		// the groups in the order they first come, found by a scan of the few there are
		// (a stage's mixes come from a handful of sources and years), not by hashing a
		// key per buyer
		List<ChainComputation.BuyerSplit> firsts = new ArrayList<>();
		int[] sizes = new int[used.size()];
		for (ChainComputation.BuyerSplit s : used) {
			int g = 0;
			while (g < firsts.size() && !(firsts.get(g).year() == s.year()
					&& java.util.Objects.equals(firsts.get(g).source(), s.source()))) {
				g++;
			}
			if (g == firsts.size()) {
				firsts.add(s);
			}
			sizes[g]++;
		}
		for (int g = 0; g < firsts.size(); g++) {
			ChainComputation.BuyerSplit first = firsts.get(g);
			result.add(new FactUsed("BUYER_SOURCING", sizes[g] == 1 ? first.buyer() : null, first.year(),
					first.source(), sizes[g]));
		}
		return result;
	}

	/**
	 * Per supplier of a stage, in the order first seen over its positions, its largest
	 * stage share and largest China share: merged on the calculator's party ids (an array
	 * slot per id) where the results carry them, else on the codes.
	 */
	private static final class SupplierTable {

		/** A single result's suppliers as they are, or null for the arrays below. */
		private final List<ChainComputation.SupplierWeight> single;

		private final String[] code;

		private final double[] share;

		private final double[] china;

		private int size;

		private SupplierTable(int capacity) {
			this.single = null;
			this.code = new String[capacity];
			this.share = new double[capacity];
			this.china = new double[capacity];
		}

		private SupplierTable(List<ChainComputation.SupplierWeight> single) {
			this.single = single;
			this.code = null;
			this.share = null;
			this.china = null;
			this.size = single.size();
		}

		static SupplierTable of(List<StageResult> results) {
			List<ChainComputation.SupplierWeight> suppliers = results.get(0).suppliers();
			if (results.size() == 1 && (suppliers.isEmpty() || suppliers.get(0).id() >= 0)) {
				// one position of the calculator's: its suppliers as they are (it names
				// each once), not copied
				return new SupplierTable(suppliers);
			}
			int capacity = 0;
			int largestId = -1;
			boolean ids = true;
			for (StageResult r : results) {
				capacity += r.suppliers().size();
				for (ChainComputation.SupplierWeight s : r.suppliers()) {
					ids &= s.id() >= 0;
					largestId = Math.max(largestId, s.id());
				}
			}
			SupplierTable table = new SupplierTable(capacity);
			int[] slotOfId = ids ? new int[largestId + 1] : null;
			Map<String, Integer> slotOfCode = ids ? null : new java.util.HashMap<>();
			for (StageResult r : results) {
				for (ChainComputation.SupplierWeight s : r.suppliers()) {
					// slots are stored plus one: 0 is "not seen yet"
					int slot = ids ? slotOfId[s.id()] - 1 : slotOfCode.getOrDefault(s.country(), -1);
					if (slot < 0) {
						slot = table.size++;
						table.code[slot] = s.country();
						table.share[slot] = s.share();
						table.china[slot] = s.china();
						if (ids) {
							slotOfId[s.id()] = slot + 1;
						}
						else {
							slotOfCode.put(s.country(), slot);
						}
					}
					else {
						table.share[slot] = Math.max(table.share[slot], s.share());
						table.china[slot] = Math.max(table.china[slot], s.china());
					}
				}
			}
			return table;
		}

		int size() {
			return this.size;
		}

		String code(int k) {
			return (this.single != null) ? this.single.get(k).country() : this.code[k];
		}

		double share(int k) {
			return (this.single != null) ? this.single.get(k).share() : this.share[k];
		}

		double china(int k) {
			return (this.single != null) ? this.single.get(k).china() : this.china[k];
		}

		/**
		 * Larger share first; equal shares: the one more exposed to China first, then by
		 * code (a stable order).
		 */
		int compare(int a, int b) {
			int byShare = Double.compare(share(b), share(a));
			if (byShare != 0) {
				return byShare;
			}
			int byChina = Double.compare(china(b), china(a));
			return (byChina != 0) ? byChina : code(a).compareTo(code(b));
		}

	}

	/**
	 * The holders that bought a stage at their own mix in this chain (those of all its
	 * positions): as the rows of their mixes in the stage's dense splits where it has
	 * them, in the facts' order (where they are a few of a stage's hundreds of buyers, a
	 * look-up per holder and a sort of their rows, not a walk of every row), else as
	 * codes.
	 */
	private record Bought(int[] rows, Set<String> codes) {

		static Bought of(StageFacts facts, List<StageResult> results) {
			DenseSplits dense = facts.dense();
			if (dense != null) {
				PartyIndex parties = dense.parties();
				boolean[] bought = new boolean[parties.size()];
				int count = 0;
				for (StageResult r : results) {
					count += r.ownBuyers().size();
				}
				// each buyer's row, where each has one (else the rows are walked below)
				int[] rows = new int[count];
				int n = 0;
				for (StageResult r : results) {
					// the calculator's ids where they are of this index, else the codes
					boolean byId = r.index() == parties && r.ownIds() != null;
					for (int k = 0; k < r.ownBuyers().size(); k++) {
						int id = byId ? r.ownIds()[k] : parties.id(r.ownBuyers().get(k));
						// a code not in the index has no row among the stage's mixes
						if (id >= 0 && id < bought.length && !bought[id]) {
							bought[id] = true;
							int row = dense.row(id);
							if (row >= 0) {
								rows[n++] = row;
							}
						}
					}
				}
				if (dense.oneRowEach() && n * 8L < dense.buyers().length) {
					// a few of many: their rows sorted
					rows = Arrays.copyOf(rows, n);
					Arrays.sort(rows);
					return new Bought(rows, null);
				}
				// many, or a buyer with several rows: every row of each, found by a walk
				int[] all = new int[dense.buyers().length];
				n = 0;
				for (int r = 0; r < all.length; r++) {
					if (bought[dense.buyers()[r]]) {
						all[n++] = r;
					}
				}
				return new Bought(Arrays.copyOf(all, n), null);
			}
			Set<String> codes = new java.util.HashSet<>();
			results.forEach(r -> codes.addAll(r.ownBuyers()));
			return new Bought(null, codes);
		}

		/** Whether {@code buyer} bought at its own mix (facts without dense splits). */
		boolean contains(String buyer) {
			return this.codes.contains(buyer);
		}

		/** The mixes of {@code facts} these holders bought at, in the facts' order. */
		List<ChainComputation.BuyerSplit> used(StageFacts facts) {
			List<ChainComputation.BuyerSplit> sourcing = facts.sourcing();
			if (this.rows != null) {
				List<ChainComputation.BuyerSplit> used = new ArrayList<>(this.rows.length);
				for (int row : this.rows) {
					used.add(sourcing.get(row));
				}
				return used;
			}
			List<ChainComputation.BuyerSplit> used = new ArrayList<>();
			for (ChainComputation.BuyerSplit s : sourcing) {
				if (contains(s.buyer())) {
					used.add(s);
				}
			}
			return used;
		}

	}

	/**
	 * The source a supplier's stage share comes from: the first own mix (of the buyers
	 * that bought at theirs, in the facts' order) that names it, unless the stage was
	 * bought at global shares too and the global split names it (then the global source);
	 * the global source where no mix names it. Made once per stage: a supplier costs a
	 * look-up, not a scan of every buyer's mix.
	 */
	private record Sources(Map<String, String> firstOwn, Set<String> global, String globalSource, boolean ownOnly) {

		/**
		 * The table of a stage's facts, of the mixes of {@code buyers} only (those that
		 * bought at theirs in this chain), for the {@code suppliers} of the report.
		 */
		static Sources of(StageFacts facts, Bought buyers, List<String> suppliers, String basis) {
			Map<String, String> firstOwn = new java.util.HashMap<>();
			Set<String> global = new java.util.HashSet<>();
			DenseSplits dense = facts.dense();
			if (dense != null) {
				// the same walk on the party ids (no split read as objects), ended once
				// every supplier of the report has its first mix
				PartyIndex parties = dense.parties();
				boolean[] wanted = new boolean[parties.size()];
				int missing = 0;
				for (String supplier : suppliers) {
					int id = parties.id(supplier);
					if (id >= 0 && !wanted[id]) {
						wanted[id] = true;
						missing++;
					}
				}
				for (int k = 0; k < buyers.rows().length && missing > 0; k++) {
					int r = buyers.rows()[k];
					String source = facts.sourcing().get(r).source();
					for (int id : dense.ids()[r]) {
						if (wanted[id]) {
							wanted[id] = false;
							missing--;
							firstOwn.put(parties.name(id), source);
						}
					}
				}
				// of the global split, only whether it names a supplier of the report,
				// not a set of every supplier of the world
				for (String supplier : suppliers) {
					if (dense.inGlobal(parties.id(supplier))) {
						global.add(supplier);
					}
				}
			}
			else {
				for (ChainComputation.BuyerSplit own : facts.sourcing()) {
					if (buyers.contains(own.buyer())) {
						own.split().forEach(split -> firstOwn.putIfAbsent(split.country(), own.source()));
					}
				}
				facts.global().forEach(split -> global.add(split.country()));
			}
			return new Sources(firstOwn, global, facts.globalSource(), "BUYER_SOURCING".equals(basis));
		}

		String of(String country) {
			if (this.ownOnly || !this.global.contains(country)) {
				String own = this.firstOwn.get(country);
				return own != null ? own : this.globalSource;
			}
			return this.globalSource;
		}

	}

	/**
	 * Chokepoints and sole sources: stage share at or above the threshold; largest first.
	 */
	List<SinglePointOfFailure> singlePointsOfFailure(String product, List<ItemExposure> items,
			Map<String, Double> stockpiles) {
		List<SinglePointOfFailure> result = new ArrayList<>();
		for (ItemExposure item : items) {
			for (StageSupply stage : item.stages()) {
				for (SupplierShare supplier : stage.suppliers()) {
					if (supplier.share() >= this.threshold) {
						Kind kind = supplier.share() >= 1 - SOLE_SOURCE_TOLERANCE ? Kind.SOLE_SOURCE : Kind.CHOKEPOINT;
						Alternatives alternatives = alternatives(item.item(), stage.stage(), supplier.country());
						result.add(new SinglePointOfFailure(product, item.item(), stage.stage(), supplier.country(),
								supplier.share(), kind, alternatives.listed(), alternatives.rest(),
								stockpiles.get(item.item())));
					}
				}
			}
		}
		result.sort(Comparator.comparingDouble(SinglePointOfFailure::share)
			.reversed()
			.thenComparing(SinglePointOfFailure::item)
			.thenComparing(SinglePointOfFailure::stage)
			.thenComparing(SinglePointOfFailure::country));
		return result;
	}

	/**
	 * The other suppliers of the item at the stage, largest world share first: all of
	 * them, or with {@link Detail#SUMMARY} the {@value Detail#ALTERNATIVES_LISTED}
	 * largest and every allied one, the rest counted and summed.
	 */
	private Alternatives alternatives(String item, Stage stage, String excluded) {
		StageFacts facts = factsOf(item).get(stage);
		// the global split as arrays, largest first: the dense splits' own where the
		// facts have them (the order made once per split), else sorted here
		DenseSplits dense = facts.dense();
		int n = facts.global().size();
		IntFunction<String> code;
		double[] share;
		int[] order;
		IntPredicate allied;
		IntPredicate isExcluded;
		if (dense != null) {
			PartyIndex parties = dense.parties();
			char[] ids = dense.globalIds();
			code = i -> parties.name(ids[i]);
			// on the party ids (an index's codes are distinct), not a comparison of codes
			// per supplier of the world
			int excludedId = parties.id(excluded);
			isExcluded = i -> ids[i] == excludedId;
			share = dense.globalShares();
			order = dense.globalOrder();
			// allied per supplier of the split on the party ids (a look-up per partner of
			// the consumer, once per item)
			boolean[] alliedById = alliedIds(item, parties);
			allied = i -> alliedById[ids[i]];
		}
		else {
			List<Split> global = facts.global();
			code = i -> global.get(i).country();
			share = new double[n];
			for (int i = 0; i < n; i++) {
				share[i] = global.get(i).share();
			}
			order = DenseSplits.largestFirst(share, code);
			allied = i -> this.alliances.allied(code.apply(i), item);
			isExcluded = i -> code.apply(i).equals(excluded);
		}
		// in that order: every one with FULL, else the largest and the allied ones of the
		// others
		List<Alternative> alternatives = new ArrayList<>();
		boolean[] shown = new boolean[n];
		int count = 0;
		for (int i : order) {
			if (!(share[i] > 0) || isExcluded.test(i)) {
				continue;
			}
			count++;
			boolean isAllied = allied.test(i);
			if (this.detail == Detail.FULL || count <= Detail.ALTERNATIVES_LISTED || isAllied) {
				shown[i] = true;
				String country = code.apply(i);
				alternatives
					.add(new Alternative(country, share[i], isAllied, this.alliances.agreements(country, item)));
			}
		}
		if (alternatives.size() == count) {
			return new Alternatives(alternatives, Rest.NONE);
		}
		// the rest, summed in the facts' order
		double restShare = 0;
		for (int i = 0; i < n; i++) {
			if (!shown[i] && share[i] > 0 && !isExcluded.test(i)) {
				restShare += share[i];
			}
		}
		return new Alternatives(alternatives, new Rest(count - alternatives.size(), restShare));
	}

	/**
	 * The parties of {@code parties} allied to the consumer for {@code item}, by id: made
	 * once per item and index, as every single point of failure of the item looks its
	 * alternatives up in it.
	 */
	private boolean[] alliedIds(String item, PartyIndex parties) {
		return this.alliedIds.computeIfAbsent(new AlliedKey(item, parties),
				k -> this.alliances.alliedIds(item, parties));
	}

	/** An item and the index its allied ids are of (an index is equal only to itself). */
	private record AlliedKey(String item, PartyIndex parties) {
	}

	/** The alternatives listed, and those left out. */
	private record Alternatives(List<Alternative> listed, Rest rest) {
	}

	private static String last(List<String> position) {
		return position.get(position.size() - 1);
	}

}
