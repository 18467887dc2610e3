package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * An import's output facts ({@code production.csv}) are staged in committed batches
 * before its switch, as its trade flows are: a file of more output facts than one
 * transaction may hold (the limit set low here, 16 MB, where the 9,000 facts below need
 * about 26 MB in one transaction, and failed so before) imports whole, every fact with
 * its quantity, and no staged node is left.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.embedded.transaction-max-memory=16MB",
		"chokepoint.import.batch-size=2000" })
class ProductionStagingIT {

	@Autowired
	ImportService imports;

	@Autowired
	Driver driver;

	@TempDir
	Path folder;

	@Test
	void outputFactsBeyondOneTransactionsMemoryImportWhole() throws IOException {
		// 100 countries x (10 minerals x 2 stages + 10 products) x 3 years
		Generator.Parameters p = new Generator.Parameters(100, 10, 10, 3, 3, 1, 1.2, 3, 42);
		Generator.write(p, this.folder);
		List<String> rows = Files.readAllLines(this.folder.resolve("production.csv"));
		long facts = rows.size() - 1;
		assertThat(facts).isEqualTo(9_000);
		double quantity = rows.stream().skip(1).mapToDouble(row -> Double.parseDouble(row.split(",")[4])).sum();

		this.imports.importDirectory(this.folder);

		try (Session session = this.driver.session()) {
			Record written = session.run("""
					MATCH (c:Country)-[f:MINES|REFINES|MANUFACTURES]->(i:Item)
					RETURN count(f) AS facts, sum(f.quantity) AS quantity,
					       count(f.share) AS withShare, count(f.worldTotal) AS withWorldTotal,
					       count(DISTINCT type(f) + ' ' + c.iso3 + ' ' + i.id + ' ' + f.year) AS keys
					""").single();
			assertThat(written.get("facts").asLong()).isEqualTo(facts);
			assertThat(written.get("keys").asLong()).isEqualTo(facts);
			assertThat(written.get("withShare").asLong()).isEqualTo(facts);
			assertThat(written.get("withWorldTotal").asLong()).isEqualTo(facts);
			assertThat(written.get("quantity").asDouble()).isEqualTo(quantity);
			long staged = session.run("MATCH (n) WHERE n:Staged OR n:StagedCountry OR n:Retired RETURN count(n) AS n")
				.single()
				.get("n")
				.asLong();
			assertThat(staged).isZero();
		}
	}

}
