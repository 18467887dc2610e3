package org.chokepoint.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The schema runner on the application's database, migrated at start-up: each migration
 * recorded once, an edited applied migration refused before anything runs, and a second
 * instance kept out while one applies.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class SchemaMigrationsIT {

	@Autowired
	Driver driver;

	@Test
	void startUpAppliedEachMigrationOnceAndARerunAppliesNothing() {
		List<Map<String, Object>> recorded = rows(
				"MATCH (m:__Migration) RETURN m.version AS version, m.checksum AS checksum ORDER BY version");
		List<Map<String, Object>> files = SchemaMigrations.load()
			.stream()
			.map(m -> Map.<String, Object>of("version", (long) m.version(), "checksum", m.checksum()))
			.toList();
		assertThat(recorded).isEqualTo(files);
		assertThat(new SchemaMigrations(this.driver).apply()).isEmpty();
		assertThat(rows("MATCH (m:__Migration) RETURN count(m) AS n"))
			.containsExactly(Map.of("n", (long) files.size()));
		assertThat(rows("MATCH (l:__MigrationLock) RETURN count(l) AS n")).containsExactly(Map.of("n", 0L));
	}

	/**
	 * A store migrated before the lock existed: its records are as they are now, the
	 * lock's constraint is missing.
	 */
	@Test
	void aStoreMigratedBeforeTheLockExistedStartsAsItIs() {
		this.driver.executableQuery("DROP CONSTRAINT schema_migration_lock").execute();
		assertThat(new SchemaMigrations(this.driver).apply()).isEmpty();
		assertThat(rows("SHOW CONSTRAINTS YIELD name WHERE name = 'schema_migration_lock' RETURN count(*) AS n"))
			.containsExactly(Map.of("n", 1L));
	}

	@Test
	void anAppliedMigrationThatWasEditedIsRefusedBeforeAnythingRuns() throws IOException {
		String name = "V0001__Business_key_constraints.cypher";
		String content = new ClassPathResource("cypher/migrations/" + name).getContentAsString(StandardCharsets.UTF_8);
		Migration applied = Migration.parse(name, content);
		Migration edited = Migration.parse(name,
				content + "CREATE INDEX edited_after_apply IF NOT EXISTS FOR (n:Country) ON (n.region);\n");

		assertThatThrownBy(() -> new SchemaMigrations(this.driver).apply(List.of(edited)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Migration V1 (Business key constraints) was edited after it was applied (checksum "
					+ applied.checksum() + " then, " + edited.checksum()
					+ " now). Never edit an applied migration: add a new one.");
		assertThat(rows("SHOW INDEXES YIELD name WHERE name = 'edited_after_apply' RETURN count(*) AS n"))
			.containsExactly(Map.of("n", 0L));
		assertThat(rows("MATCH (l:__MigrationLock) RETURN count(l) AS n")).containsExactly(Map.of("n", 0L));
	}

	@Test
	void aSecondInstanceWaitsForTheLockThenFindsNothingToApply() throws Exception {
		try (Session session = this.driver.session()) {
			Transaction first = session.beginTransaction();
			CompletableFuture<List<Integer>> second;
			try {
				first.run(SchemaMigrations.LOCK, Map.of("owner", "first instance")).consume();
				second = CompletableFuture.supplyAsync(() -> new SchemaMigrations(this.driver).apply());
				// Neo4j itself says the second one's lock is waiting on the first one's
				await().atMost(Duration.ofSeconds(60)).until(() -> !rows("""
						SHOW TRANSACTIONS YIELD metaData, status
						WHERE metaData.app = 'chokepoint schema migrations' AND status STARTS WITH 'Blocked'
						RETURN status""").isEmpty());
				assertThat(second).isNotDone();
			}
			finally {
				first.close();
			}
			assertThat(second.get(60, TimeUnit.SECONDS)).isEmpty();
		}
	}

	@Test
	void aSecondInstanceGivesUpWithAClearErrorWhenTheLockIsHeldTooLong() {
		try (Session session = this.driver.session(); Transaction first = session.beginTransaction()) {
			first.run(SchemaMigrations.LOCK, Map.of("owner", "first instance")).consume();
			assertThatThrownBy(() -> new SchemaMigrations(this.driver, Duration.ofSeconds(1)).apply())
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith(
						"Another instance has been applying the schema migrations to this database for 1 s"
								+ " (lock :__MigrationLock {name: 'schema'}); start again once it is up");
		}
	}

	private List<Map<String, Object>> rows(String query) {
		return this.driver.executableQuery(query).execute().records().stream().map(r -> r.asMap()).toList();
	}

}
