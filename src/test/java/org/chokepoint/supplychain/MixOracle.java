package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.chokepoint.supplychain.OracleFacts.Flow;
import org.chokepoint.supplychain.OracleFacts.Production;
import org.chokepoint.supplychain.OracleFacts.Reliance;

/**
 * An independent reading of domain.md's "A buyer's supply", "Where it really comes from"
 * and "Precisely" (with the lead's choices where the text is open): a buyer's direct mix,
 * its traced mix and the global shares of an (item, stage) as of a year, computed from
 * the rows themselves, one question at a time, with no shared code with
 * {@code supplymix}. Tracing is solved by fixed-point iteration of {@code O = R + Q O}
 * from 0 (the production code eliminates), which converges to the absorption
 * probabilities of the absorbing chain and leaves at 0 what can never reach a producer.
 *
 * <p>
 * A mix is a map supplier -> share; what its shares leave of 1 is the unknown supplier.
 * Zero shares are left out (they weigh nothing in any figure).
 */
final class MixOracle {

	/**
	 * The kinds in the order they are preferred among candidates of the same year and
	 * source rank.
	 */
	private static final int SUPPLY_ROWS = 0;

	private static final int FLOWS = 1;

	private static final int IMPORT_ROWS = 2;

	private final OracleFacts facts;

	private final Map<String, Map<String, Double>> directCache = new HashMap<>();

	private final Map<String, Map<String, Map<String, Double>>> tracedCache = new HashMap<>();

	private final Map<String, Optional<Map<String, Double>>> globalCache = new HashMap<>();

	MixOracle(OracleFacts facts) {
		this.facts = facts;
	}

	/** A chosen group of facts: its year, source and rank. */
	private record Pick(int year, String source, int rank, int kind) {

		static final Comparator<Pick> BEST_FIRST = Comparator.comparingInt((Pick p) -> -p.year)
			.thenComparingInt(Pick::rank)
			.thenComparingInt(Pick::kind)
			.thenComparing(Pick::source);

	}

	// ---- global shares
	// -------------------------------------------------------------------------

	/**
	 * The global shares of (item, stage) as of {@code year}: the production group (year,
	 * source) of the newest year up to it, then the better source, then the smaller id,
	 * among groups that give at least one numeric share (a quantity over the source's
	 * world total, or over the group's sum where it gives none; or a published share).
	 * Null where there is none.
	 */
	Map<String, Double> global(String item, String stage, int year) {
		return this.globalCache
			.computeIfAbsent(item + "/" + stage + "/" + year,
					k -> Optional.ofNullable(computeGlobal(item, stage, year)))
			.orElse(null);
	}

	private Map<String, Double> computeGlobal(String item, String stage, int year) {
		Pick best = null;
		for (Pick group : productionGroups(item, stage, year)) {
			if (!sharesOf(item, stage, group).isEmpty() && (best == null || Pick.BEST_FIRST.compare(group, best) < 0)) {
				best = group;
			}
		}
		return best == null ? null : sharesOf(item, stage, best);
	}

	private List<Pick> productionGroups(String item, String stage, int year) {
		Map<String, Pick> groups = new LinkedHashMap<>();
		for (Production p : this.facts.production) {
			if (p.item().equals(item) && p.stage().equals(stage) && p.year() <= year) {
				groups.putIfAbsent(p.year() + "/" + p.source(),
						new Pick(p.year(), p.source(), this.facts.rank(p.source()), 0));
			}
		}
		return new ArrayList<>(groups.values());
	}

	private List<Production> rowsOf(String item, String stage, Pick group) {
		return this.facts.production.stream()
			.filter(p -> p.item().equals(item) && p.stage().equals(stage) && p.year() == group.year()
					&& p.source().equals(group.source()))
			.toList();
	}

