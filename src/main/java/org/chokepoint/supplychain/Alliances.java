package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.chokepoint.database.CypherFile;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The consumer's agreements in force and their partners: from the serving
 * {@link ChainProjection}'s {@link ReferenceFacts}, else (before the first projection) by
 * running {@code cypher/queries/allies.cypher}, which gives the same.
 */
@Component
class Alliances {

	private static final String ALLIES = CypherFile.load("allies");

	private final Neo4jClient client;

	private final ChainProjections projections;

	Alliances(Neo4jClient client, ChainProjections projections) {
		this.client = client;
		this.projections = projections;
	}

	/**
	 * The consumer's agreements in force on {@code asOf}; kept per data version in the
	 * {@value CachingConfiguration#CATALOGUE} cache.
	 */
	@Cacheable(cacheNames = CachingConfiguration.CATALOGUE, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	Of of(String consumer, LocalDate asOf, Set<String> minerals) {
		ChainProjection projection = this.projections.serving();
		if (projection != null) {
			return projection.reference().alliances(consumer, asOf, minerals);
		}
		return ofCypher(consumer, asOf, minerals);
	}

	/**
	 * By running allies.cypher (for the parity tests, and before the first projection).
	 */
	Of ofCypher(String consumer, LocalDate asOf, Set<String> minerals) {
		List<Agreement> agreements = this.client.query(ALLIES)
			.bindAll(Map.of("consumer", consumer, "asOf", asOf))
			.fetchAs(Agreement.class)
			.mappedBy((types, record) -> new Agreement(record.get("agreement").asString(),
					record.get("criticalMinerals").asBoolean(),
					Set.copyOf(record.get("items").asList(v -> v.asString())),
					Set.copyOf(record.get("partners").asList(v -> v.asString()))))
			.all()
			.stream()
			.toList();
		return new Of(consumer, agreements, minerals);
	}

	/** An agreement in force: what it covers and with whom. */
	record Agreement(String id, boolean criticalMinerals, Set<String> items, Set<String> partners) {
	}

	/**
	 * The alliances of one consumer.
	 *
	 * @param consumer the consumer's code
	 * @param agreements its agreements in force
	 * @param minerals the ids of the minerals among the items analysed (an agreement on
	 * critical minerals in general covers minerals, not products)
	 * @param byPartner its agreements by partner, in the order of {@code agreements}:
	 * derived from them once (a report asks for every supplier of every stage); equality
	 * and hash are those of the first three components
	 */
	record Of(String consumer, List<Agreement> agreements, Set<String> minerals,
			Map<String, List<Agreement>> byPartner) {

		Of(String consumer, List<Agreement> agreements, Set<String> minerals) {
			this(consumer, agreements, minerals, byPartner(agreements));
		}

		private static Map<String, List<Agreement>> byPartner(List<Agreement> agreements) {
			Map<String, List<Agreement>> byPartner = new HashMap<>();
			for (Agreement agreement : agreements) {
				for (String partner : agreement.partners()) {
					byPartner.computeIfAbsent(partner, k -> new ArrayList<>()).add(agreement);
				}
			}
			return Map.copyOf(byPartner);
		}

		/** The agreements shared with {@code country} that cover {@code item}. */
		List<String> agreements(String country, String item) {
			List<Agreement> shared = this.byPartner.get(country);
			if (shared == null) {
				// most of the world: no agreement with the consumer, no list made
				return List.of();
			}
			List<String> ids = new ArrayList<>(1);
			for (Agreement agreement : shared) {
				if (covers(agreement, item)) {
					ids.add(agreement.id());
				}
			}
			return ids;
		}

		/**
		 * Allied: the consumer itself, or a partner in an agreement in force covering the
		 * item.
		 */
		boolean allied(String country, String item) {
			if (country.equals(this.consumer)) {
				return true;
			}
			for (Agreement agreement : this.byPartner.getOrDefault(country, List.of())) {
				if (covers(agreement, item)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Whether each party of {@code parties} is {@link #allied(String, String) allied}
		 * for {@code item}, by id: a look-up per partner, not per party.
		 */
		boolean[] alliedIds(String item, PartyIndex parties) {
			boolean[] allied = new boolean[parties.size()];
			int self = parties.id(this.consumer);
			if (self >= 0) {
				allied[self] = true;
			}
			this.byPartner.forEach((partner, shared) -> {
				int id = parties.id(partner);
				if (id >= 0 && shared.stream().anyMatch(agreement -> covers(agreement, item))) {
					allied[id] = true;
				}
			});
			return allied;
		}

		private boolean covers(Agreement agreement, String item) {
			return agreement.items().contains(item) || (agreement.criticalMinerals() && this.minerals.contains(item));
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Of that && this.consumer.equals(that.consumer)
					&& this.agreements.equals(that.agreements) && this.minerals.equals(that.minerals);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.consumer, this.agreements, this.minerals);
		}

	}

}
