package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.chokepoint.ChokepointTest;
import org.chokepoint.datareport.DataReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class ImporterIT {

	static final Path BASIC = Path.of("src/test/resources/fixtures/basic");

	@Autowired
	ImportService importService;

	@Autowired
	GraphCounts counts;

	@Autowired
	DataReportService reports;

	@Autowired
	Driver driver;

	@TempDir
	Path folder;

	@BeforeEach
	void importBasicFixture() {
		this.importService.importDirectory(BASIC);
	}

	@Test
	void loadsEveryFactOfTheFixture() {
		assertThat(this.counts.nodes()).containsAllEntriesOf(Map.of("Country", 7L, "Bloc", 1L, "Party", 8L, "Mineral",
				2L, "Product", 2L, "Item", 4L, "Source", 2L, "Agreement", 1L, "TradeMeasure", 2L));
		assertThat(this.counts.relationships())
			.isEqualTo(Map.ofEntries(Map.entry("MEMBER_OF", 2L), Map.entry("MINES", 3L), Map.entry("REFINES", 5L),
					Map.entry("MANUFACTURES", 2L), Map.entry("HAS_RESERVES", 2L), Map.entry("SOURCES", 2L),
					Map.entry("IMPORT_RELIANCE", 2L), Map.entry("REQUIRES", 2L), Map.entry("PARTY_TO", 3L),
					Map.entry("COVERS", 1L), Map.entry("IMPOSES", 2L), Map.entry("RESTRICTS", 2L),
					Map.entry("TARGETS", 1L), Map.entry("STOCKPILES", 1L), Map.entry("SOURCING_SPLIT", 2L)));
		// SOURCING_SPLIT: the EU's magnet mix of its supply rows, direct and traced (no
		// one else has a mix: no trade flows)
	}

	@Test
	void aSourceWithoutAUrlIsImportedAndTheDataReportListsIt() throws IOException {
		assertThat(this.reports.report().sourcesWithoutUrl()).isEmpty();
		copyBasicWith("sources.csv", "2025,https://example.org/b,secondary", "2025,,secondary");
		this.importService.importDirectory(this.folder);
		assertThat(this.reports.report().sourcesWithoutUrl())
			.containsExactly(Map.of("source", "src-b", "title", "Industry report B"));
	}

	@Test
	void writesABuyersSupplyRowsAsItsDirectAndTracedMix() {
		// sourcing.csv: the EU buys its magnets from China (0.875) and itself (0.05),
		// src-b, 2024, basis supply;
		// no one else has a mix, so tracing changes nothing
		for (String sourcing : java.util.List.of("direct", "traced")) {
			Map<String, Object> split = single(
					"""
							MATCH (:Bloc {code: 'EU'})-[s:SOURCING_SPLIT {sourcing: $sourcing, year: 2024}]->(:Product {id: 'ndfeb-magnet'})
							RETURN s.stage AS stage, s.dataYear AS year, s.source AS source, s.suppliers AS suppliers,
							       s.shares AS shares, s.kind AS kind
							"""
						.replace("$sourcing", "'" + sourcing + "'"));
			assertThat(split).containsEntry("stage", "MANUFACTURING")
				.containsEntry("year", 2024L)
				.containsEntry("source", "src-b")
				.containsEntry("suppliers", "CHN,EU")
				.containsEntry("shares", java.util.List.of(0.875, 0.05))
				.containsEntry("kind", "SUPPLY_ROWS");
		}
		Map<String, Object> fact = single("""
				MATCH (:Bloc {code: 'EU'})-[f:SOURCES {item: 'ndfeb-magnet'}]->(:Country {iso3: 'CHN'})
				RETURN f.basis AS basis, f.share AS share
				""");
		assertThat(fact).containsEntry("basis", "supply").containsEntry("share", 0.875);
	}

	@Test
	void derivesSharesFromQuantitiesOverTheWorldTotal() {
		Map<String, Object> china = single("""
				MATCH (:Country {iso3: 'CHN'})-[f:REFINES {year: 2024}]->(:Mineral {id: 'gallium'})
				RETURN f.share AS share, f.worldTotal AS total, f.quantity AS quantity, f.source AS source
				""");
		assertThat((Double) china.get("share")).isCloseTo(0.98, within(1e-12));
		assertThat(china).containsEntry("total", 1000.0)
			.containsEntry("quantity", 980.0)
			.containsEntry("source", "src-a");
		Map<String, Object> withheld = single("""
				MATCH (:Country {iso3: 'USA'})-[f:REFINES]->(:Mineral {id: 'gallium'})
				RETURN f.share AS share, f.publishedAs AS publishedAs
				""");
		assertThat(withheld.get("share")).isNull();
		assertThat(withheld).containsEntry("publishedAs", "W");
	}

	@Test
	void importingTheSameFilesTwiceGivesTheSameGraph() {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		ImportReport again = this.importService.importDirectory(BASIC);
		assertThat(again.nodes()).isEqualTo(nodes);
		assertThat(again.relationships()).isEqualTo(relationships);
		assertThat(this.importService.currentVersion()).contains(again.version());
	}

	/**
	 * One refused folder per stage of the checks: the cell rules, the file's shape, the
	 * rules across rows and the CSV syntax. Every rule has its exact cases in
	 * ImportValidatorTests, CsvTableReaderTests and FactRulesTests; here the whole import
	 * must refuse and leave the graph as it was.
	 */
	static Stream<Arguments> badFolders() {
		return Stream.of(
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,98O,t,,,src-a,",
						"production.csv:2:5 (quantity): not a plain decimal number such as 12.5 or 1.2e6: \"98O\""),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,980,t,,,src-a", "production.csv:2:10: expected 10 columns, found 9"),
				Arguments.of("sourcing.csv",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,Supply",
						"sourcing.csv:3:11 (basis): \"Supply\" is not one of supply, imports"),
				Arguments.of("sourcing.csv",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,",
						"sourcing.csv:3:11 (basis): required, but empty"),
				Arguments.of("sourcing.csv",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,imports",
						"sourcing.csv:3:11 (basis): basis imports differs from basis supply at line 2 in the same buyer/item/stage/year/source group [EU, ndfeb-magnet, MANUFACTURING, 2024, src-b]: a group's shares are all of the buyer's supply or all of its imports"),
				Arguments.of("sourcing.csv", "buyer,supplier,item,stage,year,share,quantity,unit,source,note,basis",
						"buyer,supplier,item,stage,year,share,quantity,unit,source,note,kind",
						"sourcing.csv:1:11 (kind): unknown column"),
				Arguments.of("bom.csv", "ndfeb-magnet,rare-earths,0.3,kg per kg,2024,src-b,",
						"ndfeb-magnet,wind-turbine,1,unit,2024,src-b,",
						"bom.csv:3:2 (input): the bill of materials has a cycle: wind-turbine -> ndfeb-magnet -> wind-turbine"),
				Arguments.of("sources.csv", "src-b,Industry report B", "src-b,Industry report B,\"unclosed",
						"sources.csv:3:25: quote opened here is never closed"));
	}

	@Test
	void refusesALineOfTwoMegabytesWithoutReadingItAsData() throws IOException {
		copyBasicWith("blocs.csv", "EU,European Union,", "EU,European Union,");
		Files.writeString(this.folder.resolve("blocs.csv"),
				"code,name,note\nEU,European Union," + "x".repeat(2 * 1024 * 1024) + "\n");
		Map<String, Long> relationships = this.counts.relationships();
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("blocs.csv:2: record longer than 1000000 characters");
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@ParameterizedTest(name = "{3}")
	@MethodSource("badFolders")
	void refusesABadRowNamingFileLineAndColumnAndChangesNothing(String file, String line, String replacement,
			String expected) throws IOException {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		String version = this.importService.currentVersion().orElseThrow();
		copyBasicWith(file, line, replacement);

		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.satisfies(ex -> assertThat(((ImportFailedException) ex).errors()).extracting(ImportError::toString)
				.anySatisfy(message -> assertThat(message).startsWith(expected)));
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
		assertThat(this.importService.currentVersion()).contains(version);
	}

	@Test
	void reportsEveryErrorOfARunTogether() throws IOException {
		copyBasicWith("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
				"CHN,gallium,REFINING,2024,x,t,,,src-a,");
		Files.writeString(this.folder.resolve("countries.csv"),
				Files.readString(this.folder.resolve("countries.csv")).replace("MYS,Malaysia", "QQQ,Nowhere"));
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.satisfies(ex -> assertThat(((ImportFailedException) ex).errors()).extracting(ImportError::file)
				.contains("production.csv", "countries.csv"));
	}

	private void copyBasicWith(String file, String line, String replacement) throws IOException {
		try (Stream<Path> files = Files.list(BASIC)) {
			for (Path source : files.toList()) {
				Files.copy(source, this.folder.resolve(source.getFileName()));
			}
		}
		Path target = this.folder.resolve(file);
		String content = Files.readString(target);
		assertThat(content).as("fixture line to replace").contains(line);
		Files.writeString(target, content.replace(line, replacement));
	}

	private Map<String, Object> single(String query) {
		try (var session = this.driver.session()) {
			return session.executeRead(tx -> tx.run(query).single().asMap());
		}
	}

}
