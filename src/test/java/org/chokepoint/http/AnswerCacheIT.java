package org.chokepoint.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

import org.apache.catalina.connector.Connector;
import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The analyses' answers kept as bytes, over real HTTP: a strong ETag, 304 on
 * {@code If-None-Match}, the gzip form, errors not kept, and a new data version (as
 * another instance's import would leave it) answered anew. The version is trusted for 0 s
 * here, so a change is seen at once.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.cache.version-trust=0s",
		"chokepoint.answer-cache.max-size=16MB" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnswerCacheIT {

	private static final String CONCENTRATION = "/api/minerals/gallium/concentration?year=2024";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ImportService importService;

	@Autowired
	Neo4jClient client;

	@Autowired
	WebServerApplicationContext context;

	@BeforeAll
	@AfterAll
	void importFixture() {
		this.importService.importDirectory(Fixture.BASIC);
	}

	private HttpResponse<byte[]> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.setHeader(headers[i], headers[i + 1]);
		}
		try {
			return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Test
	void aChainAnswerHasAStrongETagAndA304ForAClientThatHoldsIt() {
		String path = "/api/chains/ndfeb-magnet?consumer=EU&year=2024&asOf=2024-06-01";
		HttpResponse<byte[]> first = get(path);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[A-Za-z0-9_-]{16}\"")
			.isEqualTo("\"" + AnswerCache.Answer.hash(first.body()) + "\"");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(first.headers().firstValue("Vary").orElseThrow()).contains("Accept", "Accept-Encoding");
		assertThat(first.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
		assertThat(text(first)).contains("\"product\":\"ndfeb-magnet\"");

		HttpResponse<byte[]> again = get("/api/chains/ndfeb-magnet?asOf=2024-06-01&year=2024&consumer=EU");
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(again.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));

		HttpResponse<byte[]> held = get(path, "If-None-Match", etag);
		assertThat(held.statusCode()).isEqualTo(304);
		assertThat(held.body()).isEmpty();
		assertThat(get(path, "If-None-Match", "\"something else\"").statusCode()).isEqualTo(200);
	}

	@Test
	void tomcatCopiesAnswersThroughTheWriteBufferAndTheyArriveWhole() {
		Connector connector = ((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector();
		// read back from Tomcat's endpoint, as text
		assertThat(connector.getProperty(WriteBufferConfiguration.PROPERTY)).hasToString(Integer.toString(64 * 1024));
		// the API's description: larger than the buffer, so written in more than one copy
		HttpResponse<byte[]> large = get("/v3/api-docs");
		assertThat(large.statusCode()).isEqualTo(200);
		assertThat(large.body().length).isGreaterThan(64 * 1024);
		assertThat(text(large)).startsWith("{").endsWith("}").contains("\"/api/chains/{productId}\"");
		// a chain answer, from the analyses' kept bytes: whole, at its Content-Length
		HttpResponse<byte[]> chain = get("/api/chains/ndfeb-magnet?consumer=EU&year=2024&asOf=2024-06-01&detail=full");
		assertThat(chain.headers().firstValueAsLong("Content-Length")).hasValue(chain.body().length);
		assertThat(text(chain)).startsWith("{\"product\":\"ndfeb-magnet\"").endsWith("}");
	}

	@Test
	void aClientThatAcceptsGzipGetsTheGzipForm() throws IOException {
		String path = "/api/exposure?consumer=EU&year=2024&asOf=2024-06-01";
		HttpResponse<byte[]> plain = get(path);
		HttpResponse<byte[]> zipped = get(path, "Accept-Encoding", "gzip");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		assertThat(zipped.statusCode()).isEqualTo(200);
		assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
			assertThat(in.readAllBytes()).isEqualTo(plain.body());
		}
		String zippedTag = zipped.headers().firstValue("ETag").orElseThrow();
		assertThat(zippedTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
		assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", zippedTag).statusCode()).isEqualTo(304);
		// CSV is another answer, kept on its own
		HttpResponse<byte[]> csv = get(path, "Accept", "text/csv");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(text(csv)).startsWith("consumer,year,product,");
		assertThat(get(path, "Accept", "text/csv").body()).isEqualTo(csv.body());
	}

	@Test
	void aCountrysDetailsAreKeptUntilANewDataVersion() {
		String path = "/api/countries/AUS";
		HttpResponse<byte[]> before = get(path);
		assertThat(before.statusCode()).isEqualTo(200);
		String etag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(text(before)).contains("\"MINING\"");
		assertThat(get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
		// the facts change without a new version: the kept answer is still served
		this.client.query("MATCH (:Country {iso3: 'AUS'})-[r:MINES]->() DELETE r").run();
		HttpResponse<byte[]> kept = get(path);
		assertThat(kept.body()).isEqualTo(before.body());
		this.client.query("MATCH (v:DataVersion {key: 'current'}) SET v.version = v.version + '-countries'").run();
		HttpResponse<byte[]> after = get(path, "If-None-Match", etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(text(after)).doesNotContain("\"MINING\"");
		// the paged list of countries is not among the kept paths
		assertThat(get("/api/countries").headers().firstValue("ETag")).isEmpty();
	}

	@Test
	void aMineralsAndAProductsDetailsAreKeptUntilANewDataVersion() {
		String mineral = "/api/minerals/gallium";
		String product = "/api/products/ndfeb-magnet";
		HttpResponse<byte[]> mineralBefore = get(mineral);
		HttpResponse<byte[]> productBefore = get(product);
		assertThat(mineralBefore.statusCode()).isEqualTo(200);
		assertThat(productBefore.statusCode()).isEqualTo(200);
		String etag = mineralBefore.headers().firstValue("ETag").orElseThrow();
		assertThat(productBefore.headers().firstValue("ETag")).isPresent();
		assertThat(text(mineralBefore)).contains("\"JPN\"", "\"Gallium\"");
		assertThat(text(productBefore)).contains("\"NdFeB permanent magnet\"");
		assertThat(get(mineral, "If-None-Match", etag).statusCode()).isEqualTo(304);
		// a buyer's rows alone are an answer of their own
		assertThat(get(product + "?buyer=USA").headers().firstValue("ETag")).isPresent()
			.isNotEqualTo(productBefore.headers().firstValue("ETag"));
		// the facts change without a new version: the kept answers are still served
		// (names only: the other tests read the facts)
		this.client.query("MATCH (m:Mineral {id: 'gallium'}) SET m.name = 'Gallium, renamed'").run();
		this.client.query("MATCH (p:Product {id: 'ndfeb-magnet'}) SET p.name = 'Magnet, renamed'").run();
		assertThat(get(mineral).body()).isEqualTo(mineralBefore.body());
		assertThat(get(product).body()).isEqualTo(productBefore.body());
		this.client.query("MATCH (v:DataVersion {key: 'current'}) SET v.version = v.version + '-details'").run();
		HttpResponse<byte[]> mineralAfter = get(mineral, "If-None-Match", etag);
		assertThat(mineralAfter.statusCode()).isEqualTo(200);
		assertThat(text(mineralAfter)).contains("\"Gallium, renamed\"");
		assertThat(text(get(product))).contains("\"Magnet, renamed\"");
		// the paged lists are not among the kept paths
		assertThat(get("/api/minerals").headers().firstValue("ETag")).isEmpty();
		assertThat(get("/api/products").headers().firstValue("ETag")).isEmpty();
	}

	@Test
	void theDataReportIsKeptUntilANewDataVersion() {
		String path = "/api/data/report";
		HttpResponse<byte[]> before = get(path);
		assertThat(before.statusCode()).isEqualTo(200);
		String etag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(get(path + "?section=nodes").headers().firstValue("ETag")).isPresent()
			.isNotEqualTo(Optional.of(etag));
		// a source without a URL, added without a new version: the kept answer is still
		// served
		this.client.query("CREATE (:Source {id: 'src-kept-report', title: 'Kept report', year: 2024})").run();
		assertThat(get(path).body()).isEqualTo(before.body());
		this.client.query("MATCH (v:DataVersion {key: 'current'}) SET v.version = v.version + '-report'").run();
		HttpResponse<byte[]> after = get(path, "If-None-Match", etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(text(after)).contains("src-kept-report").isNotEqualTo(text(before));
	}

	@Test
	void errorsAreNotKept() {
		HttpResponse<byte[]> bad = get("/api/spof?consumer=EU&threshold=2");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(bad.headers().firstValue("Cache-Control").orElse("")).isNotEqualTo("no-cache");
		assertThat(get("/api/chains/no-such-product?consumer=EU").statusCode()).isEqualTo(404);
	}

	@Test
	void aNewDataVersionIsAnsweredAnew() {
		HttpResponse<byte[]> before = get(CONCENTRATION);
		String etag = before.headers().firstValue("ETag").orElseThrow();
		assertThat(text(before)).contains("\"JPN\"");
		// the facts change without a new version: the kept answer is still served
		this.client.query("MATCH (:Country {iso3: 'JPN'})-[r:REFINES]->(:Mineral {id: 'gallium'}) DELETE r").run();
		HttpResponse<byte[]> kept = get(CONCENTRATION);
		assertThat(kept.headers().firstValue("ETag")).hasValue(etag);
		assertThat(kept.body()).isEqualTo(before.body());
		// as another instance's import leaves it: a new version
		this.client.query("MATCH (v:DataVersion {key: 'current'}) SET v.version = v.version + '-changed'").run();
		HttpResponse<byte[]> after = get(CONCENTRATION, "If-None-Match", etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(text(after)).doesNotContain("\"JPN\"");
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
	}

}
