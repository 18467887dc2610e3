package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.GraphCounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Throws hostile values at every operation the OpenAPI document lists, so endpoints added
 * later are covered too: every path and query parameter in turn, every property of a JSON
 * body, whole hostile bodies, wrong content types and unacceptable {@code Accept}
 * headers. Nothing may answer 5xx; every 4xx is a problem detail with a {@code detail};
 * the graph's counts per label and type are the same afterwards. The admin endpoints are
 * called with the admin's credentials, so the values reach them.
 */
@ChokepointTest
class HostileInputSweepIT {

	static final String ADMIN = "admin:test-admin-secret";

	/** Hostile values for a path or query parameter. */
	static final List<String> PARAMETER_VALUES = List.of("", " ", "-1", "0", "NaN", "Infinity", "1e309",
			"99999999999999999999999999", "1.5", "2024-13-45", "+999999999-01-01", "x'}) DETACH DELETE n //",
			"MATCH (n) DETACH DELETE n", "\",\"admin\":true,\"x\":\"", "<script>alert(1)</script>",
			"../../../../etc/passwd", "/etc", "a\u0000b", "\t\r\n", "%", "%25%32%66", "日本語\uD800", "x".repeat(10_000),
			"x".repeat(100_000));

	/** Hostile JSON values for one property of a body. */
	static final List<String> JSON_VALUES = List.of("\"\"", "-1", "1e309", "\"NaN\"",
			"99999999999999999999999999999999", "1" + "0".repeat(2000), "true", "null", "[]", "{}", "[null]",
			"[\"x'}) DETACH DELETE n //\"]", "\"x'}) DETACH DELETE n //\"", "\"MATCH (n) DETACH DELETE n\"",
			"\"CALL dbms.security.createUser('x', 'y')\"", "\"LOAD CSV FROM 'file:///etc/passwd' AS l RETURN l\"",
			"\"2024-13-45\"", "\"\\u0000\"", "\"" + "x".repeat(100_000) + "\"",
			"[" + "\"x\",".repeat(50_000) + "\"x\"]", "[".repeat(10_000) + "]".repeat(10_000));

	/** Whole hostile bodies. */
	static final List<String> BODIES = List.of("", " ", "null", "[]", "\"x\"", "42", "{", "{\"a\":", "{'a': 1}",
			"{\"a\": NaN}", "{\"a\": 1,}", "{\"country\": \"CHN\", \"country\": \"USA\"}",
			"{\"query\": \"RETURN 1\", \"query\": \"MATCH (n) DETACH DELETE n\"}", "{\"unknownField\": 1}",
			"[".repeat(10_000) + "]".repeat(10_000), "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
			"{\"a\": " + "9".repeat(5000) + "}", "<xml/>", "\u0000\u0001\u0002", "\uFEFF{}",
			"{\"x\": \"" + "y".repeat(900_000) + "\"}");

