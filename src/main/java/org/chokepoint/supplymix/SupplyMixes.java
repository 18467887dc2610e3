package org.chokepoint.supplymix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chokepoint.supplymix.MixFacts.Flow;
import org.chokepoint.supplymix.MixFacts.Output;
import org.chokepoint.supplymix.MixFacts.Reliance;
import org.chokepoint.supplymix.MixFacts.Row;

/**
 * Every buyer's supply mix of one (item, stage), direct and traced, for every year at
 * which the facts change (domain.md, "A buyer's supply", "Where it really comes from" and
 * "Precisely").
 *
 * <p>
 * At (buyer B, year Y) the facts are chosen among: B's {@code basis = supply} rows, the
 * trade flows of the newest trade year up to Y (one year and one source for the whole
 * stage: one cross-section), and B's {@code basis = imports} rows; the newest year first,
 * then the better source, then in that order of kinds, then the smaller source id. Flows
 * give the mix of B's own output and its imports where the output is known in tonnes of
 * the same basis (a producer missing from a production table that has quantities made
 * none); otherwise, like import rows, the import shares are scaled by B's net import
 * reliance (B supplies {@code 1 - reliance} itself; a reliance above 1 counts as 1; 0 or
 * less: B supplies itself). Without reliance, a buyer that the flows show exporting more
 * than it imports is taken to have made at least its net exports; otherwise the import
 * shares are the mix, and the kind says so. Without any of these, a buyer that imports
 * nothing in the stage's flows but has output supplies itself; any other buyer has no mix
 * (it buys at the global shares, or the stage is a gap for it). A bloc's output is its
 * members' output, its imports their imports from outside the bloc.
 */
public final class SupplyMixes {

	private SupplyMixes() {
	}

	/**
	 * Every mix of the stage: per year at which a fact starts, each buyer's direct and
	 * traced mix.
	 */
	public static List<Mix> derive(MixFacts facts) {
		TreeSet<Long> years = new TreeSet<>();
		facts.outputs().forEach(o -> years.add(o.year()));
		facts.rows().forEach(r -> years.add(r.year()));
		facts.flows().forEach(f -> years.add(f.year()));
		if (facts.mineral()) {
			facts.reliance().forEach(r -> years.add(r.year()));
		}
		Map<String, List<Row>> rowsByBuyer = new HashMap<>();
		facts.rows().forEach(r -> rowsByBuyer.computeIfAbsent(r.buyer(), k -> new ArrayList<>()).add(r));
		List<Mix> mixes = new ArrayList<>();
		for (long year : years) {
			Map<String, Mix> direct = new TreeMap<>();
			AsOf asOf = new AsOf(facts, year, rowsByBuyer);
			for (String buyer : asOf.buyers()) {
				Mix mix = asOf.mix(buyer);
				if (mix != null) {
					direct.put(buyer, mix);
				}
			}
			mixes.addAll(direct.values());
			mixes.addAll(OriginTracer.trace(direct, facts.members(), year).values());
		}
		return mixes;
	}

	/** A mix with its suppliers sorted: largest share first, then by code. */
	static Mix sorted(String buyer, Sourcing sourcing, long asOf, long dataYear, MixKind kind,
			java.util.Collection<String> sources, List<String> suppliers, List<Double> shares) {
		Integer[] order = new Integer[suppliers.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order,
				Comparator.comparingDouble((Integer i) -> -shares.get(i)).thenComparing(i -> suppliers.get(i)));
		List<String> s = new ArrayList<>(order.length);
		double[] v = new double[order.length];
		for (int k = 0; k < order.length; k++) {
			s.add(suppliers.get(order[k]));
			v[k] = shares.get(order[k]);
		}
		return new Mix(buyer, sourcing, asOf, dataYear, kind, List.copyOf(new java.util.LinkedHashSet<>(sources)), s,
				v);
	}

	/** The facts chosen as of one year. */
	private static final class AsOf {

		final MixFacts facts;

		final long year;

		final Map<String, List<Row>> rowsByBuyer;

		/**
		 * The production group chosen as of the year: per party its tonnes (null: not
		 * comparable).
		 */
		final Map<String, Double> output = new HashMap<>();

		/**
		 * Whether a production group with quantities was chosen: then a party missing
		 * from it made none.
		 */
		boolean outputInTonnes;

		long outputYear;

		String outputSource;

		/**
		 * The trade flows of the newest trade year up to the year, one source: exporter
		 * by importer.
		 */
		final Map<String, Map<String, Double>> imports = new HashMap<>();

		/**
		 * Per party, its exports in the same flows (a bloc's: its members' exports to the
		 * outside).
		 */
		final Map<String, Double> exports = new HashMap<>();

		long flowYear = -1;

		String flowSource;

		int flowRank;

		AsOf(MixFacts facts, long year, Map<String, List<Row>> rowsByBuyer) {
			this.facts = facts;
			this.year = year;
			this.rowsByBuyer = rowsByBuyer;
			chooseOutput();
			chooseFlows();
		}

