package org.chokepoint.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the clients ask, drawn at random from the knowledge base's own keys so that most
 * requests miss the analysis cache at first (it holds a result per product, consumer,
 * year and cut):
 * <ul>
 * <li>{@value #CHAIN_PERCENT} % chain analyses: {@code GET
 * /api/chains/{product}?consumer=&year=&threshold=&paths=}, every product, consumers with
 * sourcing data and a few countries, years 2018 to 2026, thresholds 0.3 to 0.8, 0 or 3
 * paths;</li>
 * <li>{@value #SCENARIO_PERCENT} % scenarios: {@code POST /api/scenarios}, a top producer
 * of a random mineral cutting a fraction (0.25, 0.5, 1) of it at a random or every stage,
 * for one consumer and a year;</li>
 * <li>the rest ad-hoc Cypher: {@code POST /api/cypher}, four read queries with random
 * parameters.</li>
 * </ul>
 */
final class Workload {

	static final int CHAIN_PERCENT = 60;

	static final int SCENARIO_PERCENT = 25;

	enum Kind {

		CHAIN, SCENARIO, CYPHER

	}

	/** One request to send, and its kind. */
	record Call(Kind kind, HttpRequest request) {
	}

	private static final List<String> CYPHER = List.of("""
			MATCH (c:Country)-[f:MINES|REFINES]->(m:Mineral {id: $mineral})
			WHERE f.year = $year
			RETURN c.name AS country, type(f) AS stage, f.share AS share
			ORDER BY share DESC LIMIT 5""", """
			MATCH (p:Product {id: $product})-[:REQUIRES*1..4]->(i:Item)
			RETURN DISTINCT i.id AS input ORDER BY input""", """
			MATCH (b:Party {code: $consumer})-[s:SOURCES]->(x:Party)
			RETURN s.item AS item, s.stage AS stage, x.code AS supplier, s.share AS share
			ORDER BY item, share DESC LIMIT 50""", """
			MATCH (c:Country)
			OPTIONAL MATCH (c)-[:MEMBER_OF]->(b:Bloc)
			RETURN b.code AS bloc, count(c) AS countries ORDER BY bloc""");

	private static final String[] STAGES = { null, "MINING", "REFINING" };

	private final URI base;

	private final JsonMapper json = JsonMapper.builder().build();

	private final List<String> products;

	private final List<String> minerals;

	private final List<String> consumers;

	private final Map<String, List<String>> producers;

	private Workload(URI base, List<String> products, List<String> minerals, List<String> consumers,
			Map<String, List<String>> producers) {
		this.base = base;
		this.products = products;
		this.minerals = minerals;
		this.consumers = consumers;
		this.producers = producers;
	}

	/**
	 * Reads the keys to draw from (products, minerals, consumers, each mineral's top
	 * producers) from the server.
	 */
	static Workload load(URI base, HttpClient http) throws IOException, InterruptedException {
		Workload reader = new Workload(base, List.of(), List.of(), List.of(), Map.of());
		List<String> products = reader.column(http, "MATCH (p:Product) RETURN p.id AS id ORDER BY id");
		List<String> consumers = new ArrayList<>(
				reader.column(http, "MATCH (b:Party)-[:SOURCES]->() RETURN DISTINCT b.code AS code ORDER BY code"));
		for (String country : List.of("USA", "CHN", "JPN", "KOR", "IND", "DEU", "GBR", "FRA", "AUS", "BRA")) {
			if (!consumers.contains(country)) {
				consumers.add(country);
			}
		}
		Map<String, List<String>> producers = new LinkedHashMap<>();
		for (JsonNode row : reader.rows(http, """
				MATCH (c:Country)-[f:MINES|REFINES]->(m:Mineral)
				WITH m, c, max(f.share) AS share ORDER BY share DESC
				WITH m, collect(c.iso3)[0..3] AS top
				RETURN m.id AS mineral, top ORDER BY mineral""")) {
			List<String> top = new ArrayList<>();
			row.get(1).forEach(code -> top.add(code.asString()));
			producers.put(row.get(0).asString(), top);
		}
		return new Workload(base, products, List.copyOf(producers.keySet()), List.copyOf(consumers), producers);
	}

	String describe() {
		return this.products.size() + " products, " + this.minerals.size() + " minerals, " + this.consumers.size()
				+ " consumers " + this.consumers;
	}

	/** The next request of a client. */
	Call next(SplittableRandom random) {
		int dice = random.nextInt(100);
		if (dice < CHAIN_PERCENT) {
			String path = "/api/chains/" + pick(random, this.products) + "?consumer=" + pick(random, this.consumers)
					+ "&year=" + (2018 + random.nextInt(9)) + "&threshold=" + (3 + random.nextInt(6)) / 10.0 + "&paths="
					+ (random.nextInt(4) == 0 ? 3 : 0);
			return new Call(Kind.CHAIN,
					HttpRequest.newBuilder(this.base.resolve(path))
						.header("Accept", "application/json")
						.timeout(Duration.ofMinutes(5))
						.GET()
						.build());
		}
		if (dice < CHAIN_PERCENT + SCENARIO_PERCENT) {
			String mineral = pick(random, this.minerals);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("country", pick(random, this.producers.get(mineral)));
			body.put("items", List.of(mineral));
			String stage = STAGES[random.nextInt(STAGES.length)];
			if (stage != null) {
				body.put("stage", stage);
			}
			body.put("fraction", new double[] { 0.25, 0.5, 1.0 }[random.nextInt(3)]);
			body.put("consumers", List.of(pick(random, this.consumers)));
			body.put("year", 2020 + random.nextInt(7));
			return post(Kind.SCENARIO, "/api/scenarios", body);
		}
		int query = random.nextInt(CYPHER.size());
		Map<String, Object> parameters = switch (query) {
			case 0 -> Map.of("mineral", pick(random, this.minerals), "year", 2020L + random.nextInt(5));
			case 1 -> Map.of("product", pick(random, this.products));
			case 2 -> Map.of("consumer", pick(random, this.consumers));
			default -> Map.of();
		};
		return post(Kind.CYPHER, "/api/cypher", Map.of("query", CYPHER.get(query), "parameters", parameters));
	}

	private Call post(Kind kind, String path, Object body) {
		return new Call(kind,
				HttpRequest.newBuilder(this.base.resolve(path))
					.header("Content-Type", "application/json")
					.header("Accept", "application/json")
					.timeout(Duration.ofMinutes(5))
					.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
					.build());
	}

	private static String pick(SplittableRandom random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

	private List<String> column(HttpClient http, String query) throws IOException, InterruptedException {
		List<String> values = new ArrayList<>();
		rows(http, query).forEach(row -> values.add(row.get(0).asString()));
		return values;
	}

	private List<JsonNode> rows(HttpClient http, String query) throws IOException, InterruptedException {
		HttpResponse<String> response = http.send(post(Kind.CYPHER, "/api/cypher", Map.of("query", query)).request(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"POST /api/cypher " + query + ": " + response.statusCode() + " " + response.body());
		}
		List<JsonNode> rows = new ArrayList<>();
		this.json.readTree(response.body()).get("rows").forEach(rows::add);
		return rows;
	}

}
