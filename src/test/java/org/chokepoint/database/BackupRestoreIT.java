package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.Fixture;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The backup and restore commands ({@code backup --to FILE}, {@code restore --from FILE})
 * on the application's own store: import a fixture, back up, wipe the data directory,
 * restore, start: the same nodes per label, relationships per type and data version.
 * Refused while the application runs on the store, and without {@code --force} where they
 * would overwrite.
 */
@ExtendWith(OutputCaptureExtension.class)
class BackupRestoreIT {

	@TempDir
	Path work;

	@Test
	void backUpWipeRestoreGivesTheSameGraphAndDataVersion(CapturedOutput output) throws IOException {
		Path store = this.work.resolve("store");
		Path backup = this.work.resolve("backups/chokepoint.dump");
		String dataDir = "--chokepoint.embedded.data-dir=" + store;

		Map<String, Long> nodes;
		Map<String, Long> relationships;
		String version;
		try (ConfigurableApplicationContext application = start(store)) {
			application.getBean(ImportService.class).importDirectory(Fixture.BASIC);
			nodes = nodesPerLabel(application);
			relationships = relationshipsPerType(application);
			version = application.getBean(ImportService.class).currentVersion().orElseThrow();
			// what the fixture holds (StartupReportIT: 30 facts and 2 SOURCING_SPLIT):
			// the comparison below is not of empty graphs
			assertThat(nodes).containsEntry("Country", 7L);
			assertThat(relationships.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(32);

			// the store is open: no backup, no restore
			assertThat(StoreCommand.run("backup", "--to", backup.toString(), dataDir)).isEqualTo(1);
			assertThat(output.getErr()).contains("Backup refused: The database in " + store + " is in use (Neo4j's"
					+ " store lock is held: the application or another command is running on it). Stop it, then back it up.");
			assertThat(backup).doesNotExist();
		}

		assertThat(StoreCommand.run("backup", "--to", backup.toString(), dataDir)).isZero();
		assertThat(output.getOut()).contains("Backed up database 'neo4j' of " + store + " to " + backup);
		assertThat(Files.size(backup)).isPositive();
		// nothing is overwritten without --force: neither the backup file nor the store
		assertThat(StoreCommand.run("backup", "--to=" + backup, dataDir)).isEqualTo(1);
		assertThat(output.getErr()).contains("Backup refused: " + backup + " exists: add --force to replace it");
		assertThat(StoreCommand.run("restore", "--from", backup.toString(), dataDir)).isEqualTo(1);
		assertThat(output.getErr()).contains("Restore refused: " + store + " already holds a database ("
				+ store.resolve("data/databases/neo4j") + "): restoring replaces it, add --force to do so");

		deleteRecursively(store);
		assertThat(StoreCommand.run("restore", "--from", backup.toString(), dataDir)).isZero();
		assertThat(output.getOut()).contains("Restored database 'neo4j' of " + store + " from " + backup);
		try (ConfigurableApplicationContext application = start(store)) {
			assertThat(nodesPerLabel(application)).isEqualTo(nodes);
			assertThat(relationshipsPerType(application)).isEqualTo(relationships);
			assertThat(application.getBean(ImportService.class).currentVersion()).contains(version);
			// then the data changes...
			application.getBean(Driver.class).executableQuery("MATCH (c:Country) DETACH DELETE c").execute();
			assertThat(nodesPerLabel(application)).doesNotContainKey("Country");
		}
		// ... and --force brings the backup back over it
		assertThat(StoreCommand.run("restore", "--from", backup.toString(), "--force", dataDir)).isZero();
		try (ConfigurableApplicationContext application = start(store)) {
			assertThat(nodesPerLabel(application)).isEqualTo(nodes);
			assertThat(relationshipsPerType(application)).isEqualTo(relationships);
			assertThat(application.getBean(ImportService.class).currentVersion()).contains(version);
		}
	}

	@Test
	void saysHowToUseItAndWhenThereIsNothingToBackUp(CapturedOutput output) {
		assertThat(StoreCommand.run("backup")).isEqualTo(2);
		assertThat(output.getErr()).contains("Usage: java -jar chokepoint.jar backup --to FILE [--force]");
		Path empty = this.work.resolve("nothing");
		assertThat(StoreCommand.run("backup", "--to", this.work.resolve("b.dump").toString(),
				"--chokepoint.embedded.data-dir=" + empty))
			.isEqualTo(1);
		assertThat(output.getErr()).contains("Backup refused: No database to back up in " + empty);
		assertThat(StoreCommand.run("restore", "--from", this.work.resolve("missing.dump").toString(),
				"--chokepoint.embedded.data-dir=" + empty))
			.isEqualTo(1);
		assertThat(output.getErr()).contains("Restore refused: No backup file " + this.work.resolve("missing.dump"));
	}

	private static ConfigurableApplicationContext start(Path store) {
		return new SpringApplicationBuilder(ChokepointApplication.class).web(WebApplicationType.NONE)
			.run("--chokepoint.embedded.data-dir=" + store, "--chokepoint.import.on-startup=false");
	}

	private static Map<String, Long> nodesPerLabel(ConfigurableApplicationContext application) {
		return counts(application, "MATCH (n) UNWIND labels(n) AS key RETURN key, count(*) AS n ORDER BY key");
	}

	private static Map<String, Long> relationshipsPerType(ConfigurableApplicationContext application) {
		return counts(application, "MATCH ()-[r]->() RETURN type(r) AS key, count(*) AS n ORDER BY key");
	}

	private static Map<String, Long> counts(ConfigurableApplicationContext application, String query) {
		Map<String, Long> counts = new LinkedHashMap<>();
		application.getBean(Driver.class)
			.executableQuery(query)
			.execute()
			.records()
			.forEach(row -> counts.put(row.get("key").asString(), row.get("n").asLong()));
		return counts;
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		assertThat(directory).doesNotExist();
	}

}