	static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
			"multipart/form-data; boundary=b", "application/x-www-form-urlencoded", "application/json; charset=EBCDIC",
			"garbage", "application/octet-stream");

	static final List<String> ACCEPTS = List.of("application/xml", "image/png", "text/csv", "garbage", "*/*;q=x",
			"application/problem+xml");

	/**
	 * A value that reaches past the parameter's own check, per parameter name (others get
	 * "x").
	 */
	static final Map<String, String> VALID = Map.of("productId", "ndfeb-magnet", "consumer", "EU", "iso3", "CHN",
			"name", "chain");

	static final Map<String, String> VALID_ID = Map.of("/api/minerals", "gallium", "/api/products", "ndfeb-magnet",
			"/api/agreements", "msp", "/api/sources", "usgs-mcs-2026-rare-earths");

	/**
	 * Valid bodies that are cheap to answer: zirconium is in no bill of materials, so
	 * nothing is computed.
	 */
	static final Map<String, String> VALID_BODY = Map.of("/api/scenarios",
			"{\"country\":\"CHN\",\"items\":[\"zirconium\"],\"targets\":[\"USA\"],\"fraction\":1,\"consumers\":[\"USA\"],\"year\":2024}",
			"/api/cypher",
			"{\"query\":\"MATCH (c:Country {iso3: $iso3}) RETURN c.name AS name\",\"parameters\":{\"iso3\":\"CHN\"}}");

	/**
	 * Optional query parameters set anyway, so the other calls stay cheap (no import of
	 * the shipped data).
	 */
	static final Map<String, Map<String, String>> VALID_QUERY = Map.of("/api/admin/import",
			Map.of("dir", "target/no-such-folder"));

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	GraphCounts counts;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	final AtomicInteger sent = new AtomicInteger();

	final Map<String, Long> slowest = new java.util.concurrent.ConcurrentHashMap<>();

	final List<Runnable> baselines = new ArrayList<>();

	@Test
	void noHostileInputGetsA5xxOrChangesTheGraph() throws Exception {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		JsonNode docs = this.json.readTree(send(get("/v3/api-docs", "application/json")).body());
		List<Runnable> calls = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				operations++;
				calls.addAll(callsFor(path.getKey(), operation.getKey().toUpperCase(), operation.getValue(), docs));
			}
			calls.add(() -> check("DELETE " + path.getKey(),
					request(url(path.getKey(), Map.of(), Map.of()), "DELETE", null, null, "application/json", null)));
		}
		calls.add(() -> check("GET /api/nope", get("/api/nope", "application/json")));
		// the valid request of each operation first, one at a time: its analysis is then
		// cached for
		// the hostile variants that still reach it (Accept, content types)
		for (Runnable baseline : this.baselines) {
			baseline.run();
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> futures = new ArrayList<>();
			calls.forEach(call -> futures.add(pool.submit(call)));
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(operations).as("operations in the OpenAPI document").isGreaterThanOrEqualTo(21);
		assertThat(this.sent.get()).as("requests sent").isGreaterThan(1000);
		System.out.println("sweep: " + this.sent.get() + " requests to " + operations + " operations");
		this.slowest.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(15)
			.forEach(e -> System.out.println("slow: " + e.getValue() + " ms " + e.getKey()));
		assertThat(String.join("\n", this.failures)).as(this.failures.size() + " failures").isEmpty();
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	private List<Runnable> callsFor(String path, String method, JsonNode operation, JsonNode docs) {
		List<Runnable> calls = new ArrayList<>();
		Map<String, String> pathValues = new LinkedHashMap<>();
		Map<String, String> queryValues = new LinkedHashMap<>(VALID_QUERY.getOrDefault(path, Map.of()));
		List<JsonNode> parameters = new ArrayList<>();
		if (operation.has("parameters")) {
			operation.get("parameters").forEach(parameters::add);
		}
		for (JsonNode parameter : parameters) {
			String name = parameter.get("name").asString();
			if (parameter.get("in").asString().equals("path")) {
				pathValues.put(name, validValue(path, name));
			}
			else if (parameter.path("required").asBoolean(false)) {
				queryValues.put(name, validValue(path, name));
			}
		}
		String credentials = path.startsWith("/api/admin/") ? ADMIN : null;
		String validBody = VALID_BODY.getOrDefault(path, "{}");
		boolean hasBody = operation.has("requestBody");
		String contentType = hasBody ? "application/json" : null;
		String body = hasBody ? validBody : null;
		String name = method + " " + path;
		// each parameter in turn, the others valid
		for (JsonNode parameter : parameters) {
			String parameterName = parameter.get("name").asString();
			boolean inPath = parameter.get("in").asString().equals("path");
			for (String value : PARAMETER_VALUES) {
				if (value.isBlank() && path.startsWith("/api/admin/import")) {
					continue; // a blank dir imports the shipped data: allowed, and slow
				}
				Map<String, String> pathCopy = new LinkedHashMap<>(pathValues);
				Map<String, String> queryCopy = new LinkedHashMap<>(queryValues);
				(inPath ? pathCopy : queryCopy).put(parameterName, value);
				String label = name + " " + parameterName + "=" + clip(value);
				calls.add(() -> check(label, request(url(path, pathCopy, queryCopy), method, body, contentType,
						"application/json", credentials)));
			}
		}
		URI valid = url(path, pathValues, queryValues);
		this.baselines.add(() -> check(name + " (valid)",
				request(valid, method, body, contentType, "application/json", credentials)));
		// unacceptable Accept headers
		for (String accept : ACCEPTS) {
			calls.add(() -> check(name + " Accept: " + accept,
					request(valid, method, body, contentType, accept, credentials)));
		}
		if (!method.equals("POST")) {
			return calls;
		}
		// wrong content types, with the valid body
		String anyBody = body != null ? body : "{}";
		for (String type : CONTENT_TYPES) {
			calls.add(() -> check(name + " Content-Type: " + type,
					request(valid, method, anyBody, type, "application/json", credentials)));
		}
		calls.add(() -> check(name + " without Content-Type",
				request(valid, method, anyBody, null, "application/json", credentials)));
		// whole hostile bodies, as JSON; and one over the size limit, chunked
		for (String hostile : BODIES) {
			calls.add(() -> check(name + " body " + clip(hostile),
					request(valid, method, hostile, "application/json", "application/json", credentials)));
		}
		calls.add(() -> check(name + " chunked 2 MB body", chunked(valid, method, 2 * 1024 * 1024, credentials)));
		// each property of the body in turn
		if (hasBody) {
			for (String property : properties(operation, docs)) {
				for (String value : JSON_VALUES) {
					String hostile = withProperty(validBody, property, value);
					calls.add(() -> check(name + " " + property + "=" + clip(value),
							request(valid, method, hostile, "application/json", "application/json", credentials)));
				}
			}
		}
		return calls;
	}

	private static String validValue(String path, String name) {
		if (name.equals("id")) {
			return VALID_ID.entrySet()
				.stream()
				.filter(e -> path.startsWith(e.getKey() + "/"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse("x");
		}
		return VALID.getOrDefault(name, "x");
	}

	/**
	 * The property names of an operation's JSON body, from its schema (nested disruptions
	 * too).
	 */
	private static List<String> properties(JsonNode operation, JsonNode docs) {
		JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
		if (schema.has("$ref")) {
			schema = docs.at(schema.get("$ref").asString().substring(1));
		}
		List<String> names = new ArrayList<>();
		if (schema.has("properties")) {
			schema.get("properties").propertyNames().forEach(names::add);
		}
		if (names.isEmpty()) {
			names.add("query"); // a body read by hand has no schema
			names.add("parameters");
		}
		return names;
	}

	private String withProperty(String validBody, String property, String value) {
		ObjectNode body = (ObjectNode) this.json.readTree(validBody);
		body.put(property, "\u0001PLACEHOLDER\u0001");
		return this.json.writeValueAsString(body).replace("\"\\u0001PLACEHOLDER\\u0001\"", value);
	}

	private URI url(String path, Map<String, String> pathValues, Map<String, String> queryValues) {
		String resolved = path;
		for (Map.Entry<String, String> value : pathValues.entrySet()) {
			resolved = resolved.replace("{" + value.getKey() + "}", encode(value.getValue()));
		}
		resolved = resolved.replaceAll("\\{[^}]+}", "x");
		StringBuilder url = new StringBuilder("http://localhost:" + this.port + resolved);
		String separator = "?";
		for (Map.Entry<String, String> value : queryValues.entrySet()) {
			url.append(separator).append(encode(value.getKey())).append('=').append(encode(value.getValue()));
			separator = "&";
		}
		return URI.create(url.toString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private HttpRequest get(String path, String accept) {
		return request(URI.create("http://localhost:" + this.port + path), "GET", null, null, accept, null);
	}

	private HttpRequest request(URI url, String method, String body, String contentType, String accept,
			String credentials) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(60))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return request.build();
	}

	private HttpRequest chunked(URI url, String method, int size, String credentials) {
		byte[] bytes = ("{\"query\": \"" + "x".repeat(size) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return request.build();
	}

	private HttpResponse<String> send(HttpRequest request) {
		this.sent.incrementAndGet();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(request + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void check(String label, HttpRequest request) {
		HttpResponse<String> response;
		long started = System.nanoTime();
		try {
			response = send(request);
			this.slowest.put(label, (System.nanoTime() - started) / 1_000_000);
		}
		catch (IllegalStateException ex) {
			this.failures.add(label + ": no answer: " + ex.getMessage());
			return;
		}
		int status = response.statusCode();
		if (status >= 500) {
			this.failures.add(label + ": " + status + " " + clip(response.body()));
			return;
		}
		if (status >= 400) {
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (!type.startsWith("application/problem+json")) {
				this.failures
					.add(label + ": " + status + " without a problem detail: " + type + " " + clip(response.body()));
				return;
			}
			JsonNode problem = this.json.readTree(response.body());
			if (!problem.path("detail").isString() || problem.get("detail").asString().isBlank()) {
				this.failures.add(label + ": " + status + " problem without a detail: " + clip(response.body()));
			}
		}
		else if (status != 200 && status != 304) {
			this.failures.add(label + ": unexpected " + status);
		}
	}

	private static String clip(String value) {
		String single = value.replace("\n", "\\n").replace("\r", "\\r");
		return single.length() <= 60 ? single : single.substring(0, 57) + "...(" + value.length() + ")";
	}

}
