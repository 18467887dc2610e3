package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
		assertThat(this.counts.nodes()).containsAllEntriesOf(Map.of("Country", 7L, "Bloc", 1L, "Party", 8L,
				"Mineral", 2L, "Product", 2L, "Item", 4L, "Source", 2L, "Agreement", 1L, "TradeMeasure", 2L));
		assertThat(this.counts.relationships()).isEqualTo(Map.ofEntries(Map.entry("MEMBER_OF", 2L),
				Map.entry("MINES", 3L), Map.entry("REFINES", 5L), Map.entry("MANUFACTURES", 2L),
				Map.entry("HAS_RESERVES", 2L), Map.entry("SOURCES", 2L), Map.entry("IMPORT_RELIANCE", 2L),
				Map.entry("REQUIRES", 2L), Map.entry("PARTY_TO", 3L), Map.entry("COVERS", 1L),
				Map.entry("IMPOSES", 2L), Map.entry("RESTRICTS", 2L), Map.entry("TARGETS", 1L),
				Map.entry("STOCKPILES", 1L), Map.entry("SOURCING_SPLIT", 1L)));
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
		// sourcing.csv: the EU buys its magnets from China (0.875) and itself (0.05), src-b, 2024, basis supply;
		// no one else has a mix, so tracing changes nothing
		for (String sourcing : java.util.List.of("direct", "traced")) {
			Map<String, Object> split = single("""
					MATCH (:Bloc {code: 'EU'})-[s:SOURCING_SPLIT {sourcing: $sourcing, year: 2024}]->(:Product {id: 'ndfeb-magnet'})
					RETURN s.stage AS stage, s.dataYear AS year, s.source AS source, s.suppliers AS suppliers,
					       s.shares AS shares, s.kind AS kind
					""".replace("$sourcing", "'" + sourcing + "'"));
			assertThat(split).containsEntry("stage", "MANUFACTURING").containsEntry("year", 2024L)
				.containsEntry("source", "src-b").containsEntry("suppliers", "CHN,EU")
				.containsEntry("shares", java.util.List.of(0.875, 0.05)).containsEntry("kind", "SUPPLY_ROWS");
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
		assertThat(china).containsEntry("total", 1000.0).containsEntry("quantity", 980.0).containsEntry("source", "src-a");
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

	static Stream<Arguments> badFolders() {
		return Stream.of(
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,98O,t,,,src-a,",
						"production.csv:2:5 (quantity): not a number: \"98O\""),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,980,t,,,src-a",
						"production.csv:2:10: expected 10 columns, found 9"),
				Arguments.of("countries.csv", "MYS,Malaysia", "XYZ,Nowhere",
						"countries.csv:8:1 (iso3): unknown ISO 3166-1 alpha-3 country code \"XYZ\""),
				Arguments.of("sourcing.csv", "EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,1.05,1000,t,src-b,made in the EU,supply",
						"sourcing.csv:3:6 (share): share 1.05 outside 0..1"),
				Arguments.of("sourcing.csv", "EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,Supply",
						"sourcing.csv:3:11 (basis): \"Supply\" is not one of supply, imports"),
				Arguments.of("sourcing.csv", "EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,",
						"sourcing.csv:3:11 (basis): required, but empty"),
				Arguments.of("sourcing.csv", "EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,imports",
						"sourcing.csv:3:11 (basis): basis imports differs from basis supply at line 2 in the same buyer/item/stage/year/source group [EU, ndfeb-magnet, MANUFACTURING, 2024, src-b]: a group's shares are all of the buyer's supply or all of its imports"),
				Arguments.of("sourcing.csv", "buyer,supplier,item,stage,year,share,quantity,unit,source,note,basis",
						"buyer,supplier,item,stage,year,share,quantity,unit,source,note,kind",
						"sourcing.csv:1:11 (kind): unknown column"),
				Arguments.of("sourcing.csv", "EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.05,1000,t,src-b,made in the EU,supply",
						"EU,EU,ndfeb-magnet,MANUFACTURING,2024,0.5,1000,t,src-b,made in the EU,supply",
						"sourcing.csv:3:6 (share): the shares of buyer/item/stage/year/source [EU, ndfeb-magnet, MANUFACTURING, 2024, src-b] add up to 1.375, more than 1"),
				Arguments.of("production.csv", "USA,rare-earths,MINING,2024,45000,t REO,,,src-a,",
						"USA,rare-earths,MINING,2024,-45000,t REO,,,src-a,",
						"production.csv:6:5 (quantity): negative: -45000"),
				Arguments.of("production.csv", "JPN,gallium,REFINING,2024,10,t,,,src-a,",
						"CHN,gallium,REFINING,2024,10,t,,,src-a,",
						"production.csv:3:1 (country): duplicate key country/item/stage/year/source = [CHN, gallium, REFINING, 2024, src-a], first on line 2"),
				Arguments.of("bom.csv", "ndfeb-magnet,rare-earths,0.3,kg per kg,2024,src-b,",
						"ndfeb-magnet,wind-turbine,1,unit,2024,src-b,",
						"bom.csv:3:2 (input): the bill of materials has a cycle: wind-turbine -> ndfeb-magnet -> wind-turbine"),
				Arguments.of("stockpiles.csv", "JPN,rare-earths,2024,,,60,,,src-a,60-day target",
						"JPN,rare-earths,2024,,,60,,,src-z,60-day target",
						"stockpiles.csv:2:9 (source): unknown source \"src-z\" (not in sources.csv)"),
				Arguments.of("measure_targets.csv", "CN-2024-46,USA,src-b", "CN-2024-46,ATLANTIS,src-b",
						"measure_targets.csv:2:2 (target): unknown country or bloc \"ATLANTIS\""),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,NaN,t,,,src-a,",
						"production.csv:2:5 (quantity): not a finite number: \"NaN\""),
				Arguments.of("measures.csv", "2024-12-03,2024-12-03", "2024-12-03,3 Dec 2024",
						"measures.csv:2:6 (effective): not a date YYYY-MM-DD: \"3 Dec 2024\""),
				Arguments.of("production.csv", "country,item,stage,year,quantity,unit,share,published_as,source,note",
						"country,item,stage,year,quantity,units,share,published_as,source,note",
						"production.csv:1:6 (units): unknown column"),
				Arguments.of("production.csv", "MYS,rare-earths,REFINING,2024,,,0.045,,src-b,",
						"MYS,ndfeb-magnet,REFINING,2024,,,0.045,,src-b,",
						"production.csv:9:3 (stage): REFINING is for minerals, but ndfeb-magnet is a product"),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,Infinity,t,,,src-a,",
						"production.csv:2:5 (quantity): not a finite number: \"Infinity\""),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,1e309,t,,,src-a,",
						"production.csv:2:5 (quantity): not a finite number: \"1e309\""),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,1e20,t,,,src-a,",
						"production.csv:2:5 (quantity): implausibly large quantity 1e20"),
				Arguments.of("production.csv", "country,item,stage,year,quantity,unit,share,published_as,source,note",
						"country,item,stage,quantity,unit,share,published_as,source,note",
						"production.csv:1 (year): missing column in the header"),
				Arguments.of("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,",
						"CHN,gallium,REFINING,2024,,t,,,src-a,",
						"production.csv:2:5 (quantity): a fact needs a value: fill one of quantity, share, published_as"),
				Arguments.of("sources.csv", "src-b,Industry report B", "src-b,Industry report B,\"unclosed",
						"sources.csv:4: not valid CSV: Missing closing quote for value"),
				Arguments.of("products.csv", "wind-turbine,Wind turbine,END_PRODUCT,", "Wind Turbine,Wind turbine,END_PRODUCT,",
						"products.csv:3:1 (id): \"Wind Turbine\" is not a lower-case slug such as ndfeb-magnet"));
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		copyBasicWith("blocs.csv", "EU,European Union,", "EU,European Union,");
		Files.writeString(this.folder.resolve("blocs.csv"), "");
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("blocs.csv: the file is empty: it needs at least the header row code,name,note");
	}

	@Test
	void refusesALineOfAHundredMegabytesWithoutReadingItAsData() throws IOException {
		copyBasicWith("blocs.csv", "EU,European Union,", "EU,European Union,");
		Files.writeString(this.folder.resolve("blocs.csv"),
				"code,name,note\nEU,European Union," + "x".repeat(100 * 1024 * 1024) + "\n");
		Map<String, Long> relationships = this.counts.relationships();
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("blocs.csv:2: line longer than 1000000 characters");
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@Test
	void acceptsAByteOrderMarkAsSpreadsheetsWriteIt() throws IOException {
		copyBasicWith("blocs.csv", "EU,European Union,", "EU,European Union,");
		Files.writeString(this.folder.resolve("blocs.csv"), "\uFEFFcode,name,note\nEU,European Union,\n");
		assertThat(this.importService.importDirectory(this.folder).nodes()).containsEntry("Bloc", 1L);
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
		copyBasicWith("production.csv", "CHN,gallium,REFINING,2024,980,t,,,src-a,", "CHN,gallium,REFINING,2024,x,t,,,src-a,");
		Files.writeString(this.folder.resolve("countries.csv"),
				Files.readString(this.folder.resolve("countries.csv")).replace("MYS,Malaysia", "QQQ,Nowhere"));
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.satisfies(ex -> assertThat(((ImportFailedException) ex).errors()).extracting(ImportError::file)
				.contains("production.csv", "countries.csv"));
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws IOException {
		copyBasicWith("countries.csv", "FRA,France", "FRA,France");
		byte[] latin1 = "iso3,name\nCHN,China\nFRA,Fran\u00e7e\n".getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.folder.resolve("countries.csv"), latin1);
		assertThatThrownBy(() -> this.importService.importDirectory(this.folder))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("countries.csv:3: not UTF-8: byte 0xE7");
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
