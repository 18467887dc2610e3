package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.GraphCounts;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The analyses over HTTP: JSON shapes, 404 for unknown keys, 400 naming the bad
 * parameter, nothing written.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalysisApiIT {

	private static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ImportService importService;

	@Autowired
	GraphCounts counts;

	@Autowired
	ChainProjections projections;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Neo4jClient client;

	Api api;

	@BeforeAll
	void importFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/analysis"));
	}

	@BeforeEach
	void connect() {
		this.api = new Api(this.port, this.json);
	}

	@Test
	void chainOfAProductForAConsumer() {
		ChainAnalysis chain = this.api.getOk("/api/chains/p-mag?consumer=EU&year=2024&paths=2", ChainAnalysis.class);
		assertThat(chain.figures().chinaExposure()).isCloseTo(0.84, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(chain.threshold()).isEqualTo(0.5);
		assertThat(chain.paths()).hasSize(2);
		assertThat(chain.singlePointsOfFailure()).extracting(ChainAnalysis.SinglePointOfFailure::item)
			.containsExactly("re", "p-mag");
	}

	@Test
	void aChainIsASummaryUnlessTheFullDetailIsAskedFor() {
		HttpResponse<String> summary = this.api.get("/api/chains/p-mag?consumer=EU&year=2024");
		HttpResponse<String> full = this.api.get("/api/chains/p-mag?consumer=EU&year=2024&detail=FULL");
		assertThat(summary.statusCode()).isEqualTo(200);
		assertThat(full.statusCode()).isEqualTo(200);
		assertThat(summary.body()).contains("\"otherSuppliers\"", "\"otherAlternatives\"", "\"buyers\"");
		// the fixture's stages have no supplier under 0.1 %, its buyers one mix each: the
		// summary is the full answer (the shipped data's differ: ShippedDataIT)
		assertThat(summary.body()).isEqualTo(full.body());
		assertThat(this.api.problem("/api/chains/p-mag?consumer=EU&detail=everything", 400).get("detail"))
			.isEqualTo("Parameter 'detail' must be summary or full, not 'everything'");
	}

	@Test
	void theAnswerSaysWhichSourcingItUsed() {
		// the fixture's EU buys its magnets on supply rows and nobody else has a mix:
		// both sourcings agree
		ChainAnalysis traced = this.api.getOk("/api/chains/p-mag?consumer=EU&year=2024", ChainAnalysis.class);
		ChainAnalysis direct = this.api.getOk("/api/chains/p-mag?consumer=EU&year=2024&sourcing=DIRECT",
				ChainAnalysis.class);
		assertThat(traced.sourcing()).isEqualTo(org.chokepoint.supplymix.Sourcing.TRACED);
		assertThat(direct.sourcing()).isEqualTo(org.chokepoint.supplymix.Sourcing.DIRECT);
		assertThat(direct.figures()).isEqualTo(traced.figures());
		assertThat(this.api.problem("/api/chains/p-mag?consumer=EU&sourcing=sideways", 400).get("detail"))
			.isEqualTo("Parameter 'sourcing' must be traced or direct, not 'sideways'");
	}

	@Test
	void exposureAndChokepointsOfAllProductsForAConsumer() {
		Map<String, Object> exposure = this.api.getOk("/api/exposure?consumer=USA&year=2024", Map.class);
		assertThat((java.util.List<?>) exposure.get("items")).hasSize(8);
		Map<String, Object> spof = this.api.getOk("/api/spof?consumer=USA&year=2024&threshold=0.99", Map.class);
		// sole sources only: sole (refining CHN, mining AUS) under p-sole, p-two and
		// comp-z; comp-y (KOR), comp-z (JPN)
		assertThat((java.util.List<?>) spof.get("items")).isNotEmpty()
			.allSatisfy(item -> assertThat(((Map<?, ?>) item).get("kind")).isEqualTo("SOLE_SOURCE"));
	}

	@Test
	void concentrationOfAMineralPerStage() {
		Concentration six = this.api.getOk("/api/minerals/six/concentration?year=2024", Concentration.class);
		// 60 % and 40 %: 3600 + 1600
		assertThat(six.stages()).singleElement().satisfies(stage -> {
			assertThat(stage.stage()).isEqualTo(Stage.REFINING);
			assertThat(stage.hhi()).isCloseTo(5200.0, org.assertj.core.api.Assertions.within(1e-9));
			assertThat(stage.highlyConcentrated()).isTrue();
			assertThat(stage.chinaShare()).isCloseTo(0.6, org.assertj.core.api.Assertions.within(1e-12));
			assertThat(stage.top3Share()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
		});
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', value = { "/api/chains/unobtainium?consumer=EU|404|",
			"/api/chains/p-mag?consumer=ATLANTIS|404|", "/api/chains/p-mag|400|consumer",
			"/api/chains/p-mag?consumer=EU&threshold=1.5|400|threshold",
			"/api/chains/p-mag?consumer=EU&threshold=-1|400|threshold",
			"/api/chains/p-mag?consumer=EU&threshold=NaN|400|threshold",
			"/api/chains/p-mag?consumer=EU&threshold=1e309|400|threshold",
			"/api/chains/p-mag?consumer=EU&asOf=2024-13-45|400|asOf",
			"/api/chains/p-mag?consumer=EU&year=twenty|400|year", "/api/chains/p-mag?consumer=EU&paths=1000|400|paths",
			"/api/spof?consumer=ATLANTIS|404|", "/api/exposure|400|consumer",
			"/api/minerals/unobtainium/concentration|404|", "/api/minerals/six/concentration?year=0|400|year",
			"/api/chains/p-mag?consumer=EU&sourcing=sideways|400|sourcing",
			"/api/spof?consumer=EU&sourcing=origin|400|sourcing", "/api/spof?consumer=EU&detail=everything|400|detail",
			"/api/exposure/trend?consumer=EU&product=p-mag&from=2025&to=2024|400|to",
			"/api/exposure/trend?consumer=EU&product=p-mag&sourcing=x|400|sourcing",
			"/api/exposure/trend?consumer=EU&product=unobtainium|404|",
			"/api/exposure/trend?product=p-mag|400|consumer" })
	void badRequestsGetAProblemDetailNamingTheParameter(String path, int status, String parameter) {
		HttpResponse<String> response = this.api.get(path);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		if (parameter != null) {
			assertThat(response.body()).contains("\"parameter\":\"" + parameter + "\"");
		}
	}

	@Test
	void aTrendFromTheProjectionOpensNoTransaction(@Autowired TrendService trends) {
		// the first ask reads what the look-ups keep
		assertThat(trends.trend("EU", "p-mag", 2023, 2024, Sourcing.TRACED).years()).hasSize(2);
		assertThat(transactionsBegunBy(() -> {
			assertThat(trends.trend("EU", "p-mag", 2023, 2025, Sourcing.TRACED).years()).hasSize(3);
			assertThat(trends.trend("JPN", "p-six", 2024, 2024, Sourcing.DIRECT).years()).hasSize(1);
		})).as("transactions begun by two trends").isZero();
	}

	@Test
	void aChainFromTheProjectionOpensNoTransaction(@Autowired ChainAnalysisService chains) {
		// the first ask reads what the look-ups keep
		assertThat(chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0, Sourcing.TRACED).figures()).isNotNull();
		assertThat(transactionsBegunBy(() -> {
			for (double threshold : new double[] { 0.35, 0.45, 0.55 }) {
				assertThat(chains
					.analyse("p-mag", "EU", 2024, threshold, AS_OF, 0, Sourcing.TRACED, ChainEngine.PROJECTION,
							Detail.SUMMARY)
					.singlePointsOfFailure()).isNotNull();
			}
		})).as("transactions begun by three new chain analyses").isZero();
	}

	@Test
	void anOverviewFromTheProjectionOpensNoTransaction(@Autowired ConsumerOverviewService overviews) {
		// the first ask reads what the look-ups keep
		assertThat(overviews.overview("EU", 2024, 0.5, AS_OF, Sourcing.TRACED).products()).isNotEmpty();
		assertThat(transactionsBegunBy(() -> assertThat(
				overviews.overview("EU", 2024, 0.4, AS_OF, Sourcing.TRACED, ChainEngine.PROJECTION, Detail.SUMMARY)
					.products())
			.hasSizeGreaterThan(1))).as("transactions begun by an overview of every product").isZero();
		// chain.cypher reads the database: in one read transaction
		assertThat(transactionsBegunBy(() -> assertThat(
				overviews.overview("EU", 2024, 0.4, AS_OF, Sourcing.TRACED, ChainEngine.CYPHER, Detail.SUMMARY)
					.products())
			.hasSizeGreaterThan(1))).as("transactions begun by an overview with engine=cypher").isEqualTo(1);
	}

	/**
	 * The transactions {@code work} begins on this thread ({@link TransactionsBegun}),
	 * with a projection served, as after the import, its data version just read.
	 */
	private int transactionsBegunBy(Runnable work) {
		assertThat(this.projections.serving()).as("a projection is served after the import").isNotNull();
		return TransactionsBegun.during(this.transactions, this.client, this.projections::serving, work);
	}

	@Test
	void aScenarioOverHttpWritesNothing() {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		HttpResponse<String> response = this.api.post("/api/scenarios",
				"{\"country\":\"CHN\",\"items\":[\"six\"],\"targets\":[\"USA\"],\"fraction\":1,\"year\":2024}",
				"application/json", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"product\":\"p-six\"");
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "{\"country\":\"CHN\",\"items\":[\"six\"],\"fraction\":2}|400|fraction",
					"{\"country\":\"CHN\",\"items\":[\"six\"],\"stage\":\"SMELTING\"}|400|stage",
					"{\"country\":\"CHN\",\"items\":[\"unobtainium\"]}|404|",
					"{\"measuresInForceOn\":\"3 Dec 2024\"}|400|measuresInForceOn", "{}|400|country",
					"{\"country\":\"x'}) DETACH DELETE n //\",\"items\":[\"six\"]}|404|" })
	void badScenariosAreRefusedWithAProblemDetail(String body, int status, String parameter) {
		Map<String, Long> relationships = this.counts.relationships();
		HttpResponse<String> response = this.api.post("/api/scenarios", body, "application/json", null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		if (parameter != null) {
			assertThat(response.body()).contains("\"parameter\":\"" + parameter + "\"");
		}
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@Test
	void importingNeedsTheAdmin() {
		assertThat(this.api.post("/api/admin/import", "", "application/json", null).statusCode()).isEqualTo(401);
		assertThat(this.api.post("/api/admin/import", "", "application/json", "admin:wrong").statusCode())
			.isEqualTo(401);
		HttpResponse<String> refused = this.api.post("/api/admin/import?dir=src/test/resources/fixtures/does-not-exist",
				"", "application/json", "admin:test-admin-secret");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		HttpResponse<String> imported = this.api.post("/api/admin/import?dir=src/test/resources/fixtures/analysis", "",
				"application/json", "admin:test-admin-secret");
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(imported.body()).contains("\"Product\":8");
	}

}