	private Map<String, Double> sharesOf(String item, String stage, Pick group) {
		List<Production> rows = rowsOf(item, stage, group);
		Double total = this.facts.worldTotals.stream()
			.filter(t -> t.item().equals(item) && t.stage().equals(stage) && t.year() == group.year()
					&& t.source().equals(group.source()))
			.map(t -> t.quantity())
			.findFirst()
			.orElse(null);
		if (total == null) {
			double sum = 0;
			for (Production p : rows) {
				sum += p.quantity() == null ? 0 : p.quantity();
			}
			total = sum;
		}
		Map<String, Double> shares = new TreeMap<>();
		for (Production p : rows) {
			if (p.share() != null) {
				shares.put(p.country(), p.share());
			}
			else if (p.quantity() != null && total > 0) {
				shares.put(p.country(), p.quantity() / total);
			}
		}
		return shares;
	}

	// ---- own output
	// ----------------------------------------------------------------------------

	/**
	 * The party's output in tonnes as of {@code year}, from the newest production group
	 * with quantities (then the better source, then the smaller id): a country absent
	 * from it made 0, one listed without a quantity is not comparable (null); a bloc's
	 * output is its members'. Null without such a group.
	 */
	Double ownTonnes(String party, String item, String stage, int year) {
		Pick best = null;
		for (Pick group : productionGroups(item, stage, year)) {
			boolean quantities = rowsOf(item, stage, group).stream().anyMatch(p -> tonnes(p) != null);
			if (quantities && (best == null || Pick.BEST_FIRST.compare(group, best) < 0)) {
				best = group;
			}
		}
		if (best == null) {
			return null;
		}
		List<Production> rows = rowsOf(item, stage, best);
		Set<String> members = this.facts.blocs.getOrDefault(party, Set.of(party));
		double sum = 0;
		for (String member : members) {
			for (Production p : rows) {
				if (p.country().equals(member)) {
					Double t = tonnes(p);
					if (t == null) {
						return null;
					}
					sum += t;
				}
			}
		}
		return sum;
	}

	/**
	 * A quantity in tonnes: the leading mass word of the unit, written out here on its
	 * own.
	 */
	static Double tonnes(Production p) {
		if (p.quantity() == null || p.unit() == null) {
			return null;
		}
		String unit = p.unit().trim().toLowerCase(Locale.ROOT);
		String[] words = unit.split("\\s+");
		double factor;
		if (unit.startsWith("thousand t") || words[0].equals("kt")) {
			factor = 1000;
		}
		else if (unit.startsWith("million t") || words[0].equals("mt")) {
			factor = 1e6;
		}
		else if (words[0].equals("kg")) {
			factor = 1e-3;
		}
		else if (words[0].equals("t") || words[0].startsWith("tonne")) {
			factor = 1;
		}
		else {
			return null;
		}
		return p.quantity() * factor;
	}

	// ---- trade flows
	// ---------------------------------------------------------------------------

	/**
	 * The flows of the stage's cross-section as of {@code year}: newest year, better
	 * source, smaller id.
	 */
	private List<Flow> crossSection(String item, String stage, int year) {
		Pick best = null;
		for (Flow f : this.facts.flows) {
			if (f.item().equals(item) && f.stage().equals(stage) && f.year() <= year) {
				Pick p = new Pick(f.year(), f.source(), this.facts.rank(f.source()), 0);
				if (best == null || Pick.BEST_FIRST.compare(p, best) < 0) {
					best = p;
				}
			}
		}
		if (best == null) {
			return null;
		}
		Pick chosen = best;
		return this.facts.flows.stream()
			.filter(f -> f.item().equals(item) && f.stage().equals(stage) && f.year() == chosen.year()
					&& f.source().equals(chosen.source()))
			.toList();
	}

	/**
	 * The party's imports by partner in the flows; a bloc's are its members' imports from
	 * outside it.
	 */
	private Map<String, Double> importsOf(String party, List<Flow> flows) {
		Set<String> members = this.facts.blocs.getOrDefault(party, Set.of(party));
		Map<String, Double> imports = new TreeMap<>();
		for (Flow f : flows) {
			if (members.contains(f.importer()) && !members.contains(f.exporter())) {
				imports.merge(f.exporter(), f.tonnes(), Double::sum);
			}
		}
		return imports;
	}

	/**
	 * The party's exports to anyone in the flows (a bloc's: its members' to outside it).
	 */
	private double exportsOf(String party, List<Flow> flows) {
		Set<String> members = this.facts.blocs.getOrDefault(party, Set.of(party));
		double sum = 0;
		for (Flow f : flows) {
			if (members.contains(f.exporter()) && !members.contains(f.importer())) {
				sum += f.tonnes();
			}
		}
		return sum;
	}

