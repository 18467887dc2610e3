package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.GraphCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The REST part of the bad-input corpus (issue 7), each case with the answer expected:
 * wrong content types, unacceptable {@code Accept}, oversized and chunked bodies,
 * malformed, mistyped, duplicated, deeply nested and unknown JSON, huge numbers, very
 * long strings, injection attempts. Every answer is a problem detail, and the graph's
 * counts are the same after each case. On the shipped data.
 */
@ChokepointTest
class HostileRequestsIT {

	static final String ADMIN = "admin:test-admin-secret";

	static final String SCENARIO = "{\"country\":\"CHN\",\"items\":[\"germanium\"],\"consumers\":[\"USA\"],\"year\":2024}";

	static final long LIMIT = 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GraphCounts counts;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	Map<String, Long> nodes;

	Map<String, Long> relationships;

	@BeforeEach
	void countBefore() {
		this.nodes = this.counts.nodes();
		this.relationships = this.counts.relationships();
	}

	@AfterEach
	void nothingChanged() {
		assertThat(this.counts.nodes()).isEqualTo(this.nodes);
		assertThat(this.counts.relationships()).isEqualTo(this.relationships);
	}

	@ParameterizedTest(name = "{0} with Content-Type {1}")
	@CsvSource(delimiter = '|', value = {
			"/api/scenarios|text/plain|Content-Type 'text/plain' is not supported here; send application/json",
			"/api/scenarios|application/xml|Content-Type 'application/xml' is not supported here; send application/json",
			"/api/scenarios|multipart/form-data; boundary=b|Content-Type 'multipart/form-data; boundary=b' is not supported here; send application/json",
			"/api/scenarios||The request has no Content-Type; send application/json",
			"/api/cypher|text/plain|Content-Type 'text/plain' is not supported here; send application/json",
			"/api/cypher|application/xml|Content-Type 'application/xml' is not supported here; send application/json",
			"/api/cypher|multipart/form-data; boundary=b|Content-Type 'multipart/form-data; boundary=b' is not supported here; send application/json",
			"/api/cypher||The request has no Content-Type; send application/json" })
	void aBodyOfAnotherTypeIs415NamingTheAcceptedOne(String path, String contentType, String detail) throws Exception {
		String body = path.equals("/api/cypher") ? "{\"query\":\"RETURN 1 AS one\"}" : SCENARIO;
		JsonNode problem = problem(send(post(path, body, contentType, null)), 415);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
		assertThat(problem.get("accepted").get(0).asString()).isEqualTo("application/json");
	}

	@ParameterizedTest(name = "import with Content-Type {0}")
	@CsvSource(delimiter = '|',
			value = { "text/plain", "application/xml", "multipart/form-data; boundary=b", "application/json", "''" })
	void theImportTakesNoBody(String contentType) throws Exception {
		JsonNode problem = problem(send(
				post("/api/admin/import", "{\"dir\": \"/tmp\"}", contentType.isEmpty() ? null : contentType, ADMIN)),
				415);
		assertThat(problem.get("detail").asString())
			.isEqualTo("POST /api/admin/import takes no request body: give the folder as ?dir=PATH");
	}

	@Test
	void anImportOfAFolderWithoutImportFilesIsRefused() throws Exception {
		JsonNode problem = problem(send(post("/api/admin/import?dir=/etc", "", null, ADMIN)), 400);
		assertThat(problem.get("detail").asString()).isEqualTo("1 error(s) in the import files; nothing was imported");
		assertThat(problem.get("errors").get(0).asString())
			.startsWith("/etc: holds none of the import files (sources.csv, ");
		JsonNode nul = problem(send(post("/api/admin/import?dir=a%00b", "", null, ADMIN)), 400);
		assertThat(nul.get("detail").asString())
			.isEqualTo("Parameter 'dir' is not a path on this server: Nul character not allowed");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@CsvSource(delimiter = '|', value = {
			"application/xml|Header 'Accept' asks for 'application/xml'; this endpoint answers application/json",
			"image/png|Header 'Accept' asks for 'image/png'; this endpoint answers application/json",
			"garbage|Header 'Accept' can't be read: 'garbage'", "*/*;q=x|Header 'Accept' can't be read: '*/*;q=x'" })
	void anAcceptThatCantBeAnsweredIs406(String accept, String detail) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(url("/api/chains/ndfeb-magnet?consumer=EU&year=2024"))
			.header("Accept", accept)
			.build();
		JsonNode problem = problem(send(request), 406);
		assertThat(problem.get("detail").asString()).startsWith(detail);
		assertThat(problem.get("parameter").asString()).isEqualTo("Accept");
	}

