package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.chokepoint.ChokepointTest;
import org.chokepoint.benchmark.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * An import's output facts ({@code production.csv}) and sourcing rows
 * ({@code sourcing.csv}) are staged in committed batches before its switch, as its trade
 * flows are: files of more rows than one transaction may hold (the limit set low here, 16
 * MB, where the 9,000 output facts below need about 26 MB in one transaction and the
 * 12,000 sourcing rows about 22 MB, and each failed so before) import whole, every fact
 * with its figures, and no staged node is left. A switch still too large (the files
 * written in it) is refused with what to do, and changes nothing.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.embedded.transaction-max-memory=16MB",
		"chokepoint.import.batch-size=2000" })
class FactStagingIT {

	@Autowired
	ImportService imports;

	@Autowired
	Driver driver;

	@TempDir
	Path folder;

	@Test
	void factsBeyondOneTransactionsMemoryImportWhole() throws IOException {
		// 100 countries x (10 minerals x 2 stages + 10 products) x 3 years of output
		Generator.Parameters p = new Generator.Parameters(100, 10, 10, 3, 3, 1, 1.2, 3, 42);
		Generator.write(p, this.folder);
		List<String> rows = Files.readAllLines(this.folder.resolve("production.csv"));
		long facts = rows.size() - 1;
		assertThat(facts).isEqualTo(9_000);
		double quantity = rows.stream().skip(1).mapToDouble(row -> Double.parseDouble(row.split(",")[4])).sum();
		// every country's refining sourcing of every mineral in 2024: 12 suppliers of
		// 0.08 each, from a source of its own (the trade flows are another's)
		List<String> countries = Files.readAllLines(this.folder.resolve("countries.csv"))
			.stream()
			.skip(1)
			.map(line -> line.split(",")[0])
			.toList();
		StringBuilder sourcing = new StringBuilder(
				"buyer,supplier,item,stage,year,share,basis,quantity,unit,source,note\n");
		for (int b = 0; b < countries.size(); b++) {
			for (int m = 0; m < 10; m++) {
				for (int s = 1; s <= 12; s++) {
					sourcing.append(countries.get(b))
						.append(',')
						.append(countries.get((b + s) % countries.size()))
						.append(",mineral-")
						.append(m)
						.append(",REFINING,2024,0.08,imports,,,test-sourcing,\n");
				}
			}
		}
		Files.writeString(this.folder.resolve("sourcing.csv"), sourcing);
		Files.writeString(this.folder.resolve("sources.csv"),
				"test-sourcing,Test sourcing,FactStagingIT,2025,,official,\n", StandardOpenOption.APPEND);

		this.imports.importDirectory(this.folder);

		try (Session session = this.driver.session()) {
			Record output = session.run("""
					MATCH (c:Country)-[f:MINES|REFINES|MANUFACTURES]->(i:Item)
					RETURN count(f) AS facts, sum(f.quantity) AS quantity,
					       count(f.share) AS withShare, count(f.worldTotal) AS withWorldTotal,
					       count(DISTINCT type(f) + ' ' + c.iso3 + ' ' + i.id + ' ' + f.year) AS keys
					""").single();
			assertThat(output.get("facts").asLong()).isEqualTo(facts);
			assertThat(output.get("keys").asLong()).isEqualTo(facts);
			assertThat(output.get("withShare").asLong()).isEqualTo(facts);
			assertThat(output.get("withWorldTotal").asLong()).isEqualTo(facts);
			assertThat(output.get("quantity").asDouble()).isEqualTo(quantity);
			Record sourced = session.run("""
					MATCH (b:Country)-[f:SOURCES {source: 'test-sourcing'}]->(s:Country)
					RETURN count(f) AS rows, sum(f.share) AS shares, count(f.tradeFlow) AS flows,
					       count(DISTINCT b.iso3 + ' ' + s.iso3 + ' ' + f.item) AS keys,
					       collect(DISTINCT f.basis) AS bases, collect(DISTINCT f.stage) AS stages
					""").single();
			assertThat(sourced.get("rows").asLong()).isEqualTo(12_000);
			assertThat(sourced.get("keys").asLong()).isEqualTo(12_000);
			assertThat(sourced.get("shares").asDouble()).isCloseTo(960.0, org.assertj.core.data.Offset.offset(1e-9));
			assertThat(sourced.get("flows").asLong()).as("none marked a trade flow").isZero();
			assertThat(sourced.get("bases").asList()).containsExactly("imports");
			assertThat(sourced.get("stages").asList()).containsExactly("REFINING");
			long staged = session.run("MATCH (n) WHERE n:Staged OR n:StagedCountry OR n:Retired RETURN count(n) AS n")
				.single()
				.get("n")
				.asLong();
			assertThat(staged).isZero();
		}
	}

	@Test
	void aSwitchTooLargeForOneTransactionIsRefusedWithWhatToDoAndChangesNothing() throws IOException {
		Path small = Files.createDirectories(this.folder.resolve("small"));
		Generator.write(new Generator.Parameters(100, 10, 10, 3, 3, 1, 1.2, 1, 42), small);
		this.imports.importDirectory(small);
		String before = version();
		// the same, with reserves for every country and mineral over 25 years: written in
		// the switch (about 25,000 MERGEs), more than 16 MB in one transaction
		Path large = Files.createDirectories(this.folder.resolve("large"));
		Generator.write(new Generator.Parameters(100, 10, 10, 3, 3, 1, 1.2, 1, 42), large);
		List<String> countries = Files.readAllLines(large.resolve("countries.csv"))
			.stream()
			.skip(1)
			.map(line -> line.split(",")[0])
			.toList();
		StringBuilder reserves = new StringBuilder("country,mineral,year,quantity,unit,published_as,source,note\n");
		for (String country : countries) {
			for (int m = 0; m < 10; m++) {
				for (int year = 2000; year < 2025; year++) {
					reserves.append(country).append(",mineral-").append(m).append(',').append(year);
					reserves.append(",1000,t,,gen-output,\n");
				}
			}
		}
		Files.writeString(large.resolve("reserves.csv"), reserves);

		assertThatThrownBy(() -> this.imports.importDirectory(large)).isInstanceOf(ImportTooLargeException.class)
			.hasMessageStartingWith("The import's switch (one transaction that replaces the data with the files but"
					+ " trade_flows.csv, production.csv and sourcing.csv, which are staged before it: ")
			.hasMessageContaining("needed more memory than one transaction may use")
			.hasMessageContaining("nothing was changed")
			.hasMessageContaining("Raise the limit (chokepoint.embedded.transaction-max-memory");
		assertThat(version()).isEqualTo(before);
		try (Session session = this.driver.session()) {
			assertThat(session.run("MATCH ()-[f:HAS_RESERVES]->() RETURN count(f) AS n").single().get("n").asLong())
				.isZero();
			assertThat(session.run("MATCH (n) WHERE n:Staged OR n:StagedCountry OR n:Retired RETURN count(n) AS n")
				.single()
				.get("n")
				.asLong()).as("staged or retired nodes left").isZero();
		}
	}

	private String version() {
		try (Session session = this.driver.session()) {
			return session.run("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS v")
				.single()
				.get("v")
				.asString();
		}
	}

}
