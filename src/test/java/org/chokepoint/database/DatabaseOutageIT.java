package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.Fixture;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database goes away and comes back while the application runs (external mode):
 * health turns DOWN (503) and the API answers a 503 problem detail with
 * {@code Retry-After}; once the database is back on the same port and directory, health
 * is UP and the API answers again, without restarting the application. The "external
 * server" is a standalone {@link EmbeddedNeo4j} with its own directory and password.
 */
class DatabaseOutageIT {

	private static final String PASSWORD = "external-secret";

	private static final Duration WAIT = Duration.ofSeconds(90);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	Path work;

	private int port;

	@Test
	void healthTurnsDownAndTheApiAnswers503UntilTheDatabaseIsBackThenBothRecover() throws Exception {
		Path directory = this.work.resolve("server");
		EmbeddedNeo4j server = EmbeddedNeo4j.start(server(directory, 0), "neo4j", PASSWORD);
		int bolt = server.boltPort();
		try (ConfigurableApplicationContext application = new SpringApplicationBuilder(ChokepointApplication.class).run(
				"--chokepoint.embedded.enabled=false", "--spring.neo4j.uri=" + server.boltUri(),
				"--spring.neo4j.authentication.password=" + PASSWORD, "--server.port=0",
				"--chokepoint.import.on-startup=false")) {
			this.port = ((WebServerApplicationContext) application).getWebServer().getPort();
			application.getBean(ImportService.class).importDirectory(Fixture.BASIC);
			assertGalliumAnswered();
			assertThat(get("/api/chains/ndfeb-magnet?consumer=USA&year=2024").statusCode()).isEqualTo(200);
			assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

			server.close();
			HttpResponse<String> down = await().atMost(WAIT)
				.until(() -> get("/actuator/health"), r -> r.statusCode() == 503);
			assertThat(down.body()).contains("\"status\":\"DOWN\"");
			// a mineral's details are kept as bytes per data version, as an analysis is
			// (below)
			HttpResponse<String> unavailable = await().atMost(WAIT)
				.until(() -> get("/api/minerals/gallium"), r -> r.statusCode() != 200);
			assertThat(unavailable.statusCode()).isEqualTo(503);
			assertThat(unavailable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(unavailable.body()).contains("\"title\":\"Database unavailable\"", "\"status\":503",
					"\"instance\":\"/api/minerals/gallium\"",
					"\"detail\":\"The database can't be reached right now; try again in a few seconds. /actuator/health says when it is back.\"")
				.doesNotContain("Exception", "at org.");
			// an analysis is kept as bytes per data version: served for the version read
			// a moment ago (chokepoint.cache.version-trust, 1 s), then, once the version
			// can't be read, a 503 like any answer that needs the database (not a 500
			// from the answer cache's filter)
			HttpResponse<String> chain = await().atMost(WAIT)
				.until(() -> get("/api/chains/ndfeb-magnet?consumer=USA&year=2024"), r -> r.statusCode() != 200);
			assertThat(chain.statusCode()).as(chain.body()).isEqualTo(503);
			assertThat(chain.headers().firstValue("Content-Type")).hasValue("application/problem+json");

			// back on the same port, with the same files: the application's driver
			// reconnects by itself
			server = EmbeddedNeo4j.start(server(directory, bolt), "neo4j", PASSWORD);
			assertThat(server.boltPort()).isEqualTo(bolt);
			HttpResponse<String> up = await().atMost(WAIT)
				.until(() -> get("/actuator/health"), r -> r.statusCode() == 200);
			assertThat(up.body()).contains("\"status\":\"UP\"");
			await().atMost(WAIT).until(() -> get("/api/minerals/gallium").statusCode() == 200);
			assertGalliumAnswered();
		}
		finally {
			server.close();
		}
	}

	private void assertGalliumAnswered() throws IOException, InterruptedException {
		HttpResponse<String> gallium = get("/api/minerals/gallium");
		assertThat(gallium.statusCode()).isEqualTo(200);
		assertThat(gallium.body()).contains("\"iso3\":\"CHN\"").contains("\"share\":0.98");
	}

	private static EmbeddedNeo4jProperties server(Path directory, int port) {
		return new EmbeddedNeo4jProperties(true, "127.0.0.1", port, directory, true, "16m", Duration.ZERO, null,
				DataSize.ofMegabytes(256), Duration.ofMillis(500));
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