		private void chooseOutput() {
			Output best = null;
			// the newest group with quantities: a group of shares alone cannot be
			// compared with flows
			for (Output o : this.facts.outputs()) {
				if (o.year() <= this.year && o.tonnes() != null && (best == null
						|| better(o.year(), o.rank(), o.source(), best.year(), best.rank(), best.source()))) {
					best = o;
				}
			}
			if (best == null) {
				return;
			}
			this.outputYear = best.year();
			this.outputSource = best.source();
			for (Output o : this.facts.outputs()) {
				if (o.year() == best.year() && o.source().equals(best.source())) {
					this.output.put(o.party(), o.tonnes());
					this.outputInTonnes |= o.tonnes() != null;
				}
			}
		}

		private void chooseFlows() {
			Flow best = null;
			for (Flow f : this.facts.flows()) {
				if (f.year() <= this.year && (best == null
						|| better(f.year(), f.rank(), f.source(), best.year(), best.rank(), best.source()))) {
					best = f;
				}
			}
			if (best == null) {
				return;
			}
			this.flowYear = best.year();
			this.flowSource = best.source();
			this.flowRank = best.rank();
			for (Flow f : this.facts.flows()) {
				if (f.year() == best.year() && f.source().equals(best.source()) && !f.exporter().equals(f.importer())
						&& f.tonnes() > 0) {
					imported(f.importer(), f.exporter(), f.tonnes());
					this.exports.merge(f.exporter(), f.tonnes(), Double::sum);
					for (Map.Entry<String, Set<String>> bloc : this.facts.members().entrySet()) {
						Set<String> members = bloc.getValue();
						boolean from = members.contains(f.exporter()) || bloc.getKey().equals(f.exporter());
						boolean to = members.contains(f.importer()) || bloc.getKey().equals(f.importer());
						// a bloc's trade: its members' trade with the outside, counted
						// once per flow
						if (to && !from) {
							imported(bloc.getKey(), f.exporter(), f.tonnes());
						}
						if (from && !to) {
							this.exports.merge(bloc.getKey(), f.tonnes(), Double::sum);
						}
					}
				}
			}
		}

		private void imported(String importer, String exporter, double tonnes) {
			this.imports.computeIfAbsent(importer, k -> new TreeMap<>()).merge(exporter, tonnes, Double::sum);
		}

		/**
		 * Every party that may have a mix: row buyers, importers, producers, and blocs of
		 * producers.
		 */
		Set<String> buyers() {
			Set<String> buyers = new TreeSet<>();
			this.facts.rows().stream().filter(r -> r.year() <= this.year).forEach(r -> buyers.add(r.buyer()));
			buyers.addAll(this.imports.keySet());
			buyers.addAll(this.output.keySet());
			this.facts.members().forEach((bloc, members) -> {
				if (members.stream().anyMatch(this.output::containsKey)) {
					buyers.add(bloc);
				}
			});
			return buyers;
		}

		/**
		 * The buyer's direct mix as of the year; null where it has none (global shares or
		 * a gap).
		 */
		Mix mix(String buyer) {
			Candidate best = null;
			Map<String, List<Row>> groups = new LinkedHashMap<>();
			for (Row r : this.rowsByBuyer.getOrDefault(buyer, List.of())) {
				if (r.year() <= this.year) {
					groups
						.computeIfAbsent(r.basis() + "\u0000" + r.year() + "\u0000" + r.source(),
								k -> new ArrayList<>())
						.add(r);
				}
			}
			for (List<Row> group : groups.values()) {
				Row first = group.get(0);
				Candidate c = new Candidate(first.year(), first.rank(),
						first.basis() == Basis.SUPPLY ? MixKind.SUPPLY_ROWS : MixKind.IMPORTS_WITH_RELIANCE,
						first.source(), group);
				best = c.betterThan(best) ? c : best;
			}
			Map<String, Double> imported = this.imports.get(buyer);
			Double own = own(buyer);
			if (imported != null) {
				Candidate c = new Candidate(this.flowYear, this.flowRank,
						own != null ? MixKind.OUTPUT_AND_IMPORTS : MixKind.IMPORTS_WITH_RELIANCE, this.flowSource,
						null);
				best = c.betterThan(best) ? c : best;
			}
			if (best == null) {
				if (this.flowYear >= 0 && own != null && own > 0) {
					return sorted(buyer, Sourcing.DIRECT, this.year, this.outputYear, MixKind.OWN_OUTPUT_ONLY,
							List.of(this.outputSource, this.flowSource), List.of(buyer), List.of(1.0));
				}
				return null;
			}
			if (best.rows != null && best.kind == MixKind.SUPPLY_ROWS) {
				return fromRows(buyer, best);
			}
			if (best.kind == MixKind.OUTPUT_AND_IMPORTS) {
				return outputAndImports(buyer, own, imported);
			}
			// import shares, from rows or from the flows, scaled by reliance where known
			Map<String, Double> shares = new LinkedHashMap<>();
			if (best.rows != null) {
				best.rows.forEach(r -> shares.merge(r.supplier(), r.share(), Double::sum));
			}
			else {
				double total = imported.values().stream().mapToDouble(Double::doubleValue).sum();
				imported.forEach((partner, tonnes) -> shares.put(partner, tonnes / total));
			}
			return scaled(buyer, best, shares, best.rows == null ? imported : null);
		}

