package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.database.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class StartupReportIT extends ApiTestBase {

	@Autowired
	StartupReport report;

	@Autowired
	EmbeddedNeo4j database;

	@Test
	void saysWhereEverythingIsAndHowMuchTheDatabaseHolds() {
		// the application listens on loopback (server.address 127.0.0.1), and the report
		// names the address it listens on
		String base = "http://127.0.0.1:" + this.port;
		String bolt = "bolt://127.0.0.1:" + this.database.boltPort();
		String login = "bolt://neo4j@127.0.0.1:" + this.database.boltPort();
		// 17 fixture nodes (7 countries, a bloc, 2 minerals, 2 products, 2 sources, an
		// agreement,
		// 2 measures) + the data version + 4 migration records; 30 fixture relationships
		// + the two
		// SOURCING_SPLIT the importer derives from the fixture's one sourcing group (the
		// EU's mix, direct and traced)
		assertThat(this.report.lines(this.port))
			.isEqualTo(List.of("  REST API       " + base + "/api (e.g. " + base + "/api/minerals)",
					"  OpenAPI        " + base + "/v3/api-docs, Swagger UI " + base + "/swagger-ui.html",
					"  Neo4j Browser  " + base + "/browser/?dbms=" + login + "&cmd=play&arg="
							+ "http%3A%2F%2Flocalhost%3A" + this.port + "%2Fguide%2Fchokepoint.html",
					"  Bolt           " + bolt
							+ " (user neo4j, the password of NEO4J_PASSWORD (spring.neo4j.authentication.password))",
					"  Health         " + base + "/actuator/health", "  Database       22 nodes, 32 relationships",
					"  Data warnings  0 (what the import found odd but loaded): " + base
							+ "/api/data/report?section=data-warnings"));
	}

	@Test
	void healthIsUpWithTheEmbeddedNeo4j() {
		Map<String, Object> health = this.api.getOk("/actuator/health", new TypeReference<Map<String, Object>>() {
		});
		assertThat(health).containsEntry("status", "UP");
		assertThat(health).extractingByKey("components")
			.extracting("neo4j")
			.isEqualTo(Map.of("status", "UP", "details", Map.of("server",
					"5.26.30@127.0.0.1:" + this.database.boltPort(), "edition", "community", "database", "neo4j")));
	}

}
