package org.chokepoint.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Keys as users type them, on the shipped data: any case, names, close matches suggested
 * on a 404; a year before the data is a 400 listing the years.
 */
@ChokepointTest
class KeyResolutionIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Years years;

	@Autowired
	org.springframework.data.neo4j.core.Neo4jClient client;

	private Api api() {
		return new Api(this.port, this.json);
	}

	@Test
	void keysInAnyCaseAndUniqueNamesGiveTheSameAnswerAsTheKey() {
		JsonNode byKey = api().getOk("/api/chains/ndfeb-magnet?consumer=EU&year=2026&asOf=2026-02-15", JsonNode.class);
		JsonNode byLowerCase = api().getOk("/api/chains/NdFeB-Magnet?consumer=eu&year=2026&asOf=2026-02-15",
				JsonNode.class);
		assertThat(byLowerCase).isEqualTo(byKey);
		assertThat(api().getOk("/api/chains/ndfeb-magnet?consumer=European%20Union&year=2026&asOf=2026-02-15",
				JsonNode.class))
			.isEqualTo(byKey);
		assertThat(api().getOk("/api/exposure?consumer=Germany&year=2026&asOf=2026-02-15", JsonNode.class)
			.get("consumer")
			.asString()).isEqualTo("DEU");
		assertThat(api().getOk("/api/countries/chn", JsonNode.class).get("iso3").asString()).isEqualTo("CHN");
		assertThat(
				api().getOk("/api/minerals/Gallium/concentration?year=2024", JsonNode.class).get("mineral").asString())
			.isEqualTo("gallium");
		assertThat(api().getOk("/api/spof?consumer=chn&year=2026", JsonNode.class).get("consumer").asString())
			.isEqualTo("CHN");
	}

	@Test
	void anUnknownKeyIsA404SuggestingCloseKeys() {
		Map<String, Object> product = api().problem("/api/chains/ndfeb-magnets?consumer=EU", 404);
		assertThat(product).containsEntry("kind", "product")
			.containsEntry("key", "ndfeb-magnets")
			.containsEntry("suggestions", List.of("ndfeb-magnet"))
			.containsEntry("detail", "No product with key 'ndfeb-magnets'; did you mean 'ndfeb-magnet'?");
		assertThat(api().problem("/api/minerals/galium/concentration", 404)).containsEntry("suggestions",
				List.of("gallium"));
		assertThat(api().problem("/api/exposure?consumer=Germny", 404)).containsEntry("kind", "country or bloc")
			.containsEntry("suggestions", List.of("DEU"));
		assertThat(api().problem("/api/products/unobtainium", 404)).doesNotContainKey("suggestions");
	}

	@Test
	void aYearBeforeTheDataIsA400ListingTheYearsAvailable() {
		List<Integer> available = this.years.available();
		assertThat(available).isNotEmpty().isSorted();
		// the years of every relationship, trade flows and supply rows included: what
		// the read of the other types and the mixes' data years gives
		assertThat(available).isEqualTo(this.client.query("""
				MATCH ()-[f]->()
				WHERE f.year IS NOT NULL
				RETURN DISTINCT toInteger(f.year) AS year ORDER BY year
				""").fetchAs(Integer.class).all());
		int first = available.get(0);
		Map<String, Object> problem = api().problem("/api/chains/ndfeb-magnet?consumer=EU&year=" + (first - 1), 400);
		assertThat(problem).containsEntry("parameter", "year").containsEntry("availableYears", available);
		assertThat((String) problem.get("detail"))
			.startsWith("Parameter 'year' is before the data's first year, " + first);
		assertThat(api().problem("/api/exposure/trend?consumer=EU&product=ndfeb-magnet&from=1990&to=2000", 400))
			.containsEntry("parameter", "from");
		// every year from the first passes, those before the first production fact's too
		// (checked against every fact's years, not the production facts' alone)
		for (int year = first; year <= first + 8; year++) {
			assertThat(api().get("/api/minerals/gallium/concentration?year=" + year).statusCode()).as("%d", year)
				.isEqualTo(200);
		}
		assertThat(api().get("/api/chains/ndfeb-magnet?consumer=EU&year=" + first).statusCode()).isEqualTo(200);
		// a later year: the newest facts up to it, each naming its own year
		JsonNode later = api().getOk("/api/minerals/gallium/concentration?year=2099", JsonNode.class);
		assertThat(later.get("year").asInt()).isEqualTo(2099);
		assertThat(later.get("stages").get(0).get("year").asInt())
			.isLessThanOrEqualTo(available.get(available.size() - 1));
	}

}
