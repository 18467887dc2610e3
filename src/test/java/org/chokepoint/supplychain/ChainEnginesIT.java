package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The two engines of the chain, exposure and SPOF answers give the same figures (1e-9) on
 * the shipped data: {@code engine=projection} (the chain facts in memory, computed in
 * Java) and {@code engine=cypher} (cypher/queries/chain.cypher run as is), for several
 * consumers, products, years and both sourcings; every figure, item, stage, supplier,
 * single point of failure, gap and path.
 */
@ChokepointTest
class ChainEnginesIT {

	static final double TOLERANCE = 1e-9;

	static final LocalDate AS_OF = LocalDate.of(2026, 2, 15);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ChainAnalysisService chains;

	@Autowired
	Neo4jClient client;

	@Test
	void bothEnginesGiveTheSameChains() {
		List<String> all = List
			.copyOf(this.client.query("MATCH (p:Product) RETURN p.id AS id ORDER BY id").fetchAs(String.class).all());
		List<String> products = new ArrayList<>(
				List.of("ndfeb-magnet", "wind-turbine-offshore", "gan-gaas-semiconductor"));
		for (int i = 0; i < all.size(); i += Math.max(1, all.size() / 4)) {
			products.add(all.get(i));
		}
		int compared = 0;
		for (String consumer : List.of("EU", "USA", "JPN")) {
			for (String product : products) {
				for (int year : new int[] { 2021, 2026 }) {
					for (Sourcing sourcing : Sourcing.values()) {
						ChainAnalysis projection = this.chains.analyse(product, consumer, year, 0.5, AS_OF, 3, sourcing,
								ChainEngine.PROJECTION, Detail.FULL);
						ChainAnalysis cypher = this.chains.analyse(product, consumer, year, 0.5, AS_OF, 3, sourcing,
								ChainEngine.CYPHER, Detail.FULL);
						// the worst input too: both engines break ties by leaf item id
						assertThat(projection).as("%s for %s in %d (%s)", product, consumer, year, sourcing)
							.usingRecursiveComparison(closeDoubles())
							.isEqualTo(cypher);
						compared++;
					}
				}
			}
		}
		assertThat(compared).isGreaterThanOrEqualTo(60);
	}

	@Test
	void theEndpointsTakeTheEngineAndAgree() {
		Api api = new Api(this.port, this.json);
		for (String query : List.of("consumer=EU&year=2026", "consumer=USA&year=2024&sourcing=direct")) {
			assertThat(api.getOk("/api/exposure?" + query + "&engine=projection",
					ConsumerOverviewController.ExposureTable.class))
				.usingRecursiveComparison(closeDoubles())
				.isEqualTo(api.getOk("/api/exposure?" + query + "&engine=cypher",
						ConsumerOverviewController.ExposureTable.class));
			assertThat(api.getOk("/api/spof?" + query, ConsumerOverviewController.SpofList.class))
				.usingRecursiveComparison(closeDoubles())
				.isEqualTo(
						api.getOk("/api/spof?" + query + "&engine=CYPHER", ConsumerOverviewController.SpofList.class));
			assertThat(api.getOk("/api/chains/ndfeb-magnet?" + query + "&asOf=2026-02-15&paths=2", ChainAnalysis.class))
				.usingRecursiveComparison(closeDoubles())
				.isEqualTo(api.getOk("/api/chains/ndfeb-magnet?" + query + "&asOf=2026-02-15&paths=2&engine=cypher",
						ChainAnalysis.class));
		}
		for (String path : List.of("/api/chains/ndfeb-magnet?consumer=EU&engine=gds",
				"/api/exposure?consumer=EU&engine=gds", "/api/spof?consumer=EU&engine=sql")) {
			assertThat((String) api.problem(path, 400).get("detail")).as(path)
				.startsWith("Parameter 'engine' must be projection or cypher, not '");
		}
	}

	/**
	 * Numbers to {@link #TOLERANCE}: two engines, Java and Cypher, whose arithmetic need
	 * not agree in the last bits; the rest (the worst input, every order) exactly.
	 */
	private static RecursiveComparisonConfiguration closeDoubles() {
		return RecursiveComparisonConfiguration.builder()
			.withComparatorForType((a, b) -> Math.abs(a - b) <= TOLERANCE ? 0 : Double.compare(a, b), Double.class)
			.build();
	}

}