	// ---- the direct mix
	// ------------------------------------------------------------------------

	/**
	 * The party's direct mix of (item, stage) as of {@code year}; null where it has none.
	 */
	Map<String, Double> direct(String party, String item, String stage, int year) {
		String key = party + "/" + item + "/" + stage + "/" + year;
		if (this.directCache.containsKey(key)) {
			return this.directCache.get(key);
		}
		Map<String, Double> mix = computeDirect(party, item, stage, year);
		this.directCache.put(key, mix);
		return mix;
	}

	private Map<String, Double> computeDirect(String party, String item, String stage, int year) {
		List<Pick> candidates = new ArrayList<>();
		Map<String, Map<String, Double>> rowGroups = new HashMap<>();
		for (OracleFacts.Sourcing r : this.facts.sourcing) {
			if (r.buyer().equals(party) && r.item().equals(item) && r.stage().equals(stage) && r.year() <= year) {
				int kind = r.basis().equals("supply") ? SUPPLY_ROWS : IMPORT_ROWS;
				Pick p = new Pick(r.year(), r.source(), this.facts.rank(r.source()), kind);
				rowGroups.computeIfAbsent(p.toString(), k -> new TreeMap<>())
					.merge(r.supplier(), r.share(), Double::sum);
				if (!candidates.contains(p)) {
					candidates.add(p);
				}
			}
		}
		List<Flow> flows = crossSection(item, stage, year);
		Map<String, Double> imports = flows == null ? Map.of() : importsOf(party, flows);
		if (!imports.isEmpty()) {
			Flow first = flows.get(0);
			candidates.add(new Pick(first.year(), first.source(), this.facts.rank(first.source()), FLOWS));
		}
		if (candidates.isEmpty()) {
			Double own = ownTonnes(party, item, stage, year);
			if (flows != null && own != null && own > 0) {
				return Map.of(party, 1.0); // the stage's flows show no imports of a
											// producer: it supplies itself
			}
			return null;
		}
		candidates.sort(Pick.BEST_FIRST);
		Pick best = candidates.get(0);
		if (best.kind() == SUPPLY_ROWS) {
			return positive(rowGroups.get(best.toString()));
		}
		if (best.kind() == IMPORT_ROWS) {
			return scaled(party, item, year, rowGroups.get(best.toString()), null);
		}
		double imported = 0;
		for (double t : imports.values()) {
			imported += t;
		}
		Double own = ownTonnes(party, item, stage, year);
		if (own != null) {
			double total = own + imported;
			Map<String, Double> mix = new TreeMap<>();
			mix.put(party, own / total);
			imports.forEach((partner, t) -> mix.put(partner, t / total));
			return positive(mix);
		}
		Map<String, Double> shares = new TreeMap<>();
		double sum = imported;
		imports.forEach((partner, t) -> shares.put(partner, t / sum));
		double[] tradeBalance = { exportsOf(party, flows), imported };
		return scaled(party, item, year, shares, tradeBalance);
	}

	/**
	 * Import shares made supply shares: by the newest reliance (minerals only; above 1
	 * counts as 1; 0 or less: the party supplies itself); without one, where the flows
	 * show more exports E than imports I, the party's own part is (E - I) / E; else the
	 * import shares as they are.
	 */
	private Map<String, Double> scaled(String party, String item, int year, Map<String, Double> importShares,
			double[] exportsImports) {
		Reliance reliance = null;
		if (this.facts.isMineral(item)) {
			for (Reliance r : this.facts.reliance) {
				if (r.party().equals(party) && r.mineral().equals(item) && r.year() <= year) {
					if (reliance == null || r.year() > reliance.year()
							|| (r.year() == reliance.year()
									&& (this.facts.rank(r.source()) < this.facts.rank(reliance.source())
											|| (this.facts.rank(r.source()) == this.facts.rank(reliance.source())
													&& r.source().compareTo(reliance.source()) < 0)))) {
						reliance = r;
					}
				}
			}
		}
		double importPart;
		if (reliance != null) {
			importPart = Math.min(1.0, reliance.share());
			if (importPart <= 0) {
				return Map.of(party, 1.0);
			}
		}
		else if (exportsImports != null && exportsImports[0] > exportsImports[1]) {
			importPart = exportsImports[1] / exportsImports[0];
		}
		else {
			return positive(importShares);
		}
		Map<String, Double> mix = new TreeMap<>();
		mix.put(party, 1.0 - importPart);
		double part = importPart;
		importShares.forEach((partner, s) -> mix.merge(partner, part * s, Double::sum));
		return positive(mix);
	}

