package org.chokepoint.supplychain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.chokepoint.web.NotFoundException;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Checks the keys an analysis is asked about, and lists what can be analysed. Once a
 * {@link ChainProjection} serves, the keys, minerals and stockpiles come from its
 * {@link ReferenceFacts} (no database read); before, what it reads is kept per data
 * version in the {@value CachingConfiguration#CATALOGUE} cache: an analysis does not ask
 * the database again what one of the same version asked.
 */
@Component
class Catalogue {

	private final Neo4jClient client;

	private final Cache known;

	private final ChainProjections projections;

	Catalogue(Neo4jClient client, CacheManager caches, ChainProjections projections) {
		this.client = client;
		this.known = caches.getCache(CachingConfiguration.CATALOGUE);
		this.projections = projections;
	}

	void requireProduct(String id) {
		require("MATCH (n:Product {id: $key}) RETURN count(n) AS found", ReferenceFacts::products, id, "product");
	}

	void requireConsumer(String code) {
		require("MATCH (n:Party {code: $key}) RETURN count(n) AS found", ReferenceFacts::parties, code,
				"country or bloc");
	}

	void requireMineral(String id) {
		require("MATCH (n:Mineral {id: $key}) RETURN count(n) AS found", ReferenceFacts::minerals, id, "mineral");
	}

	private void require(String query, Function<ReferenceFacts, Set<String>> keys, String key, String kind) {
		ChainProjection projection = this.projections.serving();
		boolean found = (projection != null) ? keys.apply(projection.reference()).contains(key)
				: Boolean.TRUE.equals(this.known.get(new SimpleKey(this.projections.servedVersion(), query, key),
						() -> this.client.query(query).bind(key).to("key").fetchAs(Long.class).one().orElse(0L) > 0));
		if (!found) {
			throw new NotFoundException(kind, key);
		}
	}

	/** Every product id, in id order: the projection's while one serves. */
	List<String> products() {
		ChainProjection projection = this.projections.serving();
		if (projection != null) {
			return List.copyOf(new TreeSet<>(projection.reference().products()));
		}
		return List
			.copyOf(this.client.query("MATCH (p:Product) RETURN p.id AS id ORDER BY id").fetchAs(String.class).all());
	}

	@Cacheable(cacheNames = CachingConfiguration.CATALOGUE, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	Set<String> minerals() {
		ChainProjection projection = this.projections.serving();
		return (projection != null) ? projection.reference().minerals()
				: Set.copyOf(this.client.query("MATCH (m:Mineral) RETURN m.id AS id").fetchAs(String.class).all());
	}

	/** Per product, the items of its bill of materials, itself included. */
	Map<String, List<String>> billsOfMaterials() {
		return this.client.query("""
				MATCH (p:Product)
				RETURN p.id AS product,
				       COLLECT { MATCH (p)-[:REQUIRES*0..12]->(i:Item) RETURN DISTINCT i.id } AS items
				""")
			.fetch()
			.all()
			.stream()
			.collect(java.util.stream.Collectors.toMap(r -> (String) r.get("product"), r -> {
				@SuppressWarnings("unchecked")
				List<String> items = (List<String>) r.get("items");
				return items;
			}));
	}

	/** The consumer's stockpiles: mineral id to days of cover. */
	@Cacheable(cacheNames = CachingConfiguration.CATALOGUE, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	Map<String, Double> stockpileDaysOfCover(String consumer, int year) {
		ChainProjection projection = this.projections.serving();
		if (projection != null) {
			return projection.reference().stockpileDaysOfCover(consumer, year);
		}
		return stockpileDaysOfCoverCypher(consumer, year);
	}

	/**
	 * By running stockpile.cypher (for the parity tests, and before the first
	 * projection).
	 */
	Map<String, Double> stockpileDaysOfCoverCypher(String consumer, int year) {
		return this.client.query(org.chokepoint.database.CypherFile.load("stockpile"))
			.bindAll(Map.of("consumer", consumer, "year", year))
			.fetch()
			.all()
			.stream()
			.collect(java.util.stream.Collectors.toUnmodifiableMap(r -> (String) r.get("mineral"),
					r -> ((Number) r.get("daysOfCover")).doubleValue()));
	}

}
