package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chokepoint.ChokepointTest;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-memory projection holds what chain-facts.cypher reads: on the shipped data, for
 * every product, every year from before the first facts to after the last and both
 * sourcings, the items, their inputs and the facts chosen (global splits, every buyer's
 * mix, in the query's order) are equal; and it is of the data version the database holds.
 */
@ChokepointTest
class ChainProjectionIT {

	@Autowired
	ChainProjections projections;

	@Autowired
	ChainFactsQuery query;

	@Autowired
	Neo4jClient client;

	@Autowired
	Alliances alliances;

	@Autowired
	Catalogue catalogue;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	WorldMatrixService matrix;

	@Test
	void theProjectionHoldsWhatChainFactsCypherReadsForEveryProductYearAndSourcing() {
		ChainProjection projection = this.projections.serving();
		assertThat(projection).isNotNull();
		List<String> products = List
			.copyOf(this.client.query("MATCH (p:Product) RETURN p.id AS id ORDER BY id").fetchAs(String.class).all());
		assertThat(products).isNotEmpty();
		int compared = 0;
		for (String product : products) {
			for (int year = 2010; year <= 2027; year++) {
				for (Sourcing sourcing : Sourcing.values()) {
					Map<String, ChainCalculator.Item> expected = this.query.load(product, year, sourcing);
					Map<String, ChainCalculator.Item> actual = projection.items(product, year, sourcing);
					assertThat(List.copyOf(actual.keySet())).as("%s %d %s", product, year, sourcing)
						.isEqualTo(List.copyOf(expected.keySet()));
					// the same facts in the same order, to the bit: records compare their
					// doubles by Double.compare (AssertJ's recursive comparison took 195
					// s
					// here, for the same verdict)
					assertThat(List.copyOf(actual.values())).as("%s %d %s", product, year, sourcing)
						.isEqualTo(List.copyOf(expected.values()));
					compared += actual.size();
				}
			}
		}
		assertThat(compared).isGreaterThan(1000);
		assertThat(projection.items("no-such-product", 2024, Sourcing.TRACED)).isEmpty();
		assertThat(projection.items("gallium", 2024, Sourcing.TRACED)).as("a mineral is no product").isEmpty();
	}

	/**
	 * What the analyses read from the projection instead of the database: for every
	 * party, its agreements in force equal allies.cypher's today, in 2040 and, for a
	 * party on the side of any agreement, on the day each of its agreements starts and
	 * ends and the day before each; its stockpiles equal stockpile.cypher's in 2030 and,
	 * for a party with any, in every year from 2015; the keys are the stored ones.
	 */
	@Test
	void theReferenceFactsGiveWhatAlliesAndStockpileCypherGiveForEveryParty() {
		ReferenceFacts reference = this.projections.serving().reference();
		List<String> parties = List
			.copyOf(this.client.query("MATCH (p:Party) RETURN p.code AS code").fetchAs(String.class).all());
		assertThat(reference.parties()).containsExactlyInAnyOrderElementsOf(parties);
		assertThat(reference.products()).containsExactlyInAnyOrderElementsOf(
				this.client.query("MATCH (p:Product) RETURN p.id AS id").fetchAs(String.class).all());
		assertThat(reference.minerals()).containsExactlyInAnyOrderElementsOf(
				this.client.query("MATCH (m:Mineral) RETURN m.id AS id").fetchAs(String.class).all());
		TransactionTemplate read = new TransactionTemplate(this.transactions);
		read.setReadOnly(true);
		int[] counts = read.execute(status -> compareReferenceFacts(reference, parties));
		assertThat(counts[0]).as("agreements in force compared").isGreaterThan(100);
		assertThat(counts[1]).as("start and end days compared").isGreaterThan(100);
		assertThat(counts[2]).as("stockpile figures compared").isPositive();
	}

	/** In one read transaction: agreements, start and end days, stockpiles compared. */
	private int[] compareReferenceFacts(ReferenceFacts reference, List<String> parties) {
		Set<String> minerals = reference.minerals();
		int allied = 0;
		int boundaries = 0;
		int stockpiled = 0;
		for (String party : parties) {
			List<ReferenceFacts.AgreementTerm> terms = reference.agreements().getOrDefault(party, List.of());
			Set<LocalDate> dates = new TreeSet<>(
					terms.isEmpty() ? List.of(LocalDate.now()) : List.of(LocalDate.now(), LocalDate.of(2040, 1, 1)));
			for (ReferenceFacts.AgreementTerm term : terms) {
				for (LocalDate day : Arrays.asList(term.start(), term.ended())) {
					if (day != null) {
						dates.add(day);
						dates.add(day.minusDays(1));
						boundaries++;
					}
				}
			}
			for (LocalDate day : dates) {
				Alliances.Of expected = this.alliances.ofCypher(party, day, minerals);
				assertThat(reference.alliances(party, day, minerals)).as("%s on %s", party, day).isEqualTo(expected);
				allied += expected.agreements().size();
			}
			boolean any = reference.stockpiles().containsKey(party);
			for (int year = any ? 2015 : 2030; year <= 2030; year++) {
				Map<String, Double> expected = this.catalogue.stockpileDaysOfCoverCypher(party, year);
				assertThat(reference.stockpileDaysOfCover(party, year)).as("%s in %d", party, year).isEqualTo(expected);
				stockpiled += expected.size();
			}
		}
		return new int[] { allied, boundaries, stockpiled };
	}

	@Test
	void theConsumersWithDataAreThoseTheDatabaseFindsInEveryYearAndSourcing() {
		ChainProjection projection = this.projections.serving();
		int found = 0;
		for (int year = 2015; year <= 2030; year++) {
			for (Sourcing sourcing : Sourcing.values()) {
				Set<String> expected = this.matrix.withData(year, sourcing);
				assertThat(projection.buyersWithData(year, sourcing)).as("%d %s", year, sourcing)
					.containsExactlyInAnyOrderElementsOf(expected);
				found += expected.size();
			}
		}
		assertThat(found).isGreaterThan(50);
	}

	@Test
	void theProjectionIsOfTheStoredVersionAndHoldsTheBlocs() {
		ChainProjection projection = this.projections.serving();
		String stored = this.client.query("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS v")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		assertThat(projection.version()).isEqualTo(stored);
		assertThat(this.projections.servedVersion()).isEqualTo(stored);
		assertThat(projection.blocs().get("EU")).contains("DEU", "FRA");
		assertThat(projection.flows()).isPositive();
		assertThat(projection.bytes()).isPositive();
	}

	@Test
	void theFactsOfAYearAndSourcingArePickedOnceAndKept() {
		ChainProjection projection = this.projections.serving();
		String product = this.client
			.query("MATCH (:Party)-[:MANUFACTURES]->(p:Product) RETURN DISTINCT p.id AS id ORDER BY id LIMIT 1")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		Map<String, ChainCalculator.Item> first = projection.items(product, 2024, Sourcing.TRACED);
		Map<String, ChainCalculator.Item> again = projection.items(product, 2024, Sourcing.TRACED);
		assertThat(first).isNotEmpty();
		first.forEach((id, item) -> assertThat(again.get(id)).as(id).isSameAs(item));
		assertThat(first.values()).anyMatch(item -> !item.facts().stages().isEmpty());
		assertThat(projection.items(product, 2024, Sourcing.DIRECT).values())
			.allMatch(item -> first.values().stream().noneMatch(kept -> kept == item));
		// the per-buyer splits are derived once, with the facts, and agree with them
		first.values()
			.stream()
			.flatMap(item -> item.facts().stages().stream())
			.forEach(stage -> stage.sourcing()
				.forEach(own -> assertThat(stage.splitFor(own.buyer())).isSameAs(stage.byBuyer().get(own.buyer()))));
		assertThat(projection.viewBytes(2024, Sourcing.TRACED)).isPositive();
		// a year after the newest fact's picks that year's facts: one view for them all
		// (the first test checks each year's facts against Cypher's, to 2027)
		int newest = projection.newestYear();
		assertThat(newest).isBetween(2024, 2026);
		Map<String, ChainCalculator.Item> newestYear = projection.items(product, newest, Sourcing.TRACED);
		for (int later : new int[] { newest + 1, newest + 40 }) {
			Map<String, ChainCalculator.Item> view = projection.items(product, later, Sourcing.TRACED);
			newestYear.forEach((id, item) -> assertThat(view.get(id)).as("%s in %d", id, later).isSameAs(item));
		}
		assertThat(projection.buyersWithData(newest + 5, Sourcing.TRACED))
			.isSameAs(projection.buyersWithData(newest, Sourcing.TRACED));
		Map<String, ChainCalculator.Item> before = projection.items(product, newest - 1, Sourcing.TRACED);
		assertThat(before.values()).as("a year before the newest has a view of its own")
			.allMatch(item -> newestYear.values().stream().noneMatch(kept -> kept == item));
	}

}