	private static Map<String, Double> positive(Map<String, Double> mix) {
		Map<String, Double> result = new TreeMap<>();
		mix.forEach((k, v) -> {
			if (v > 0) {
				result.put(k, v);
			}
		});
		return result;
	}

	// ---- the traced mix
	// ------------------------------------------------------------------------

	/**
	 * The party's traced mix of (item, stage) as of {@code year}; null where it has no
	 * direct mix.
	 */
	Map<String, Double> traced(String party, String item, String stage, int year) {
		String key = item + "/" + stage + "/" + year;
		Map<String, Map<String, Double>> all = this.tracedCache.get(key);
		if (all == null) {
			all = traceAll(item, stage, year);
			this.tracedCache.put(key, all);
		}
		return all.get(party);
	}

	/**
	 * Every party's origin mix: O(B) = R(B) + sum over traced partners p of share(B, p)
	 * O(p), where R(B) is what B's mix takes straight from producers (B itself, a member
	 * of bloc B, a partner without a mix). Iterated from O = 0 until no share moves by
	 * more than 1e-17 (a closed loop of traders stays at 0: its weight ends at the
	 * unknown supplier).
	 */
	private Map<String, Map<String, Double>> traceAll(String item, String stage, int year) {
		Map<String, Map<String, Double>> direct = new TreeMap<>();
		for (String party : this.facts.parties()) {
			Map<String, Double> mix = direct(party, item, stage, year);
			if (mix != null) {
				direct.put(party, mix);
			}
		}
		Map<String, Map<String, Double>> absorbed = new TreeMap<>();
		Map<String, Map<String, Double>> passOn = new TreeMap<>();
		direct.forEach((buyer, mix) -> {
			Set<String> members = this.facts.blocs.getOrDefault(buyer, Set.of());
			Map<String, Double> r = new TreeMap<>();
			Map<String, Double> q = new TreeMap<>();
			mix.forEach((supplier, share) -> {
				if (supplier.equals(buyer) || members.contains(supplier) || !direct.containsKey(supplier)) {
					r.merge(supplier, share, Double::sum);
				}
				else {
					q.merge(supplier, share, Double::sum);
				}
			});
			absorbed.put(buyer, r);
			passOn.put(buyer, q);
		});
		Map<String, Map<String, Double>> origin = new TreeMap<>();
		direct.keySet().forEach(b -> origin.put(b, new TreeMap<>()));
		for (int iteration = 0; iteration < 1_000_000; iteration++) {
			Map<String, Map<String, Double>> next = new TreeMap<>();
			double moved = 0;
			for (String buyer : direct.keySet()) {
				Map<String, Double> o = new TreeMap<>(absorbed.get(buyer));
				passOn.get(buyer)
					.forEach((partner, share) -> origin.get(partner)
						.forEach((producer, s) -> o.merge(producer, share * s, Double::sum)));
				for (Map.Entry<String, Double> e : o.entrySet()) {
					moved = Math.max(moved, Math.abs(e.getValue() - origin.get(buyer).getOrDefault(e.getKey(), 0.0)));
				}
				next.put(buyer, o);
			}
			origin.clear();
			origin.putAll(next);
			if (moved < 1e-16 && iteration > 0) {
				break;
			}
		}
		Map<String, Map<String, Double>> result = new TreeMap<>();
		origin.forEach((b, o) -> result.put(b, positive(o)));
		return result;
	}

	/** The mix of the given sourcing ({@code traced} or {@code direct}). */
	Map<String, Double> mix(String sourcing, String party, String item, String stage, int year) {
		return sourcing.equals("traced") ? traced(party, item, stage, year) : direct(party, item, stage, year);
	}

}
