package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.NotFoundException;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * A consumer's chain of a product: the facts of its items, from the in-memory
 * {@link ChainProjection} (or, before the first is built, from chain-facts.cypher,
 * {@link ChainFactsQuery}), computed stage by stage in Java ({@link ChainCalculator}).
 * Gives what chain.cypher gives in one query (parity tests hold them equal).
 */
@Component
class ChainQuery {

	private final Neo4jClient client;

	private final ChainFactsQuery facts;

	private final ChainProjections projections;

	ChainQuery(Neo4jClient client, ChainFactsQuery facts, ChainProjections projections) {
		this.client = client;
		this.facts = facts;
		this.projections = projections;
	}

	/**
	 * The chain of {@code product} for {@code consumer} in {@code year}, on the buyers'
	 * {@code sourcing} mixes, under the given cuts (none: as is); computed once per data
	 * version.
	 */
	@Cacheable(cacheNames = CachingConfiguration.ANALYSES, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	ChainComputation run(String product, String consumer, int year, Sourcing sourcing, List<Cut> cuts) {
		ChainProjection projection = this.projections.serving();
		if (projection != null) {
			return compute(projection, product, consumer, year, sourcing, cuts);
		}
		return compute(product, consumer, this.facts.load(product, year, sourcing), cuts, blocs());
	}

	/** As {@link #run}, from {@code projection}, without the cache. */
	static ChainComputation compute(ChainProjection projection, String product, String consumer, int year,
			Sourcing sourcing, List<Cut> cuts) {
		return compute(product, consumer, projection.items(product, year, sourcing), cuts, projection.blocs());
	}

	private static ChainComputation compute(String product, String consumer, Map<String, ChainCalculator.Item> items,
			List<Cut> cuts, Map<String, Set<String>> blocs) {
		if (items.isEmpty()) {
			// the callers checked the key; an import that removed the product since then
			// lands here
			throw new NotFoundException("product", product);
		}
		return ChainCalculator.compute(product, consumer, items, withBlocMembers(cuts, blocs), blocs);
	}

	/** Per bloc, its member countries. */
	private Map<String, Set<String>> blocs() {
		Map<String, Set<String>> blocs = new HashMap<>();
		this.client.query("""
				MATCH (member:Country)-[:MEMBER_OF]->(bloc:Bloc)
				RETURN bloc.code AS bloc, collect(member.iso3) AS members
				""").fetch().all().forEach(row -> {
			@SuppressWarnings("unchecked")
			List<String> members = (List<String>) row.get("members");
			blocs.put((String) row.get("bloc"), Set.copyOf(members));
		});
		return Map.copyOf(blocs);
	}

	/** A cut that targets a bloc targets its members too (chain.cypher's rule). */
	private static List<Cut> withBlocMembers(List<Cut> cuts, Map<String, Set<String>> blocs) {
		List<Cut> result = new ArrayList<>();
		for (Cut cut : cuts) {
			if (cut.targets().isEmpty()) {
				result.add(cut);
				continue;
			}
			List<String> targets = new ArrayList<>(cut.targets());
			for (String target : cut.targets()) {
				targets.addAll(new java.util.TreeSet<>(blocs.getOrDefault(target, Set.of())));
			}
			result.add(new Cut(cut.country(), cut.items(), cut.stages(), targets, cut.fraction()));
		}
		return result;
	}

}
