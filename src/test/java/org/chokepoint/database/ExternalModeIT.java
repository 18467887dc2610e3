package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * External mode: a second instance with the embedded database off, pointed by
 * {@code spring.neo4j.uri} and {@code spring.neo4j.authentication.*} at the first
 * instance's Bolt port, serves the same data and imports (trade flows included) with no
 * code change.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class ExternalModeIT {

	@Autowired
	EmbeddedNeo4j embedded;

	@Autowired
	ImportService importService;

	@Value("${spring.neo4j.authentication.password}")
	String password;

	@TempDir
	Path folder;

	@Test
	void aSecondInstanceInExternalModeServesTheFirstInstancesDatabase() throws Exception {
		this.importService.importDirectory(Fixture.BASIC);
		try (ConfigurableApplicationContext external = new SpringApplicationBuilder(ChokepointApplication.class).run(
				"--chokepoint.embedded.enabled=false", "--spring.neo4j.uri=" + this.embedded.boltUri(),
				// the first instance's database checks credentials: the same user and
				// password
				"--spring.neo4j.authentication.username=neo4j",
				"--spring.neo4j.authentication.password=" + this.password, "--server.port=0",
				"--chokepoint.import.on-startup=false")) {
			assertThat(external.getBeanProvider(EmbeddedNeo4j.class).getIfAvailable()).isNull();
			Driver driver = external.getBean(Driver.class);
			assertThat(driver.executableQuery("MATCH (c:Country) RETURN count(c) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong()).isEqualTo(7);
			int port = ((WebServerApplicationContext) external).getWebServer().getPort();
			HttpResponse<String> gallium = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/minerals/gallium")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(gallium.statusCode()).isEqualTo(200);
			assertThat(gallium.body()).contains("\"iso3\":\"CHN\"").contains("\"share\":0.98");
			// the import, trade flows included, runs the same over the external
			// connection
			external.getBean(ImportService.class)
				.importDirectory(Fixture.basicWithTradeFlows(this.folder.resolve("trade")));
			assertThat(driver.executableQuery("""
					MATCH (:Country {iso3: 'USA'})-[f:SOURCES {year: 2023}]->(s:Country)
					RETURN s.iso3 AS supplier, f.share AS share ORDER BY supplier
					""")
				.execute()
				.records()
				.stream()
				.map(r -> r.get("supplier").asString() + "=" + r.get("share").asDouble())
				.toList()).containsExactly("CHN=" + 80.0 / 120, "DEU=" + 10.0 / 120, "JPN=" + 30.0 / 120);
			assertThat(driver.executableQuery("MATCH (n:StagedCountry) RETURN count(n) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong()).isZero();
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}
	}

}
