package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.chokepoint.importer.ImportService;
import org.chokepoint.lookup.Years;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code GET /api/exposure/matrix} on the analysis fixture: its cells are the single
 * chain endpoint's figures, worst input and SPOF count for the same pair, with either
 * sourcing; a consumer without a supply mix of its own has no row; CSV; bad parameters.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorldMatrixIT {

	private static final Path FIXTURE = Path.of("src/test/resources/fixtures/analysis");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Neo4jClient client;

	private Api api;

	@BeforeAll
	void importFixture(@Autowired ImportService importService) {
		importService.importDirectory(FIXTURE);
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, this.json);
	}

	private JsonNode getJson(String path) {
		HttpResponse<String> response = this.api.get(path);
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	@Test
	void everyCellIsTheChainsAnswerForThePair() {
		for (String sourcing : List.of("traced", "direct")) {
			JsonNode matrix = getJson("/api/exposure/matrix?year=2024&sourcing=" + sourcing + "&threshold=0.5");
			assertThat(matrix.get("year").asInt()).isEqualTo(2024);
			assertThat(matrix.get("sourcing").asString()).isEqualTo(sourcing);
			assertThat(matrix.get("units").get("chinaExposure").asString()).isEqualTo("fraction 0..1");
			List<String> consumers = strings(matrix.get("consumers"));
			List<String> products = strings(matrix.get("products"));
			assertThat(consumers).contains("EU", "JPN");
			assertThat(products).hasSize(8).isSorted();
			JsonNode cells = matrix.get("cells");
			assertThat(cells.size()).isEqualTo(consumers.size() * products.size());
			int compared = 0;
			for (JsonNode cell : cells) {
				String consumer = cell.get("consumer").asString();
				// every cell of the consumers with their own sourcing rows, a few others
				if (!Set.of("EU", "JPN").contains(consumer) && compared >= 24) {
					continue;
				}
				JsonNode chain = getJson("/api/chains/" + cell.get("product").asString() + "?consumer=" + consumer
						+ "&year=2024&sourcing=" + sourcing + "&threshold=0.5");
				for (String figure : List.of("chinaExposure", "unknownShare", "chinaFreeShare")) {
					if (chain.get(figure).isNull()) {
						assertThat(cell.get(figure).isNull()).as(consumer + " " + figure).isTrue();
					}
					else {
						assertThat(cell.get(figure).asDouble()).as(consumer + " " + figure)
							.isCloseTo(chain.get(figure).asDouble(), within(1e-12));
					}
				}
				assertThat(cell.get("worstInput").asString()).isEqualTo(chain.get("worstInput").asString());
				assertThat(cell.get("singlePointsOfFailure").asInt()).as(consumer + " " + cell.get("product"))
					.isEqualTo(chain.get("singlePointsOfFailure").size());
				compared++;
			}
			assertThat(compared).isGreaterThanOrEqualTo(16);
		}
	}

	@Test
	void aMatrixAnsweredFromTheProjectionOpensNoTransaction(@Autowired WorldMatrixService matrices,
			@Autowired ChainProjections projections, @Autowired PlatformTransactionManager transactions) {
		assertThat(projections.serving()).as("a projection is served after the import").isNotNull();
		// the first ask reads what the look-ups keep
		WorldMatrix first = matrices.matrix(2024, Sourcing.TRACED, 0.5, List.of("JPN"), List.of());
		assertThat(first.cells()).isNotEmpty();
		int begun = TransactionsBegun.during(transactions, this.client, projections::serving, () -> {
			for (double threshold : new double[] { 0.4, 0.6, 0.7 }) {
				WorldMatrix matrix = matrices.matrix(2024, Sourcing.TRACED, threshold, List.of("JPN"), List.of());
				assertThat(matrix.cells()).hasSameSizeAs(first.cells());
			}
		});
		// a read transaction's begin and commit would cost more than a matrix of one cell
		assertThat(begun).as("transactions begun by three matrices").isZero();
	}

	@Test
	void aConsumerWithoutASupplyMixOfItsOwnHasNoRow() {
		List<String> parties = List.copyOf(
				this.client.query("MATCH (p:Party) RETURN p.code AS code ORDER BY code").fetchAs(String.class).all());
		List<String> withMix = List.copyOf(this.client
			.query("MATCH (p:Party)-[:SOURCING_SPLIT {sourcing: 'traced'}]->() RETURN DISTINCT p.code AS code")
			.fetchAs(String.class)
			.all());
		JsonNode matrix = getJson("/api/exposure/matrix?year=2024");
		List<String> consumers = strings(matrix.get("consumers"));
		List<String> withoutData = strings(matrix.get("withoutData"));
		assertThat(consumers).isSorted().allMatch(withMix::contains);
		assertThat(withoutData).isNotEmpty().noneMatch(withMix::contains);
		Set<String> all = new HashSet<>(consumers);
		all.addAll(withoutData);
		assertThat(all).containsExactlyInAnyOrderElementsOf(parties);
		for (JsonNode cell : matrix.get("cells")) {
			assertThat(withoutData).doesNotContain(cell.get("consumer").asString());
		}
		// asked for by name: still no row
		String none = withoutData.get(0);
		JsonNode asked = getJson("/api/exposure/matrix?year=2024&consumers=EU," + none + "&products=p-mag,p-six");
		assertThat(strings(asked.get("consumers"))).containsExactly("EU");
		assertThat(strings(asked.get("withoutData"))).containsExactly(none);
		assertThat(strings(asked.get("products"))).containsExactly("p-mag", "p-six");
		assertThat(asked.get("cells").size()).isEqualTo(2);
	}

	@Test
	void csvHasOneLinePerCellWithUnitsInTheColumnNames() {
		JsonNode matrix = getJson("/api/exposure/matrix?year=2024&consumers=EU,JPN");
		HttpResponse<String> csv = this.api.get("/api/exposure/matrix?year=2024&consumers=EU,JPN", "text/csv");
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"exposure-matrix-2024.csv\"");
		HttpResponse<String> direct = this.api
			.get("/api/exposure/matrix?year=2024&consumers=EU&sourcing=direct&format=csv");
		assertThat(direct.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("attachment; filename=\"exposure-matrix-2024-direct.csv\"");
		List<String> lines = List.of(csv.body().split("\r\n"));
		assertThat(lines.get(0)).isEqualTo("consumer,year,product,china_exposure_fraction,unknown_share_fraction,"
				+ "china_free_share_fraction,worst_input,single_points_of_failure_count");
		assertThat(lines).hasSize(1 + matrix.get("cells").size());
		JsonNode first = matrix.get("cells").get(0);
		String[] cells = lines.get(1).split(",", -1);
		assertThat(cells[0]).isEqualTo(first.get("consumer").asString());
		assertThat(cells[1]).isEqualTo("2024");
		assertThat(cells[2]).isEqualTo(first.get("product").asString());
		assertThat(Double.parseDouble(cells[3])).isEqualTo(first.get("chinaExposure").asDouble());
		assertThat(cells[7]).isEqualTo(first.get("singlePointsOfFailure").asString());
	}

	@Test
	void badParametersAreA400NamingThem() {
		Map<String, String> bad = Map.of("/api/exposure/matrix?year=1800", "year", "/api/exposure/matrix?year=abc",
				"year", "/api/exposure/matrix?threshold=2", "threshold", "/api/exposure/matrix?sourcing=sideways",
				"sourcing", "/api/exposure/matrix?consumers=EU,,JPN", "consumers", "/api/exposure/matrix?products=",
				"products");
		List<String> failures = new ArrayList<>();
		bad.forEach((path, parameter) -> {
			Map<String, Object> problem = this.api.problem(path, 400);
			if (!String.valueOf(problem.get("detail")).contains("'" + parameter + "'")) {
				failures.add(path + ": " + problem.get("detail"));
			}
		});
		assertThat(failures).isEmpty();
		assertThat(this.api.problem("/api/exposure/matrix?consumers=EU,NOPE", 404).get("detail").toString())
			.contains("NOPE");
		assertThat(this.api.problem("/api/exposure/matrix?products=no-such", 404).get("detail").toString())
			.contains("no-such");
	}

	@Test
	void keysAreMatchedAsUsersTypeThemAndAMissSuggestsCloseOnes() {
		// case-insensitive codes and unique names, as for a single chain
		JsonNode typed = getJson(
				"/api/exposure/matrix?year=2024&consumers=eu,Japan&products=P-MAG,Product%20on%20a%200.6%20chokepoint");
		assertThat(strings(typed.get("consumers"))).containsExactly("EU", "JPN");
		assertThat(strings(typed.get("products"))).containsExactly("p-mag", "p-six");
		JsonNode exact = getJson("/api/exposure/matrix?year=2024&consumers=EU,JPN&products=p-mag,p-six");
		assertThat(typed.get("cells")).isEqualTo(exact.get("cells"));
		// a miss is a 404 naming the kind and the key, with close keys
		Map<String, Object> product = this.api.problem("/api/exposure/matrix?products=p-mag,p-sixx", 404);
		assertThat(product).containsEntry("kind", "product").containsEntry("key", "p-sixx");
		assertThat(product.get("suggestions")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("p-six");
		Map<String, Object> consumer = this.api.problem("/api/exposure/matrix?consumers=EU,Japn", 404);
		assertThat(consumer).containsEntry("kind", "country or bloc")
			.containsEntry("key", "Japn")
			.containsEntry("suggestions", List.of("JPN"));
	}

	@Test
	void aYearBeforeTheDataIsA400ListingTheYearsAvailable(@Autowired Years years) {
		List<Integer> available = years.available();
		assertThat(available).isNotEmpty();
		int first = available.get(0);
		Map<String, Object> problem = this.api.problem("/api/exposure/matrix?year=" + (first - 1), 400);
		assertThat(problem).containsEntry("parameter", "year").containsEntry("availableYears", available);
		assertThat(this.api.get("/api/exposure/matrix?year=" + first).statusCode()).isEqualTo(200);
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(v -> values.add(v.asString()));
		return values;
	}

}