	@Test
	void aBodyOverTheLimitIs413WhetherItsLengthIsDeclaredOrNot() throws Exception {
		String padded = "{\"country\":\"CHN\",\"items\":[\"" + "x".repeat((int) LIMIT) + "\"]}";
		String detail = "The request body is larger than 1048576 bytes (chokepoint.http.max-body-size)";
		for (String path : new String[] { "/api/scenarios", "/api/cypher" }) {
			JsonNode declared = problem(send(post(path, padded, "application/json", null)), 413);
			assertThat(declared.get("detail").asString()).isEqualTo(detail);
			assertThat(declared.get("maxBytes").asLong()).isEqualTo(LIMIT);
		}
		JsonNode chunked = problem(send(chunked("/api/scenarios", padded)), 413);
		assertThat(chunked.get("detail").asString()).isEqualTo(detail);
		// the ad-hoc Cypher endpoint has its own, smaller limit
		JsonNode cypher = problem(
				send(chunked("/api/cypher", "{\"query\":\"RETURN 1 // " + "x".repeat(100_000) + "\"}")), 413);
		assertThat(cypher.get("detail").asString())
			.isEqualTo("The request body is larger than 65536 bytes (chokepoint.cypher.max-request-size).");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"{|body|Parameter 'body' is not valid JSON: Unexpected end-of-input",
			"{'country': 'CHN'}|body|Parameter 'body' is not valid JSON: Unexpected character (''' (code 39)): was expecting double-quote to start property name (line 1, column 2)",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"year\": NaN}|body|Parameter 'body' is not valid JSON: Non-standard token 'NaN'",
			"``|body|Parameter 'body' is required: a JSON object",
			"[]|body|Parameter 'body' must be an object (ScenarioRequest)",
			"{\"country\": \"CHN\", \"country\": \"USA\", \"items\": [\"germanium\"]}|body|Parameter 'body' is not valid JSON: Duplicate Object property \"country\"",
			"{\"country\": \"CHN\", \"items\": \"germanium\"}|items|Parameter 'items' must be a list",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"year\": \"twenty\"}|year|Parameter 'year' must be a whole number",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"year\": 99999999999999999999}|year|Parameter 'year' is out of range: Numeric value (99999999999999999999) out of range of `int`",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"year\": -1}|year|Parameter 'year' must be between 1900 and 2100, not -1",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fraction\": 1e309}|fraction|Parameter 'fraction' must be a number: Cannot deserialize value of type `java.lang.Double` from number 1E+309: 1e309 is beyond the largest number a double holds",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fraction\": 1e-400}|fraction|Parameter 'fraction' must be a number: Cannot deserialize value of type `java.lang.Double` from number 1E-400: 1e-400 is too close to 0 for a double (it would be read as 0.0)",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"licenceCut\": 4.9e-324}|licenceCut|Parameter 'licenceCut' must be a number: Cannot deserialize value of type `java.lang.Double` from number 4.9E-324: 4.9e-324 is too close to 0 for a double (it would be read as 4.9E-324)",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fraction\": \"NaN\"}|fraction|Parameter 'fraction' must be between 0 and 1, not NaN",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fraction\": -1}|fraction|Parameter 'fraction' must be between 0 and 1, not -1.0",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"licenceCut\": \"\"}|licenceCut|Parameter 'licenceCut' must be a number: Cannot coerce empty String",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"year\": \"\"}|year|Parameter 'year' must be a whole number: Cannot coerce empty String",
			"{\"measuresInForceOn\": \"\"}|measuresInForceOn|Parameter 'measuresInForceOn' must be a date YYYY-MM-DD, not ''",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fraction\": 1e2000}|fraction|Parameter 'fraction' must be a number: Cannot deserialize value of type `java.lang.Double` from number 1E+2000: 1e2000 is beyond the largest number a double holds",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"fracton\": 0.5}|fracton|Parameter 'fracton' is not a field of the body; the fields are consumers, country, disruptions, fraction, items, licenceCut, measuresInForceOn, sourcing, stage, targets, year",
			"{\"disruptions\": [{\"country\": \"CHN\", \"items\": [\"germanium\"], \"share\": 1}]}|disruptions[0].share|Parameter 'disruptions[0].share' is not a field of the body; the fields are country, fraction, items, stage, targets",
			"{\"disruptions\": [null]}|disruptions[0]|Parameter 'disruptions[0]' must be a disruption object, not null",
			"{\"measuresInForceOn\": \"2024-02-30\"}|measuresInForceOn|Parameter 'measuresInForceOn' must be a date YYYY-MM-DD, not '2024-02-30'",
			"{\"country\": \"CHN\", \"items\": [\"germanium\"], \"stage\": \"x'}) DETACH DELETE n //\"}|stage|Parameter 'stage' must be MINING, REFINING or MANUFACTURING, not 'x'}) DETACH DELETE n //'" })
	void aBadScenarioBodyIs400NamingTheField(String body, String parameter, String detail) throws Exception {
		JsonNode problem = problem(send(post("/api/scenarios", body, "application/json", null)), 400);
		assertThat(problem.get("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.get("detail").asString()).startsWith(detail);
	}

	@Test
	void jsonNested10000DeepIs400NotAStackOverflow() throws Exception {
		String deep = "{\"country\": \"CHN\", \"items\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		// the scenario's reader stops at the first nested list: items are strings
		JsonNode scenario = problem(send(post("/api/scenarios", deep, "application/json", null)), 400);
		assertThat(scenario.get("detail").asString()).startsWith("Parameter 'items[0]' must be a string");
		// the ad-hoc Cypher's parameters are read whole, up to Jackson's depth limit
		String parameters = "{\"query\": \"RETURN $x AS x\", \"parameters\": {\"x\": " + "[".repeat(10_000)
				+ "]".repeat(10_000) + "}}";
		JsonNode cypher = problem(send(post("/api/cypher", parameters, "application/json", null)), 400);
		assertThat(cypher.get("detail").asString())
			.contains("Document nesting depth (501) exceeds the maximum allowed (500");
	}

	@Test
	void injectionAttemptsAreKeysThatNameNothing() throws Exception {
		String injection = "x'}) DETACH DELETE n //";
		JsonNode country = problem(send(post("/api/scenarios",
				"{\"country\": \"" + injection + "\", \"items\": [\"germanium\"]}", "application/json", null)), 404);
		assertThat(country.get("detail").asString()).isEqualTo("No country or bloc with key '" + injection + "'");
		JsonNode item = problem(send(post("/api/scenarios",
				"{\"country\": \"CHN\", \"items\": [\"germanium\", \"" + injection + "\"]}", "application/json", null)),
				404);
		assertThat(item.get("detail").asString()).isEqualTo("No mineral or product with key '" + injection + "'");
		JsonNode json = problem(send(post("/api/scenarios",
				"{\"country\": \"CHN\\\", \\\"items\\\": [\\\"gallium\\\"], \\\"x\\\": \\\"\", \"items\": [\"germanium\"]}",
				"application/json", null)), 404);
		assertThat(json.get("key").asString()).isEqualTo("CHN\", \"items\": [\"gallium\"], \"x\": \"");
		HttpResponse<String> chain = send(
				get("/api/chains/ndfeb-magnet?consumer=x%27%7D%29%20DETACH%20DELETE%20n%20%2F%2F"));
		assertThat(problem(chain, 404).get("detail").asString())
			.isEqualTo("No country or bloc with key '" + injection + "'");
		HttpResponse<String> cypher = send(post("/api/cypher",
				"{\"query\": \"MATCH (c:Country {iso3: $iso3}) RETURN c.name AS name\", \"parameters\": {\"iso3\": \""
						+ injection + "\"}}",
				"application/json", null));
		assertThat(cypher.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(cypher.body()).get("rowCount").asInt()).isZero();
	}

	@Test
	void veryLongStringsAreRefusedWithoutEchoingThem() throws Exception {
		// a 900 kB id (under the body limit): a 404 whose key is cut at 200 characters
		String id = "x".repeat(900_000);
		HttpResponse<String> response = send(post("/api/scenarios",
				"{\"country\": \"CHN\", \"items\": [\"" + id + "\"]}", "application/json", null));
		JsonNode notFound = problem(response, 404);
		assertThat(notFound.get("key").asString()).hasSize(200).endsWith("...");
		assertThat(response.body().length()).isLessThan(1000);
		// a 10 kB query parameter reaches the check; a 100 kB one is over the request
		// line limit
		JsonNode consumer = problem(send(get("/api/chains/ndfeb-magnet?consumer=" + "x".repeat(10_000))), 400);
		assertThat(consumer.get("detail").asString()).isEqualTo("Parameter 'consumer' is longer than 100 characters");
		JsonNode tooLong = problem(send(get("/api/chains/ndfeb-magnet?consumer=" + "x".repeat(100_000))), 400);
		assertThat(tooLong.get("detail").asString()).isEqualTo("Request header is too large");
		JsonNode path = problem(send(get("/api/countries/" + "x".repeat(1024 * 1024))), 400);
		assertThat(path.get("detail").asString()).isEqualTo("Request header is too large");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"/api/spof?consumer=EU&threshold=NaN|400|Parameter 'threshold' must be a number between 0 and 1, not 'NaN'",
			"/api/spof?consumer=EU&threshold=1e309|400|Parameter 'threshold' must be a number between 0 and 1, not '1e309'",
			"/api/exposure?consumer=EU&year=-1|400|Parameter 'year' must be between 1900 and 2100, not -1",
			"/api/exposure?consumer=EU&year=1e309|400|Parameter 'year' must be a whole number such as 2024, not '1e309'",
			"/api/chains/ndfeb-magnet?consumer=EU&asOf=2024-02-30|400|Parameter 'asOf' must be a date YYYY-MM-DD, not '2024-02-30'",
			"/api/chains/ndfeb-magnet?consumer=EU&threshold=|200|",
			"/api/chains/unobtainium?consumer=EU|404|No product with key 'unobtainium'",
			"/api/countries/a;b|400|The request was rejected because the URL contained a potentially malicious String \";\"",
			"/api/countries/..%2Fetc|400|", "/atlas/queries/..%5Capplication.cypher|400|" })
	void badParametersAndUrlsGetAProblemDetail(String path, int status, String detail) throws Exception {
		HttpResponse<String> response = send(get(path));
		if (status == 200) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			return;
		}
		JsonNode problem = problem(response, status);
		if (detail != null) {
			assertThat(problem.get("detail").asString()).isEqualTo(detail);
		}
	}

	@Test
	void otherMethodsAndTheErrorPageAreProblemDetailsToo() throws Exception {
		HttpRequest delete = HttpRequest.newBuilder(url("/api/countries")).DELETE().build();
		assertThat(problem(send(delete), 401).get("detail").asString())
			.isEqualTo("Authentication required: this endpoint needs the admin's credentials (HTTP basic)");
		HttpRequest wrongPassword = HttpRequest.newBuilder(url("/api/admin/import?dir=/nowhere"))
			.header("Authorization", basic("admin:wrong"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(problem(send(wrongPassword), 401).get("detail").asString())
			.isEqualTo("Authentication required: this endpoint needs the admin's credentials (HTTP basic)");
		assertThat(problem(send(get("/api/nowhere")), 404).get("detail").asString())
			.isEqualTo("No static resource api/nowhere.");
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(url(path)).header("Accept", "application/json").build();
	}

	private HttpRequest post(String path, String body, String contentType, String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url(path))
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (credentials != null) {
			request.header("Authorization", basic(credentials));
		}
		return request.build();
	}

	/**
	 * A body sent chunked: no Content-Length, the server only knows its size by reading
	 * it.
	 */
	private HttpRequest chunked(String path, String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.newBuilder(url(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

}
