package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.web.NotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Incremental trade imports: adding (source, year) groups of trade flows to a loaded
 * graph gives the same flows, supply mixes and trade groups as a full import of the union
 * (to 1e-9), removing one the same as a full import without it; a bad file, a group
 * already there and a removal of an absent group change nothing; the chains are answered
 * from the changed data as soon as an import returns.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class TradeImportIT {

	/** A later year of one source: changes gallium refining and rare-earth mining. */
	static final String SRC_B_2024 = """
			year,exporter,importer,item,stage,quantity,unit,source
			2024,CHN,USA,gallium,REFINING,50,t,src-b
			2024,JPN,USA,gallium,REFINING,50,t,src-b
			2024,CHN,FRA,gallium,REFINING,5,t,src-b
			2024,CHN,JPN,811292,,8,kg,src-b
			2024,AUS,CHN,rare-earths,MINING,40,t,src-b
			2024,USA,CHN,rare-earths,MINING,60,t,src-b
			""";

	/** An earlier year than the loaded ones. */
	static final String SRC_A_2022 = """
			year,exporter,importer,item,stage,quantity,unit,source
			2022,AUS,CHN,rare-earths,MINING,90,t,src-a
			2022,MYS,CHN,rare-earths,MINING,10,t,src-a
			2022,CHN,USA,gallium,REFINING,100,t,src-a
			""";

	static final String BASE_2023 = Fixture.TRADE_FLOWS;

	@Autowired
	ImportService imports;

	@Autowired
	TradeImportService trade;

	@Autowired
	Driver driver;

	@Autowired
	org.chokepoint.lookup.Years years;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void addingYearsGivesWhatAFullImportOfTheUnionGives() throws IOException {
		this.imports.importDirectory(full("base", BASE_2023));
		List<Object> before = snapshot();
		String versionBefore = version();
		ImportReport added = this.trade.addTrade(tradeOnly("add-2024", SRC_B_2024));
		assertThat(added.version()).isNotEqualTo(versionBefore).isEqualTo(version());
		assertThat(snapshot()).as("the added year changes flows and mixes").isNotEqualTo(before);
		this.trade.addTrade(tradeOnly("add-2022", SRC_A_2022));
		assertThat(groups()).containsExactly("src-a:2022", "src-a:2023", "src-b:2023", "src-b:2024");
		// the years the API checks a year against: those of every relationship, read
		// anew after each addition
		assertThat(this.years.available()).contains(2022, 2023, 2024).isEqualTo(yearsOfEveryRelationship());
		List<Object> incremental = snapshot();
		long factsCounted = facts();
		this.imports.importDirectory(full("union", BASE_2023 + rows(SRC_B_2024) + rows(SRC_A_2022)));
		assertThat(groups()).containsExactly("src-a:2022", "src-a:2023", "src-b:2023", "src-b:2024");
		Fixture.assertSameRecord(incremental, snapshot());
		assertThat(factsCounted).as("the facts the shrink guard compares with").isEqualTo(facts());
	}

	@Test
	void removingAYearGivesWhatAFullImportWithoutItGives() throws IOException {
		this.imports.importDirectory(full("union", BASE_2023 + rows(SRC_B_2024) + rows(SRC_A_2022)));
		// the middle year: mixes of 2023 fall back on 2022's flows
		this.trade.removeTrade(new TradeGroup("src-b", 2023));
		List<Object> removed = snapshot();
		this.imports.importDirectory(
				full("without-src-b-2023", onlySource(BASE_2023, "src-a") + rows(SRC_B_2024) + rows(SRC_A_2022)));
		Fixture.assertSameRecord(removed, snapshot());
		// the newest year
		this.trade.removeTrade(new TradeGroup("src-b", 2024));
		removed = snapshot();
		long factsCounted = facts();
		this.imports.importDirectory(full("without-2024", onlySource(BASE_2023, "src-a") + rows(SRC_A_2022)));
		Fixture.assertSameRecord(removed, snapshot());
		assertThat(factsCounted).as("the facts the shrink guard compares with").isEqualTo(facts());
		assertThat(groups()).containsExactly("src-a:2022", "src-a:2023");
	}

	@Test
	void aBadFileChangesNothingAndSaysWhereItIsWrong() throws IOException {
		this.imports.importDirectory(full("base", BASE_2023));
		List<Object> before = snapshot();
		String version = version();
		Path bad = tradeOnly("bad", SRC_B_2024 + """
				2024,ZZZ,USA,gallium,REFINING,1,t,src-b
				2024,CHN,USA,gallium,REFINING,1,t,src-z
				2024,CHN,USA,gallium,REFINING,-3,t,src-b
				""");
		assertThatThrownBy(() -> this.trade.addTrade(bad)).isInstanceOfSatisfying(ImportFailedException.class,
				ex -> assertThat(ex.errors()).extracting(ImportError::toString)
					.anyMatch(e -> e.startsWith("trade_flows.csv:8:2 (exporter)"))
					.anyMatch(e -> e.startsWith("trade_flows.csv:9:8 (source)"))
					.anyMatch(e -> e.startsWith("trade_flows.csv:10:6 (quantity)")));
		// a folder with other import files is not a trade import
		Path other = tradeOnly("other", SRC_B_2024);
		Files.writeString(other.resolve("countries.csv"), "iso3,name\nCHN,China\n");
		assertThatThrownBy(() -> this.trade.addTrade(other)).isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("countries.csv: a trade import takes trade_flows.csv only");
		assertThat(version()).isEqualTo(version);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aGroupAlreadyThereIsRefusedWithHowToReplaceIt() throws IOException {
		this.imports.importDirectory(full("base", BASE_2023));
		List<Object> before = snapshot();
		String version = version();
		assertThatThrownBy(() -> this.trade.addTrade(tradeOnly("again", SRC_B_2024 + rows(BASE_2023))))
			.isInstanceOf(ImportFailedException.class)
			.hasMessageContaining("trade group src-b:2023 (source src-b, year 2023) is already in the database; "
					+ "to replace it, remove it first (import --remove-trade src-b:2023")
			.hasMessageContaining("src-a:2023");
		assertThatThrownBy(() -> this.trade.removeTrade(new TradeGroup("src-b", 2019)))
			.isInstanceOf(NotFoundException.class)
			.hasMessage("No trade group with key 'src-b:2019'");
		assertThat(version()).isEqualTo(version);
		assertThat(snapshot()).isEqualTo(before);
	}

	@Test
	void aGroupThatSourcingRowsGiveIsRefusedAndChangesNothing() throws IOException {
		// USA's gallium refining of 2024 by src-b is a sourcing row: its shares come
		// from one file, so src-b's trade flows of 2024 into the USA may not add to it
		Path base = full("rows", BASE_2023);
		Files.writeString(base.resolve("sourcing.csv"), "USA,JPN,gallium,REFINING,2024,0.5,,,src-b,a survey,supply\n",
				StandardOpenOption.APPEND);
		this.imports.importDirectory(base);
		List<Object> before = snapshot();
		String version = version();
		assertThatThrownBy(() -> this.trade.addTrade(tradeOnly("given", SRC_B_2024)))
			.isInstanceOfSatisfying(ImportFailedException.class, ex -> assertThat(ex.errors()).hasSize(1))
			.hasMessageContaining("importer/item/stage/year/source [USA, gallium, REFINING, 2024, src-b] "
					+ "is given by sourcing rows in the database; give a group's shares in one file only");
		assertThat(version()).isEqualTo(version);
		assertThat(snapshot()).isEqualTo(before);
		assertThat(groups()).containsExactly("src-a:2023", "src-b:2023");
	}

	@Test
	void overHttpForTheAdminOnly() throws Exception {
		this.imports.importDirectory(full("base", BASE_2023));
		Path add = tradeOnly("http", SRC_B_2024);
		String chainBefore = chain();
		String query = "/api/admin/import/trade?dir=" + add.toString().replace("/", "%2F");
		assertThat(send("POST", query, null).statusCode()).isEqualTo(401);
		HttpResponse<String> posted = send("POST", query, "admin:test-admin-secret");
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
		assertThat(posted.body()).contains("\"version\":\"" + version() + "\"");
		assertThat(chain()).as("the chain is answered from the added year as soon as the import returns")
			.isNotEqualTo(chainBefore);
		HttpResponse<String> again = send("POST", query, "admin:test-admin-secret");
		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("already in the database");
		HttpResponse<String> absent = send("DELETE", "/api/admin/import/trade?source=src-b&year=2019",
				"admin:test-admin-secret");
		assertThat(absent.statusCode()).isEqualTo(404);
		assertThat(absent.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		HttpResponse<String> badYear = send("DELETE", "/api/admin/import/trade?source=src-b&year=20240",
				"admin:test-admin-secret");
		assertThat(badYear.statusCode()).isEqualTo(400);
		assertThat(badYear.body()).contains("year 20240 is outside 1900..2100");
		assertThat(send("DELETE", "/api/admin/import/trade?source=src-b&year=2024", null).statusCode()).isEqualTo(401);
		HttpResponse<String> deleted = send("DELETE", "/api/admin/import/trade?source=src-b&year=2024",
				"admin:test-admin-secret");
		assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
		assertThat(chain()).as("the chain is answered without the removed year as soon as the removal returns")
			.isEqualTo(chainBefore);
		assertThat(groups()).containsExactly("src-a:2023", "src-b:2023");
	}

	/**
	 * China's NdFeB magnet chain of 2024 (its rare-earth mining mix is changed by src-b's
	 * 2024 flows), as the API answers it: from the chain projection, which an import
	 * rebuilds before it returns.
	 */
	private String chain() throws IOException, InterruptedException {
		HttpResponse<String> chain = send("GET", "/api/chains/ndfeb-magnet?consumer=CHN&year=2024", null);
		assertThat(chain.statusCode()).as(chain.body()).isEqualTo(200);
		return chain.body();
	}

	private HttpResponse<String> send(String method, String path, String credentials)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** The basic fixture with its HS code and the given trade_flows.csv. */
	private Path full(String name, String tradeFlows) throws IOException {
		Path dir = Fixture.basicWithTradeFlows(this.folder.resolve(name));
		Files.writeString(dir.resolve("trade_flows.csv"), tradeFlows);
		return dir;
	}

	private Path tradeOnly(String name, String tradeFlows) throws IOException {
		Path dir = Files.createDirectories(this.folder.resolve(name));
		Files.writeString(dir.resolve("trade_flows.csv"), tradeFlows);
		return dir;
	}

	/** The rows of a trade_flows.csv, without its header. */
	private static String rows(String csv) {
		return csv.substring(csv.indexOf('\n') + 1);
	}

	private static String onlySource(String csv, String source) {
		StringBuilder kept = new StringBuilder();
		for (String line : csv.split("\n")) {
			if (line.startsWith("year,") || line.endsWith("," + source)) {
				kept.append(line).append('\n');
			}
		}
		return kept.toString();
	}

	private String version() {
		return this.driver.executableQuery("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS v")
			.execute()
			.records()
			.get(0)
			.get("v")
			.asString();
	}

	/** The facts counted for the shrink guard (ShrinkGuard) on the data version. */
	private List<Integer> yearsOfEveryRelationship() {
		return this.driver
			.executableQuery(
					"MATCH ()-[f]->() WHERE f.year IS NOT NULL RETURN DISTINCT toInteger(f.year) AS year ORDER BY year")
			.execute()
			.records()
			.stream()
			.map(r -> r.get("year").asInt())
			.toList();
	}

	private long facts() {
		return this.driver.executableQuery("MATCH (v:DataVersion {key: 'current'}) RETURN v.facts AS f")
			.execute()
			.records()
			.get(0)
			.get("f")
			.asLong();
	}

	private List<String> groups() {
		return this.driver.executableQuery("MATCH (v:DataVersion {key: 'current'}) RETURN v.tradeGroups AS g")
			.execute()
			.records()
			.get(0)
			.get("g")
			.asList(v -> v.asString());
	}

	/**
	 * Every SOURCES relationship and every supply mix, in a fixed order, and the count of
	 * each relationship type.
	 */
	private List<Object> snapshot() {
		List<Object> all = new ArrayList<>();
		for (Record r : this.driver.executableQuery("""
				MATCH (b:Party)-[f:SOURCES]->(s:Party)
				RETURN [b.code, s.code, f.item, f.stage, f.year, f.source, f.share, f.basis, f.quantity, f.unit,
				        f.tradeFlow] AS row
				ORDER BY b.code, s.code, f.item, f.stage, f.year, f.source
				""").execute().records()) {
			all.add(r.get("row").asList(v -> v.asObject()));
		}
		for (Record r : this.driver.executableQuery("""
				MATCH (b:Party)-[m:SOURCING_SPLIT]->(i:Item)
				RETURN [b.code, i.id, m.stage, m.year, m.sourcing, m.dataYear, m.kind, m.assumption, m.source,
				        m.sources, m.suppliers, m.shares] AS row
				ORDER BY b.code, i.id, m.stage, m.year, m.sourcing
				""").execute().records()) {
			all.add(r.get("row").asList(v -> v.asObject()));
		}
		// the counts of facts per source kept for GET /api/sources/{id}
		all.add(Fixture.assertFactCountsKeptAreThoseCounted(this.driver));
		Map<String, Object> types = new java.util.TreeMap<>();
		this.driver.executableQuery("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n")
			.execute()
			.records()
			.forEach(r -> types.put(r.get("type").asString(), r.get("n").asLong()));
		all.add(types);
		return all;
	}

}
