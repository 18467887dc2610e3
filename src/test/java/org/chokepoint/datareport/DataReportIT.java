package org.chokepoint.datareport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;

/** The data report on the shipped data lists real gaps rather than hiding them. */
@ChokepointTest
class DataReportIT {

	@Autowired
	DataReportService service;

	@Autowired
	Driver driver;

	@Test
	void germaniumHasNoCountryTableAndTheReportSaysSo() {
		DataReport report = this.service.report();
		Map<String, Object> germanium = report.coverage()
			.stream()
			.filter(m -> m.get("mineral").equals("germanium"))
			.findFirst()
			.orElseThrow();
		assertThat(germanium.get("missing")).isEqualTo(List.of("MINING"));
		assertThat(report.nodes()).containsKey("Mineral");
		assertThat(report.dataVersion()).isNotBlank();
	}

	@Test
	void aSectionAskedAloneIsThatSectionOfTheWholeReport() {
		DataReport report = this.service.report();
		assertThat(report.sections().keySet()).containsExactlyElementsOf(DataReport.SECTIONS);
		for (String name : DataReport.SECTIONS) {
			assertThat(this.service.section(name.toUpperCase(java.util.Locale.ROOT))).as(name)
				.isEqualTo(report.section(name));
		}
		// not a comparison of empty tables: the shipped data fill these
		assertThat(List.of("nodes", "coverage", "hs-codes", "buyers-with-sourcing"))
			.allSatisfy(name -> assertThat(report.sections().get(name)).as(name).isNotEmpty());
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.service.section("everything"))
			.isInstanceOf(org.chokepoint.web.BadParameterException.class)
			.hasMessageContaining("must be one of nodes, relationships, coverage");
	}

	@Test
	void everyShippedSourceSaysWhereToReadIt() {
		assertThat(this.service.report().sourcesWithoutUrl()).isEmpty();
	}

	@Test
	void listsSharesThatFallBackToTheUnknownSupplier() {
		// Project Blue (via Notebookcheck) gives only China's share of refined antimony,
		// 48 % in 2023:
		// the other 52 % is the unknown supplier
		assertThat(this.service.report().unknownShares()).anySatisfy(row -> {
			assertThat(row).containsEntry("item", "antimony")
				.containsEntry("stage", "REFINING")
				.containsEntry("year", 2023L)
				.containsEntry("source", "notebookcheck-2024-project-blue");
			assertThat((Double) row.get("unknownShare")).isCloseTo(0.52, org.assertj.core.api.Assertions.within(1e-12));
		});
	}

	@Test
	void listsFactsWhereSourcesDisagree() {
		// USGS (REO) and the IEA (magnet rare earths) are different minerals; USGS and
		// IEA both publish
		// China's share of mined graphite in 2024
		assertThat(this.service.report().disagreements()).allSatisfy(row -> {
			assertThat((Double) row.get("spread")).isGreaterThan(DataReportService.DISAGREEMENT_TOLERANCE);
			assertThat((List<?>) row.get("shares")).hasSizeGreaterThan(1);
		});
	}

	@Test
	void listsEveryHsCodeOfTheShippedFileWithItsItemStageFactorAndSource() throws IOException {
		List<String> lines = Files.readAllLines(Path.of("import/hs_codes.csv"));
		assertThat(lines.get(0)).startsWith("hs6,item,stage,factor,factor_source,");
		Set<List<Object>> expected = new HashSet<>();
		for (String line : lines.subList(1, lines.size())) {
			// the first five columns are codes, ids and a number: no quotes nor commas
			String[] cells = line.split(",", 6);
			expected.add(List.of(cells[0], cells[1], cells[2], Double.parseDouble(cells[3]), cells[4]));
		}
		List<Map<String, Object>> codes = this.service.report().hsCodes();
		assertThat(codes).hasSize(expected.size());
		assertThat(codes).allSatisfy(row -> {
			assertThat(row.get("factorSourceTitle")).as("title of %s", row.get("factorSource")).isNotNull();
			assertThat(row.get("note")).as("note of %s", row.get("code")).isNotNull();
		});
		assertThat(new HashSet<>(codes.stream()
			.map(row -> List.of(row.get("code"), row.get("item"), row.get("stage"), row.get("factor"),
					row.get("factorSource")))
			.toList())).isEqualTo(expected);
	}

	/**
	 * The sourcing sections against a plain Java reading of the same rules over every mix
	 * of the shipped data: buyers per sourcing, the newest direct mix per (buyer, item,
	 * stage) where its kind is an assumption, and the countries without an own part that
	 * others name as a supplier in the same year.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theSourcingSectionsAgreeWithAJavaReadingOfEveryMix() {
		List<Record> mixes = this.driver.executableQuery("""
				MATCH (b:Party)-[s:SOURCING_SPLIT]->(i:Item)
				RETURN b.code AS buyer, b:Country AS country, i.id AS item, s.stage AS stage, s.year AS year,
				       s.dataYear AS dataYear, s.sourcing AS sourcing, s.kind AS kind, s.source AS source,
				       s.suppliers AS suppliers
				""").execute().records();
		DataReport report = this.service.report();
		// buyers per sourcing, and each buyer's item stages
		Map<String, Map<String, Set<String>>> buyers = new TreeMap<>();
		for (Record mix : mixes) {
			buyers.computeIfAbsent(mix.get("sourcing").asString(), k -> new TreeMap<>())
				.computeIfAbsent(mix.get("buyer").asString(), k -> new TreeSet<>())
				.add(mix.get("item").asString() + " " + mix.get("stage").asString());
		}
		assertThat(buyers).containsKeys("direct", "traced");
		assertThat(report.buyersWithSourcing()).hasSize(buyers.size()).allSatisfy(row -> {
			Map<String, Set<String>> expected = buyers.get(row.get("sourcing"));
			assertThat(row.get("buyers")).isEqualTo((long) expected.size());
			Map<String, Set<String>> actual = new TreeMap<>();
			for (Object b : (List<?>) row.get("byBuyer")) {
				Map<?, ?> buyer = (Map<?, ?>) b;
				Set<String> stages = new TreeSet<>();
				((List<?>) buyer.get("itemStages"))
					.forEach(s -> stages.add(((Map<?, ?>) s).get("item") + " " + ((Map<?, ?>) s).get("stage")));
				actual.put((String) buyer.get("buyer"), stages);
			}
			assertThat(actual).isEqualTo(expected);
		});
		// Japan imports magnets in the shipped trade flows (BACI 2024, HS 850511)
		assertThat(buyers.get("direct").get("JPN")).contains("ndfeb-magnet MANUFACTURING");

		List<Record> direct = mixes.stream().filter(m -> m.get("sourcing").asString().equals("direct")).toList();
		// the newest direct mix per (buyer, item, stage), kept where it is an assumption
		Map<List<String>, Record> newest = new HashMap<>();
		for (Record mix : direct) {
			newest.merge(List.of(mix.get("buyer").asString(), mix.get("item").asString(), mix.get("stage").asString()),
					mix, (a, b) -> a.get("year").asLong() >= b.get("year").asLong() ? a : b);
		}
		Set<List<Object>> assumptions = new HashSet<>();
		newest.forEach((key, mix) -> {
			if (DataReportService.ASSUMPTION_KINDS.contains(mix.get("kind").asString())) {
				assumptions.add(List.of(key.get(0), key.get(1), key.get(2), mix.get("year").asLong(),
						mix.get("kind").asString(), mix.get("source").asString()));
			}
		});
		assertThat(assumptions).isNotEmpty();
		assertThat(report.mixAssumptions()).hasSize(assumptions.size());
		assertThat(new HashSet<>(report.mixAssumptions()
			.stream()
			.map(row -> List.of(row.get("buyer"), row.get("item"), row.get("stage"), row.get("year"), row.get("kind"),
					row.get("source")))
			.toList())).isEqualTo(assumptions);

		// per (item, stage, year): who is named as a supplier by another buyer, and who
		// has no own part
		Map<List<Object>, Set<String>> named = new HashMap<>();
		Map<List<Object>, Set<String>> withoutOwnPart = new HashMap<>();
		for (Record mix : direct) {
			String buyer = mix.get("buyer").asString();
			List<Object> key = List.of(mix.get("item").asString(), mix.get("stage").asString(),
					mix.get("year").asLong());
			List<String> suppliers = Arrays.asList(mix.get("suppliers").asString().split(","));
			suppliers.stream()
				.filter(s -> !s.equals(buyer))
				.forEach(s -> named.computeIfAbsent(key, k -> new HashSet<>()).add(s));
			if (mix.get("country").asBoolean() && !suppliers.contains(buyer)) {
				withoutOwnPart.computeIfAbsent(key, k -> new HashSet<>()).add(buyer);
			}
		}
		Map<List<String>, List<Long>> reExporters = new HashMap<>();
		withoutOwnPart.forEach((key, countries) -> countries.stream()
			.filter(c -> named.getOrDefault(key, Set.of()).contains(c))
			.forEach(c -> reExporters
				.computeIfAbsent(List.of(c, (String) key.get(0), (String) key.get(1)), k -> new ArrayList<>())
				.add((Long) key.get(2))));
		reExporters.values().forEach(years -> years.sort(null));
		Map<List<String>, List<Long>> reported = new HashMap<>();
		report.pureReExporters()
			.forEach(row -> reported.put(
					List.of((String) row.get("country"), (String) row.get("item"), (String) row.get("stage")),
					((List<?>) row.get("years")).stream().map(Long.class::cast).toList()));
		assertThat(reported).isEqualTo(reExporters);
		assertThat(report.pureReExporters()).allSatisfy(row -> {
			List<?> years = (List<?>) row.get("years");
			assertThat(row.get("year")).isEqualTo(years.get(years.size() - 1));
			assertThat((List<Object>) row.get("buyers")).isNotEmpty().doesNotContain(row.get("country"));
		});
	}

}
