package org.chokepoint.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * The chain metrics of domain.md computed in plain Java over facts loaded once: the floor the
 * Cypher computation is measured against, and its independent check (same fact rules, written
 * separately: newest year up to the analysis year, then best source quality, then smallest source
 * id; a buyer's own sourcing replaces the global split at every depth).
 */
public final class InMemoryChain {

	static final String CHINA = "CHN";

	/** A split: supplier codes and their shares. */
	record Split(String[] countries, double[] shares, double remainder) {
	}

	/** Per item and stage: the global split and the buyers' own. */
	record StageFacts(String stage, Split global, Map<String, Split> own) {
	}

	/** Figures of one input chain. */
	public record Figures(String item, double chinaExposure, double unknownShare, double chinaFreeShare, double paths) {
	}

	/**
	 * The result.
	 *
	 * @param product the worst input chain's figures (the product's)
	 * @param inputs per leaf position
	 * @param itemWorst per item: its worst input chain below it
	 * @param stageShares per "item|stage|country", the largest stage share over the item's positions
	 * @param paths the number of supply paths, all input chains together
	 */
	public record Result(Figures product, List<Figures> inputs, Map<String, Figures> itemWorst,
			Map<String, Double> stageShares, double paths) {
	}

	private final Map<String, List<String>> bom;

	private final Map<String, List<StageFacts>> facts;

	private InMemoryChain(Map<String, List<String>> bom, Map<String, List<StageFacts>> facts) {
		this.bom = bom;
		this.facts = facts;
	}

	/** Loads the bill of materials below {@code product} and the facts of its items, for {@code year}. */
	public static InMemoryChain load(Driver driver, String product, int year) {
		try (Session session = driver.session()) {
			Map<String, List<String>> bom = new HashMap<>();
			List<String> items = new ArrayList<>();
			session.run("""
					MATCH (p:Product {id: $product})-[:REQUIRES*0..12]->(i:Item)
					WITH DISTINCT i
					RETURN i.id AS item, i:Product AS product,
					       COLLECT { MATCH (i)-[:REQUIRES]->(x:Item) RETURN DISTINCT x.id ORDER BY x.id } AS inputs
					""", Map.of("product", product)).forEachRemaining(r -> {
				items.add(r.get("item").asString());
				bom.put(r.get("item").asString(), r.get("inputs").asList(v -> v.asString()));
			});
			Map<String, List<StageFacts>> facts = new HashMap<>();
			for (String item : items) {
				facts.put(item, stages(session, item, year, !bom.get(item).isEmpty() || isProduct(session, item)));
			}
			return new InMemoryChain(bom, facts);
		}
	}

	private static boolean isProduct(Session session, String item) {
		return session.run("MATCH (p:Product {id: $id}) RETURN count(p) > 0 AS p", Map.of("id", item)).single().get("p").asBoolean();
	}

	private static List<StageFacts> stages(Session session, String item, int year, boolean product) {
		// chosen group per (buyer or '' for global, stage): the best (year, quality, source)
		Map<String, Object[]> best = new HashMap<>();
		Map<String, Map<String, Double>> splits = new HashMap<>();
		session.run("""
				MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(:Item {id: $item})
				WHERE f.year <= $year AND f.share IS NOT NULL
				RETURN '' AS buyer, type(f) AS type, f.year AS year, f.source AS source, x.iso3 AS supplier, f.share AS share,
				       COUNT { MATCH (s:Source {id: f.source}) WHERE s.quality = 'official' } AS official,
				       COUNT { MATCH (s:Source {id: f.source}) WHERE s.quality = 'secondary' } AS secondary
				UNION ALL
				// by (item, stage): the relationship index on both, rather than a scan of every SOURCES
				UNWIND ['MINING', 'REFINING', 'MANUFACTURING'] AS stage
				MATCH (b:Party)-[f:SOURCES]->(x:Party)
				WHERE f.item = $item AND f.stage = stage AND f.year <= $year
				RETURN b.code AS buyer, f.stage AS type, f.year AS year, f.source AS source, x.code AS supplier, f.share AS share,
				       COUNT { MATCH (s:Source {id: f.source}) WHERE s.quality = 'official' } AS official,
				       COUNT { MATCH (s:Source {id: f.source}) WHERE s.quality = 'secondary' } AS secondary
				""", Map.of("item", item, "year", year)).forEachRemaining(r -> {
			String stage = switch (r.get("type").asString()) {
				case "MINES" -> "MINING";
				case "REFINES" -> "REFINING";
				case "MANUFACTURES" -> "MANUFACTURING";
				default -> r.get("type").asString();
			};
			String key = r.get("buyer").asString() + "|" + stage;
			int rank = r.get("official").asLong() > 0 ? 0 : r.get("secondary").asLong() > 0 ? 1 : 2;
			Object[] group = { r.get("year").asLong(), rank, r.get("source").asString() };
			Object[] current = best.get(key);
			int cmp = current == null ? -1 : compare(group, current);
			if (cmp < 0) {
				best.put(key, group);
				splits.put(key, new LinkedHashMap<>());
			}
			if (cmp <= 0) {
				splits.get(key).merge(r.get("supplier").asString(), r.get("share").asDouble(), Double::sum);
			}
		});
		List<StageFacts> result = new ArrayList<>();
		for (String stage : product ? List.of("MANUFACTURING") : List.of("REFINING", "MINING")) {
			Split global = null;
			Map<String, Split> own = new HashMap<>();
			for (Map.Entry<String, Map<String, Double>> e : splits.entrySet()) {
				String[] key = e.getKey().split("\\|", -1);
				if (!key[1].equals(stage)) {
					continue;
				}
				Split split = split(e.getValue());
				if (key[0].isEmpty()) {
					global = split;
				}
				else {
					own.put(key[0], split);
				}
			}
			if (global != null || !own.isEmpty()) {
				result.add(new StageFacts(stage, global != null ? global : new Split(new String[0], new double[0], 1.0), own));
			}
		}
		return result;
	}

	private static int compare(Object[] a, Object[] b) {
		int year = Long.compare((Long) b[0], (Long) a[0]);
		if (year != 0) {
			return year;
		}
		int rank = Integer.compare((Integer) a[1], (Integer) b[1]);
		return rank != 0 ? rank : ((String) a[2]).compareTo((String) b[2]);
	}

	private static Split split(Map<String, Double> shares) {
		String[] countries = shares.keySet().toArray(new String[0]);
		double[] values = new double[countries.length];
		double sum = 0;
		for (int i = 0; i < countries.length; i++) {
			values[i] = shares.get(countries[i]);
			sum += values[i];
		}
		return new Split(countries, values, Math.max(0, 1 - sum));
	}

	/** Holders: country -> {w, t, paths}. */
	private record State(Map<String, double[]> holders, double unknownTouched, double unknownClean, double endedPaths) {
	}

	/** Computes the chain of the loaded product for {@code consumer}: stage by stage, linear in the facts. */
	public Result compute(String product, String consumer) {
		List<Figures> inputs = new ArrayList<>();
		Map<String, Figures> itemWorst = new HashMap<>();
		Map<String, Double> stageShares = new HashMap<>();
		Map<String, double[]> start = new HashMap<>();
		start.put(consumer, new double[] { 1.0, 0.0, 1.0 });
		walk(product, new State(start, 0, 0, 0), inputs, itemWorst, stageShares, new ArrayList<>());
		Figures worst = inputs.stream().reduce((a, b) -> worse(a, b) ? a : b).orElse(null);
		double paths = inputs.stream().mapToDouble(Figures::paths).sum();
		return new Result(worst, inputs, itemWorst, stageShares, paths);
	}

	private static boolean worse(Figures a, Figures b) {
		return a.chinaExposure() > b.chinaExposure()
				|| (a.chinaExposure() == b.chinaExposure() && a.chinaFreeShare() < b.chinaFreeShare());
	}

	private void walk(String item, State state, List<Figures> inputs, Map<String, Figures> itemWorst,
			Map<String, Double> stageShares, List<String> ancestors) {
		for (StageFacts stage : this.facts.getOrDefault(item, List.of())) {
			state = step(item, stage, state, stageShares);
		}
		List<String> children = this.bom.getOrDefault(item, List.of());
		List<String> line = new ArrayList<>(ancestors);
		line.add(item);
		if (children.isEmpty()) {
			double w = 0;
			double t = 0;
			double paths = state.endedPaths();
			for (double[] h : state.holders().values()) {
				w += h[0];
				t += h[1];
				paths += h[2];
			}
			double remaining = w + state.unknownTouched() + state.unknownClean();
			double china = t + state.unknownTouched();
			Figures figures = new Figures(item, china / remaining, state.unknownClean() / remaining,
					1 - (china + state.unknownClean()) / remaining, paths);
			inputs.add(figures);
			for (String above : line) {
				itemWorst.merge(above, figures, (a, b) -> worse(a, b) ? a : b);
			}
			return;
		}
		for (String child : children) {
			walk(child, state, inputs, itemWorst, stageShares, line);
		}
	}

	private static State step(String item, StageFacts stage, State state, Map<String, Double> stageShares) {
		Map<String, double[]> next = new HashMap<>();
		double unknownTouched = state.unknownTouched();
		double unknownClean = state.unknownClean();
		double ended = state.endedPaths();
		for (Map.Entry<String, double[]> holder : state.holders().entrySet()) {
			double[] h = holder.getValue();
			Split split = stage.own().getOrDefault(holder.getKey(), stage.global());
			for (int i = 0; i < split.countries().length; i++) {
				double[] n = next.computeIfAbsent(split.countries()[i], k -> new double[3]);
				double s = split.shares()[i];
				n[0] += h[0] * s;
				n[1] += (CHINA.equals(split.countries()[i]) ? h[0] : h[1]) * s;
				n[2] += h[2];
			}
			if (split.remainder() > 0) {
				unknownTouched += h[1] * split.remainder();
				unknownClean += (h[0] - h[1]) * split.remainder();
				ended += h[2];
			}
		}
		next.forEach((country, n) -> stageShares.merge(item + "|" + stage.stage() + "|" + country, n[0], Math::max));
		return new State(next, unknownTouched, unknownClean, ended);
	}

}
