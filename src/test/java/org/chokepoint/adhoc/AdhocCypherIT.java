package org.chokepoint.adhoc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.GraphCounts;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code POST /api/cypher} over HTTP on the basic fixture, with a 1 s timeout so a long
 * query is cut quickly.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.cypher.timeout=1s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdhocCypherIT {

	@LocalServerPort
	int port;

	@Autowired
	ImportService importService;

	@Autowired
	GraphCounts counts;

	@Autowired
	Driver driver;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	void importBasicFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/basic"));
	}

	@Test
	void aReadReturnsItsColumnsAndRowsWithNodesAsLabelsAndProperties() throws Exception {
		JsonNode body = ok("MATCH (m:Mineral) RETURN m.id AS id, m ORDER BY id", Map.of());
		assertThat(strings(body.get("columns"))).containsExactly("id", "m");
		assertThat(body.get("rowCount").asInt()).isEqualTo(2);
		assertThat(body.get("truncated").asBoolean()).isFalse();
		assertThat(body.get("millis").isIntegralNumber()).isTrue();
		JsonNode gallium = body.get("rows").get(0);
		assertThat(gallium.get(0).stringValue()).isEqualTo("gallium");
		JsonNode node = gallium.get(1);
		assertThat(node.propertyNames()).containsExactly("elementId", "labels", "properties");
		assertThat(node.get("elementId").stringValue()).isNotBlank();
		assertThat(strings(node.get("labels"))).containsExactlyInAnyOrder("Mineral", "Item");
		assertThat(map(node.get("properties")))
			.isEqualTo(Map.of("id", "gallium", "name", "Gallium", "basis", "contained metal"));
		assertThat(body.get("rows").get(1).get(0).stringValue()).isEqualTo("rare-earths");
	}

	@Test
	void parametersNumbersDatesAndMapsComeBackAsJson() throws Exception {
		JsonNode body = ok("""
				MATCH (c:Country {iso3: $iso3})-[r:MEMBER_OF]->(b:Bloc)
				RETURN c.name AS name, $n + 1 AS n, $share * 2 AS share, r.since AS since,
				  datetime('2024-12-03T10:15:30Z') AS at, {bloc: b.code, tags: [1, 'two', null]} AS map
				""", Map.of("iso3", "DEU", "n", 41, "share", 0.25));
		assertThat(strings(body.get("columns"))).containsExactly("name", "n", "share", "since", "at", "map");
		assertThat(this.json.writeValueAsString(body.get("rows"))).isEqualTo(
				"[[\"Germany\",42,0.5,\"1958-01-01\",\"2024-12-03T10:15:30Z\",{\"bloc\":\"EU\",\"tags\":[1,\"two\",null]}]]");
	}

	@Test
	void aPathComesBackAsItsNodesAndRelationshipsInOrder() throws Exception {
		JsonNode body = ok("""
				MATCH p = (:Product {id: 'wind-turbine'})-[:REQUIRES]->(:Product)-[:REQUIRES]->(:Mineral)
				RETURN p
				""", Map.of());
		assertThat(body.get("rowCount").asInt()).isEqualTo(1);
		JsonNode path = body.get("rows").get(0).get(0);
		List<JsonNode> nodes = list(path.get("nodes"));
		assertThat(nodes).extracting(n -> n.get("properties").get("id").stringValue())
			.containsExactly("wind-turbine", "ndfeb-magnet", "rare-earths");
		List<JsonNode> relationships = list(path.get("relationships"));
		assertThat(relationships).hasSize(2);
		for (int i = 0; i < 2; i++) {
			JsonNode relationship = relationships.get(i);
			assertThat(relationship.propertyNames()).containsExactly("elementId", "type", "startElementId",
					"endElementId", "properties");
			assertThat(relationship.get("type").stringValue()).isEqualTo("REQUIRES");
			assertThat(relationship.get("startElementId").stringValue())
				.isEqualTo(nodes.get(i).get("elementId").stringValue());
			assertThat(relationship.get("endElementId").stringValue())
				.isEqualTo(nodes.get(i + 1).get("elementId").stringValue());
		}
		assertThat(map(relationships.get(0).get("properties")))
			.isEqualTo(Map.of("quantity", 650.0, "unit", "kg per turbine", "year", 2024, "source", "src-b"));
	}

	@Test
	void theAllowListedIntrospectionProceduresRun() throws Exception {
		JsonNode body = ok("CALL db.labels() YIELD label RETURN label ORDER BY label", Map.of());
		List<String> labels = new ArrayList<>();
		body.get("rows").forEach(row -> labels.add(row.get(0).stringValue()));
		// db.labels() also names labels that only an index holds now (StagedCountry,
		// between imports)
		assertThat(labels).containsAll(this.counts.nodes().keySet()).isSorted();
	}

	static Stream<Arguments> writes() {
		return Stream.of(Arguments.of("CREATE (n)", "writes are not allowed: Neo4j plans this query as WRITE_ONLY"),
				Arguments.of("MATCH (n) DETACH DELETE n",
						"writes are not allowed: Neo4j plans this query as WRITE_ONLY"),
				Arguments.of("MERGE (c:Country {iso3: 'XXX'}) RETURN c",
						"writes are not allowed: Neo4j plans this query as READ_WRITE"),
				Arguments.of("MATCH (c:Country) SET c.name = 'x'",
						"writes are not allowed: Neo4j plans this query as WRITE_ONLY"),
				Arguments.of("PROFILE MATCH (c:Country) REMOVE c.name",
						"writes are not allowed: Neo4j plans this query as WRITE_ONLY"),
				Arguments.of("CALL { MATCH (c:Country) RETURN c } IN TRANSACTIONS RETURN c",
						"CALL { ... } IN TRANSACTIONS is not allowed: it commits on its own"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("writes")
	void aWriteIsRefusedAndChangesNothing(String query, String reason) throws Exception {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		HttpResponse<String> response = post(body(query, Map.of()));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("title").stringValue()).isEqualTo("Query not allowed");
		assertThat(problem.get("detail").stringValue())
			.isEqualTo(reason + ". POST /api/cypher runs read-only queries.");
		assertThat(problem.get("check").stringValue()).isEqualTo("plan");
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@Test
	void theReadTransactionItselfRefusesAWriteAndThatIsAnsweredAsNotAllowed() {
		Neo4jException refused = null;
		try (var session = this.driver
			.session(SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
			session.executeRead(tx -> tx.run("CREATE (n)").consume());
		}
		catch (Neo4jException ex) {
			refused = ex;
		}
		assertThat(refused).isNotNull();
		CypherQueryException answer = Neo4jErrors.translate(refused, java.time.Duration.ofSeconds(1), 0, 0);
		assertThat(answer.status().value()).isEqualTo(403);
		assertThat(answer.getMessage()).startsWith("writes are not allowed: the read transaction refused it"
				+ " (Writing in read access mode not allowed.");
		assertThat(answer.properties()).containsEntry("check", "transaction");
	}

	static Stream<Arguments> forbidden() {
		return Stream.of(Arguments.of("CALL dbms.listConfig()", "procedure dbms.listConfig is not allowed", "plan"),
				Arguments.of("CALL `dbms`.`listConfig`() YIELD name RETURN name",
						"procedure dbms.listConfig is not allowed", "plan"),
				Arguments.of("CALL dbms.components()", "procedure dbms.components is not allowed", "plan"),
				Arguments.of("CALL db.ping()", "procedure db.ping is not allowed", "plan"),
				Arguments.of("LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l",
						"LOAD CSV is not allowed: it reads files and URLs", "plan"),
				Arguments.of("SHOW USERS", "administration commands are not allowed", "plan"),
				Arguments.of("SHOW INDEXES", "administration commands are not allowed", "plan"),
				Arguments.of("CREATE INDEX nope IF NOT EXISTS FOR (c:Country) ON (c.name)",
						"schema changes and administration are not allowed: Neo4j plans this query as SCHEMA_WRITE",
						"plan"),
				Arguments.of("USE system SHOW USERS",
						"the USE clause is not allowed: queries run on the default database", "text"),
				Arguments.of("GRANT ROLE admin TO bob", "administration commands (GRANT ...) are not allowed", "text"),
				Arguments.of("RETURN 1 AS one; MATCH (n) DETACH DELETE n", "one statement per request", "text"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("forbidden")
	void administrationFilesAndSystemProceduresAreRefused(String query, String reason, String check) throws Exception {
		JsonNode problem = problem(query, 403);
		assertThat(problem.get("detail").stringValue())
			.isEqualTo(reason + ". POST /api/cypher runs read-only queries.");
		assertThat(problem.get("check").stringValue()).isEqualTo(check);
	}

	@Test
	void aLongQueryIsCutAtTheTimeout() throws Exception {
		long started = System.nanoTime();
		JsonNode problem = problem("UNWIND range(1, 100000000) AS x WITH x WHERE x = -1 RETURN count(*) AS n", 400);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(problem.get("title").stringValue()).isEqualTo("Query timed out");
		assertThat(problem.get("detail").stringValue())
			.isEqualTo("The query ran longer than 1000 ms and was stopped (chokepoint.cypher.timeout).");
		assertThat(problem.get("code").stringValue())
			.isEqualTo("Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration");
		assertThat(problem.get("timeoutMillis").asLong()).isEqualTo(1000);
		assertThat(millis).isBetween(1000L, 5000L);
	}

	@Test
	void rowsPastTheCapAreNotFetchedAndTheResponseSaysTruncated() throws Exception {
		JsonNode body = ok("UNWIND range(1, 1000000) AS x RETURN x", Map.of());
		assertThat(body.get("rowCount").asInt()).isEqualTo(1000);
		assertThat(body.get("rows").size()).isEqualTo(1000);
		assertThat(body.get("truncated").asBoolean()).isTrue();
		assertThat(body.get("rows").get(0).get(0).asLong()).isEqualTo(1);
		assertThat(body.get("rows").get(999).get(0).asLong()).isEqualTo(1000);
		JsonNode exactlyTheCap = ok("UNWIND range(1, 1000) AS x RETURN x", Map.of());
		assertThat(exactlyTheCap.get("rowCount").asInt()).isEqualTo(1000);
		assertThat(exactlyTheCap.get("truncated").asBoolean()).isFalse();
	}

	@Test
	void aSyntaxErrorComesBackWithNeo4jsMessageAndPosition() throws Exception {
		JsonNode problem = problem("MATCH (n)\nRETRUN n", 400);
		assertThat(problem.get("title").stringValue()).isEqualTo("Cypher syntax error");
		assertThat(problem.get("detail").stringValue()).startsWith("Invalid input 'RETRUN': expected ")
			.contains("(line 2, column 1 (offset: 10))\n\"RETRUN n\"\n ^");
		assertThat(problem.get("code").stringValue()).isEqualTo("Neo.ClientError.Statement.SyntaxError");
		assertThat(problem.get("line").asInt()).isEqualTo(2);
		assertThat(problem.get("column").asInt()).isEqualTo(1);
		assertThat(problem.get("offset").asInt()).isEqualTo(10);
	}

	@Test
	void createInACommentOrAStringDoesNotStopARead() throws Exception {
		JsonNode body = ok("""
				MATCH (c:Country) // CREATE (x)
				WHERE c.name <> 'CREATE (n)' /* DROP INDEX foo; SHOW USERS */
				RETURN c.iso3 AS iso3, "LOAD CSV" AS `CREATE`
				ORDER BY iso3
				LIMIT 2
				""", Map.of());
		assertThat(strings(body.get("columns"))).containsExactly("iso3", "CREATE");
		assertThat(this.json.writeValueAsString(body.get("rows")))
			.isEqualTo("[[\"AUS\",\"LOAD CSV\"],[\"CHN\",\"LOAD CSV\"]]");
	}

	@Test
	void explainAndProfileAreFine() throws Exception {
		JsonNode profiled = ok("PROFILE MATCH (c:Country) RETURN count(c) AS n", Map.of());
		assertThat(this.json.writeValueAsString(profiled.get("rows"))).isEqualTo("[[7]]");
		JsonNode explained = ok("EXPLAIN MATCH (c:Country) RETURN c", Map.of());
		assertThat(strings(explained.get("columns"))).containsExactly("c");
		assertThat(explained.get("rowCount").asInt()).isZero();
	}

	@Test
	void aQueryThatFailsInNeo4jIsA400WithNeo4jsMessageAndCode() throws Exception {
		JsonNode problem = problem("UNWIND [1, 0] AS d RETURN 1 / d AS x", 400);
		assertThat(problem.get("title").stringValue()).isEqualTo("Query failed");
		assertThat(problem.get("detail").stringValue()).isEqualTo("/ by zero");
		assertThat(problem.get("code").stringValue()).isEqualTo("Neo.ClientError.Statement.ArithmeticError");
	}

	@Test
	void anUnknownFieldIsA400NamingIt() throws Exception {
		HttpResponse<String> response = post("{\"query\": \"RETURN $x AS x\", \"params\": {\"x\": 1}}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").stringValue()).isEqualTo("params");
		assertThat(problem.get("detail").stringValue())
			.isEqualTo("Parameter 'params' is not a field of the body, which has query and parameters");
	}

	@Test
	void aMissingOrBlankQueryIsA400NamingQuery() throws Exception {
		for (String request : List.of("{}", "{\"query\": \"  \"}", "{\"query\": null, \"parameters\": {}}")) {
			HttpResponse<String> response = post(request);
			assertThat(response.statusCode()).isEqualTo(400);
			JsonNode problem = this.json.readTree(response.body());
			assertThat(problem.get("parameter").stringValue()).isEqualTo("query");
			assertThat(problem.get("detail").stringValue())
				.isEqualTo("Parameter 'query' is required: one Cypher statement");
		}
	}

	@Test
	void parametersMustBeAJsonObject() throws Exception {
		HttpResponse<String> response = post("{\"query\": \"RETURN 1\", \"parameters\": [1, 2]}");
		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").stringValue()).isEqualTo("parameters");
	}

	@Test
	void aBodyThatIsNotAJsonObjectIsA400() throws Exception {
		for (String request : List.of("RETURN 1", "[\"RETURN 1\"]", "")) {
			HttpResponse<String> response = post(request);
			assertThat(response.statusCode()).as(request).isEqualTo(400);
			assertThat(this.json.readTree(response.body()).get("parameter").stringValue()).isEqualTo("body");
		}
	}

	@Test
	void aBodyOver64KiBIsRefusedWith413() throws Exception {
		String query = "RETURN 1 AS one // " + "x".repeat(64 * 1024);
		HttpResponse<String> response = post(body(query, Map.of()));
		assertThat(response.statusCode()).isEqualTo(413);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("detail").stringValue())
			.isEqualTo("The request body is larger than 65536 bytes (chokepoint.cypher.max-request-size).");
	}

	private JsonNode ok(String query, Map<String, Object> parameters) throws IOException, InterruptedException {
		HttpResponse<String> response = post(body(query, parameters));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private JsonNode problem(String query, int status) throws IOException, InterruptedException {
		HttpResponse<String> response = post(body(query, Map.of()));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
		return this.json.readTree(response.body());
	}

	private String body(String query, Map<String, Object> parameters) {
		return this.json.writeValueAsString(Map.of("query", query, "parameters", parameters));
	}

	private HttpResponse<String> post(String body) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/cypher"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach(element -> strings.add(element.stringValue()));
		return strings;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> list = new ArrayList<>();
		array.forEach(list::add);
		return list;
	}

	private Map<String, Object> map(JsonNode object) {
		@SuppressWarnings("unchecked")
		Map<String, Object> map = this.json.convertValue(object, Map.class);
		return map;
	}

}
