package org.chokepoint.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.chokepoint.paging.Paged;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Provenance of the shipped data (import/), imported at start-up as a new user gets it:
 * every fact cites a source, and every source the API lists says where to read it.
 */
@ChokepointTest
class ShippedSourcesIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Driver driver;

	@Test
	void everySourceTheApiListsHasAWebAddress() {
		Api api = new Api(this.port, this.json);
		List<SourceSummary> sources = new ArrayList<>();
		Paged<SourceSummary> page;
		do {
			page = api.getOk("/api/sources?size=20&page=" + sources.size() / 20, new TypeReference<>() {
			});
			sources.addAll(page.items());
		}
		while (!page.items().isEmpty() && sources.size() < page.total());

		assertThat(sources).hasSize((int) page.total()).hasSizeGreaterThan(40);
		assertThat(sources)
			.allSatisfy(source -> assertThat(source.url()).as(source.id()).matches("https?://[^\\s/]+\\.[^\\s]+"));
	}

	@Test
	void everyFactCitesASourceOfTheGraph() {
		List<Map<String, Object>> uncited = this.driver.executableQuery("""
				MATCH ()-[fact]->()
				WHERE NOT EXISTS { MATCH (s:Source) WHERE s.id = fact.source }
				RETURN type(fact) AS type, fact.source AS source, count(*) AS facts
				ORDER BY type, source""").execute().records().stream().map(r -> r.asMap()).toList();
		long facts = this.driver
			.executableQuery("MATCH ()-[fact]->() WHERE fact.source IS NOT NULL RETURN count(*) AS n")
			.execute()
			.records()
			.get(0)
			.get("n")
			.asLong();

		assertThat(uncited).isEmpty();
		assertThat(facts).isGreaterThan(1000);
	}

}