		private Mix fromRows(String buyer, Candidate best) {
			Map<String, Double> shares = new LinkedHashMap<>();
			best.rows.forEach(r -> shares.merge(r.supplier(), r.share(), Double::sum));
			return sorted(buyer, Sourcing.DIRECT, this.year, best.year, MixKind.SUPPLY_ROWS, List.of(best.source),
					new ArrayList<>(shares.keySet()), new ArrayList<>(shares.values()));
		}

		private Mix outputAndImports(String buyer, double own, Map<String, Double> imported) {
			double total = own;
			for (double tonnes : imported.values()) {
				total += tonnes;
			}
			List<String> suppliers = new ArrayList<>();
			List<Double> shares = new ArrayList<>();
			if (own > 0) {
				suppliers.add(buyer);
				shares.add(own / total);
			}
			for (Map.Entry<String, Double> e : imported.entrySet()) {
				suppliers.add(e.getKey());
				shares.add(e.getValue() / total);
			}
			return sorted(buyer, Sourcing.DIRECT, this.year, this.flowYear, MixKind.OUTPUT_AND_IMPORTS,
					List.of(this.flowSource, this.outputSource), suppliers, shares);
		}

		/**
		 * Import shares scaled by reliance; without it, by net exports; else taken as
		 * they are.
		 */
		private Mix scaled(String buyer, Candidate best, Map<String, Double> importShares,
				Map<String, Double> importedTonnes) {
			Reliance reliance = reliance(buyer);
			List<String> sources = new ArrayList<>(List.of(best.source));
			double importPart;
			MixKind kind;
			if (reliance != null) {
				sources.add(reliance.source());
				importPart = Math.min(1.0, Math.max(0.0, reliance.share()));
				kind = importPart > 0 ? MixKind.IMPORTS_WITH_RELIANCE : MixKind.NET_EXPORTER;
			}
			else if (importedTonnes != null && this.exports.getOrDefault(buyer, 0.0) > total(importedTonnes)) {
				double imported = total(importedTonnes);
				double made = this.exports.get(buyer) - imported;
				importPart = imported / (imported + made);
				kind = MixKind.NET_EXPORTS_AS_OUTPUT;
			}
			else {
				importPart = 1.0;
				kind = MixKind.IMPORTS_ONLY;
			}
			List<String> suppliers = new ArrayList<>();
			List<Double> shares = new ArrayList<>();
			if (importPart < 1.0) {
				suppliers.add(buyer);
				shares.add(1.0 - importPart);
			}
			if (importPart > 0) {
				importShares.forEach((partner, share) -> {
					if (!partner.equals(buyer)) {
						suppliers.add(partner);
						shares.add(importPart * share);
					}
				});
			}
			return sorted(buyer, Sourcing.DIRECT, this.year, best.year, kind, sources, suppliers, shares);
		}

		private static double total(Map<String, Double> tonnes) {
			double total = 0.0;
			for (double t : tonnes.values()) {
				total += t;
			}
			return total;
		}

		/**
		 * The buyer's output in tonnes, a bloc's its members'; null where not comparable.
		 */
		private Double own(String buyer) {
			if (!this.outputInTonnes) {
				return null;
			}
			Set<String> members = this.facts.members().get(buyer);
			if (members == null) {
				return this.output.containsKey(buyer) ? this.output.get(buyer) : (Double) 0.0;
			}
			double sum = 0.0;
			for (String member : members) {
				if (this.output.containsKey(member)) {
					Double tonnes = this.output.get(member);
					if (tonnes == null) {
						return null;
					}
					sum += tonnes;
				}
			}
			return sum;
		}

		/**
		 * The buyer's reliance chosen as of the year (minerals only); null where none.
		 */
		private Reliance reliance(String buyer) {
			if (!this.facts.mineral()) {
				return null;
			}
			Reliance best = null;
			for (Reliance r : this.facts.reliance()) {
				if (r.party().equals(buyer) && r.year() <= this.year && (best == null
						|| better(r.year(), r.rank(), r.source(), best.year(), best.rank(), best.source()))) {
					best = r;
				}
			}
			return best;
		}

	}

	/** Newer, then better source, then smaller source id. */
	static boolean better(long year, int rank, String source, long thanYear, int thanRank, String thanSource) {
		if (year != thanYear) {
			return year > thanYear;
		}
		if (rank != thanRank) {
			return rank < thanRank;
		}
		return source.compareTo(thanSource) < 0;
	}

	/** Facts a buyer's mix may be made of; {@code rows} null for the trade flows. */
	private record Candidate(long year, int rank, MixKind kind, String source, List<Row> rows) {

		boolean betterThan(Candidate other) {
			if (other == null) {
				return true;
			}
			if (this.year != other.year) {
				return this.year > other.year;
			}
			if (this.rank != other.rank) {
				return this.rank < other.rank;
			}
			if (this.kind != other.kind) {
				return this.kind.ordinal() < other.kind.ordinal();
			}
			return this.source.compareTo(other.source) < 0;
		}

	}

}
