package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The same data answers the same bytes whatever the store's history. A fixture (the
 * analysis fixture with inputs of equal exposure and splits of many suppliers, whose sums
 * depend on the order they are added in) is imported into a fresh database; then another
 * fixture is imported over it and the first again; then every relationship the chains
 * read is deleted and created anew in the reverse order, so that the store returns rows
 * of equal sort keys in another order. Every time the chains (both engines), the exposure
 * table and the single points of failure (both engines), the world matrix, the trend and
 * the facts chain-facts.cypher reads are byte-identical to the fresh database's.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class DeterministicAnswersIT {

	static final List<String> CONSUMERS = List.of("EU", "USA", "JPN", "CHN");

	/** The products whose chains are compared (every product is in the other answers). */
	static final List<String> CHAINS = List.of("p-many", "p-tie", "p-mag", "p-dia", "p-two");

	/** Relationship types the chain answers read. */
	static final List<String> READ = List.of("MINES", "REFINES", "MANUFACTURES", "SOURCING_SPLIT", "REQUIRES",
			"MEMBER_OF");

	@Autowired
	ImportService imports;

	@Autowired
	ChainFactsQuery facts;

	@Autowired
	ChainProjections projections;

	@Autowired
	DataVersion version;

	@Autowired
	Neo4jClient client;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void theSameDataReachedByThreeHistoriesAnswersTheSameBytes() throws IOException {
		Path data = fixture(this.folder.resolve("b"));
		this.imports.importDirectory(data, true);
		Map<String, String> fresh = answers();
		assertThat(fresh).hasSizeGreaterThan(90);
		// p-tie's input chains tie: the smallest leaf item id is the worst, in both
		// engines
		fresh.forEach((request, answer) -> {
			if (request.startsWith("/api/chains/p-tie?")) {
				assertThat(answer).as(request).contains("\"worstInput\":\"tie-a\"");
			}
		});

		this.imports.importDirectory(Fixture.BASIC, true);
		this.imports.importDirectory(data, true);
		assertSame(answers(), fresh, "imported again after another import");

		READ.forEach(this::recreateReversed);
		this.version.clear();
		this.projections.rebuild();
		assertSame(answers(), fresh, "relationships deleted and created anew in reverse order");
	}

	private static void assertSame(Map<String, String> answers, Map<String, String> fresh, String history) {
		assertThat(answers.keySet()).isEqualTo(fresh.keySet());
		List<String> differing = new ArrayList<>();
		fresh.forEach((request, answer) -> {
			if (!answer.equals(answers.get(request))) {
				differing.add(request + "\n  fresh: " + answer + "\n  now:   " + answers.get(request));
			}
		});
		assertThat(differing).as("answers that differ, %s", history).isEmpty();
	}

	/**
	 * Deletes every relationship of {@code type} and creates each anew, with its
	 * properties, in the reverse of the order the store returned them.
	 */
	private void recreateReversed(String type) {
		List<Map<String, Object>> rows = new ArrayList<>(this.client
			.query("MATCH (a)-[r:" + type + "]->(b) RETURN elementId(a) AS a, elementId(b) AS b, properties(r) AS p")
			.fetch()
			.all());
		assertThat(rows).as(type).isNotEmpty();
		Collections.reverse(rows);
		this.client.query("MATCH ()-[r:" + type + "]->() DELETE r").run();
		this.client.query("""
				UNWIND $rows AS row
				MATCH (a) WHERE elementId(a) = row.a
				MATCH (b) WHERE elementId(b) = row.b
				CREATE (a)-[r:%s]->(b)
				SET r = row.p
				""".formatted(type)).bind(rows).to("rows").run();
	}

	/** Every answer by its request (the facts by product, year and sourcing). */
	private Map<String, String> answers() {
		Api api = new Api(this.port, this.json);
		List<String> products = List
			.copyOf(this.client.query("MATCH (p:Product) RETURN p.id AS id ORDER BY id").fetchAs(String.class).all());
		Map<String, String> answers = new LinkedHashMap<>();
		for (String product : products) {
			for (Sourcing sourcing : Sourcing.values()) {
				answers.put("facts " + product + " " + sourcing, this.facts.load(product, 2024, sourcing).toString());
			}
		}
		for (String consumer : CONSUMERS) {
			for (String engine : List.of("projection", "cypher")) {
				for (String sourcing : List.of("traced", "direct")) {
					String query = "consumer=" + consumer + "&year=2024&sourcing=" + sourcing + "&engine=" + engine;
					get(api, answers, "/api/exposure?" + query + "&threshold=0.3");
					get(api, answers, "/api/spof?" + query + "&threshold=0.3");
					for (String product : CHAINS) {
						get(api, answers, "/api/chains/" + product + "?" + query + "&asOf=2026-02-15&paths=3");
					}
				}
			}
			for (String product : List.of("p-tie", "p-many", "p-mag")) {
				get(api, answers,
						"/api/exposure/trend?consumer=" + consumer + "&product=" + product + "&from=2023&to=2025");
			}
		}
		get(api, answers, "/api/exposure/matrix?year=2024&threshold=0.3");
		get(api, answers, "/api/exposure/matrix?year=2024&sourcing=direct");
		return answers;
	}

	private static void get(Api api, Map<String, String> answers, String path) {
		HttpResponse<String> response = api.get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		answers.put(path, response.body());
	}

	/**
	 * The analysis fixture and: p-tie, on two minerals of the same split (its input
	 * chains tie); p-many, made and refined by many countries whose shares add up to
	 * other last bits in another order, and bought by several buyers at their own mixes.
	 */
	private static Path fixture(Path folder) throws IOException {
		Files.createDirectories(folder);
		try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures/analysis"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
				Files.copy(file, folder.resolve(file.getFileName().toString()));
			}
		}
		append(folder, "minerals.csv", """
				tie-a,Tied mineral A,contained metal,
				tie-b,Tied mineral B,contained metal,
				many,Many-country mineral,contained metal,
				""");
		append(folder, "products.csv", """
				p-tie,Product on two tied minerals,END_PRODUCT,
				p-many,Product of many countries,END_PRODUCT,
				""");
		append(folder, "bom.csv", """
				p-tie,tie-b,1,kg,2024,s1,
				p-tie,tie-a,1,kg,2024,s1,
				p-many,many,1,kg,2024,s1,
				p-many,tie-a,1,kg,2024,s1,
				""");
		StringBuilder production = new StringBuilder();
		for (String mineral : List.of("tie-a", "tie-b")) {
			production.append("CHN,").append(mineral).append(",REFINING,2024,,,0.7,,s1,\n");
			production.append("AUS,").append(mineral).append(",REFINING,2024,,,0.3,,s1,\n");
		}
		String[][] many = { { "CHN", "0.1" }, { "USA", "0.2" }, { "JPN", "0.3" }, { "AUS", "0.07" }, { "DEU", "0.13" },
				{ "KOR", "0.11" }, { "CAN", "0.09" } };
		for (String[] share : many) {
			production.append(share[0]).append(",many,REFINING,2024,,,").append(share[1]).append(",,s1,\n");
			production.append(share[0]).append(",many,MINING,2023,,,").append(share[1]).append(",,s1,\n");
			production.append(share[0]).append(",p-many,MANUFACTURING,2024,,,").append(share[1]).append(",,s1,\n");
		}
		append(folder, "production.csv", production.toString());
		append(folder, "sourcing.csv", """
				USA,CHN,p-many,MANUFACTURING,2024,0.3,,,s1,,supply
				USA,KOR,p-many,MANUFACTURING,2024,0.3,,,s1,,supply
				USA,JPN,p-many,MANUFACTURING,2024,0.1,,,s1,,supply
				JPN,CHN,p-many,MANUFACTURING,2024,0.2,,,s1,,supply
				JPN,KOR,p-many,MANUFACTURING,2024,0.7,,,s1,,supply
				KOR,CHN,p-many,MANUFACTURING,2024,0.6,,,s1,,supply
				KOR,USA,p-many,MANUFACTURING,2024,0.3,,,s1,,supply
				EU,CHN,many,REFINING,2024,0.3,,,s1,,supply
				EU,CAN,many,REFINING,2024,0.6,,,s1,,supply
				""");
		return folder;
	}

	private static void append(Path folder, String file, String rows) throws IOException {
		Files.writeString(folder.resolve(file), rows, StandardOpenOption.APPEND);
	}

}
