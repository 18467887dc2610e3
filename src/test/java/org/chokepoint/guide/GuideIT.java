package org.chokepoint.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * The Browser guide against the shipped data: every query of every step, run through the
 * driver with the parameters the guide sets (each {@code :param} expression evaluated by
 * the database, as the Browser does), answers rows; and the page served shows every step.
 */
@ChokepointTest
class GuideIT {

	@Autowired
	Driver driver;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@TestFactory
	List<DynamicTest> everyGuideQueryAnswersRowsWithItsParameters() {
		List<DynamicTest> tests = new ArrayList<>();
		for (GuideStep step : Guide.steps()) {
			for (GuideStep.Part part : step.parts()) {
				if (part instanceof GuideStep.Query query) {
					tests.add(DynamicTest.dynamicTest(step.title() + ": " + query.query().path(),
							() -> assertThat(run(query.query().text(), query.parameters())).as(query.query().path())
								.isNotEmpty()));
				}
			}
		}
		assertThat(tests).as("queries in the guide").hasSizeGreaterThanOrEqualTo(8);
		return tests;
	}

	@TestFactory
	Stream<DynamicTest> everyQueryFileAnswersRowsWithTheParametersOfItsHeader() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("cypher/queries"))) {
			List<String> names = files.map(f -> f.getFileName().toString())
				.filter(n -> n.endsWith(".cypher"))
				.map(n -> n.substring(0, n.length() - ".cypher".length()))
				.sorted()
				.toList();
			return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> {
				GuideQuery query = GuideQuery.load(name);
				assertThat(run(query.text(), query.parameters())).as(query.path()).isNotEmpty();
			}));
		}
	}

	@Test
	void theChainQueryOfTheGuideGivesTheEuMagnetsFiguresAndTheScenarioCutsThem() {
		GuideQuery chain = GuideQuery.load("chain");
		Record plain = run(chain.text(), new GuideStep.Query(chain, Map.of()).parameters()).get(0);
		// one year and one answer (issue 17): the guide's EU-magnets step, REST and the
		// README's headline example (the atlas link) are of the same year, 2026, and name
		// the same figures and worst input
		String year = new GuideStep.Query(chain, Map.of()).parameters()
			.stream()
			.filter(p -> p.name().equals("year"))
			.findFirst()
			.orElseThrow()
			.expression();
		assertThat(year).isEqualTo("2026");
		Map<?, ?> rest = new Api(this.port, this.json).getOk("/api/chains/ndfeb-magnet?consumer=EU&year=" + year,
				Map.class);
		assertThat(plain.get("chinaExposure").asDouble())
			.isCloseTo(((Number) rest.get("chinaExposure")).doubleValue(), within(1e-9))
			.isBetween(0.85, 1.0);
		assertThat(plain.get("worstInput").asString()).isEqualTo(rest.get("worstInput"));
		assertThat(plain.get("unknownShare").asDouble()).isCloseTo(((Number) rest.get("unknownShare")).doubleValue(),
				within(1e-9));
		try {
			assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("README.md")))
				.contains("/?consumer=EU&product=ndfeb-magnet&year=" + year + "&");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		// nothing cut: every holding remains (a sum of shares, so to the last digit only
		// within rounding)
		assertThat(plain.get("remainingSupply").asDouble()).isCloseTo(1.0, within(1e-9));
		GuideStep.Query scenario = Guide.steps()
			.stream()
			.filter(s -> s.title().equals("5. A scenario"))
			.flatMap(s -> s.parts().stream())
			.filter(p -> p instanceof GuideStep.Query q && q.query().name().equals("chain"))
			.map(GuideStep.Query.class::cast)
			.findFirst()
			.orElseThrow();
		Record cut = run(chain.text(), scenario.parameters()).get(0);
		assertThat(cut.get("remainingSupply").asDouble()).isLessThan(1.0);
	}

	@Test
	void theSourceQueryNamesThePublicationBehindChinasRareEarthMining() {
		GuideQuery source = GuideQuery.load("source");
		// two editions give China's 2024 mining side by side (USGS MCS 2025's 2024e and
		// MCS 2026): the newest
		Record mining = run(source.text(), source.parameters()).stream()
			.filter(r -> r.get("stage").asString().equals("MINING")
					&& r.get("source").asString().equals("usgs-mcs-2026-rare-earths"))
			.findFirst()
			.orElseThrow();
		assertThat(mining.get("quantity").asDouble()).isEqualTo(270000.0);
		assertThat(mining.get("unit").asString()).isEqualTo("t REO equivalent");
		assertThat(mining.get("title").asString()).isEqualTo("Mineral Commodity Summaries 2026 - Rare Earths");
	}

	@Test
	void theGuidePageShowsEveryStepWithItsParameterCommandsAndTheQueryFilesText() {
		HttpResponse<String> response = new Api(this.port, this.json).get("/guide/chokepoint.html", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		String page = response.body();
		assertThat(page).contains("<title>" + Guide.TITLE + "</title>");
		List<GuideStep> steps = Guide.steps();
		assertThat(steps).extracting(GuideStep::title)
			.containsSubsequence("1. The model", "2. The EU's magnets", "3. China's share per mineral and stage",
					"4. The chokepoints of a consumer", "5. A scenario", "6. Where a fact comes from");
		assertThat(page.split("<slide ", -1)).hasSize(steps.size() + 1);
		for (GuideStep step : steps) {
			assertThat(page).contains("<h3>" + HtmlUtils.htmlEscape(step.title()) + "</h3>");
			for (GuideStep.Part part : step.parts()) {
				if (part instanceof GuideStep.Query query) {
					assertThat(page).contains("<pre class=\"pre-scrollable code runnable\">"
							+ HtmlUtils.htmlEscape(query.query().text().strip()) + "</pre>");
					assertThat(page).contains("<pre class=\"pre-scrollable code runnable\">"
							+ HtmlUtils.htmlEscape(Guide.parameterCommands(query.parameters())) + "</pre>");
				}
			}
		}
		assertThat(page)
			.contains(HtmlUtils.htmlEscape(":param products => ['ndfeb-magnet'];\n:param consumer => 'EU'"));
		assertThat(page).contains(HtmlUtils.htmlEscape(":param mineral => 'gallium';\n:param year => 2026"));
		assertThat(page).contains(HtmlUtils.htmlEscape(":param date => date('2024-12-03')"));
	}

	@Test
	void theGuideIsTheTextOfTheQueryFilesOnDisk() throws IOException {
		for (String name : List.of("model", "chain", "concentration", "allies", "stockpile", "measures-in-force",
				"source")) {
			assertThat(GuideQuery.load(name).text())
				.isEqualTo(Files.readString(Path.of("cypher/queries", name + ".cypher")));
		}
	}

	private List<Record> run(String query, List<GuideQuery.Parameter> parameters) {
		try (Session session = this.driver.session()) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (GuideQuery.Parameter parameter : parameters) {
				// the Browser evaluates the right-hand side of ":param x => ..." on the
				// server
				Value value = session.run("RETURN " + parameter.expression() + " AS value").single().get("value");
				values.put(parameter.name(), value);
			}
			return session.run(query, values).list();
		}
	}

}
