package org.chokepoint.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the migrations of {@code cypher/migrations} in version order, each once, and records
 * each as a {@code (:__Migration {version, description, checksum})} node. A migration that was
 * applied and has since been edited stops the start: applied migrations are never edited, a
 * change is a new migration.
 *
 * <p>Why not neo4j-migrations: its artifacts (2.x, and its parent POM) are not served by the
 * Maven repository this project builds from, and its 2.x line is built for driver 5, not the
 * driver 6 that Spring Boot 4 brings. This class keeps its conventions (file names, checksums,
 * a record per migration) so the switch is easy when it is available.
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	static final String LOCATION = "classpath*:cypher/migrations/V*.cypher";

	private final Driver driver;

	SchemaMigrations(Driver driver) {
		this.driver = driver;
	}

	/** Applies what is pending; returns the versions applied now. */
	public List<Integer> apply() {
		List<Migration> migrations = load();
		List<Integer> applied = new ArrayList<>();
		try (Session session = this.driver.session()) {
			for (Migration migration : migrations) {
				String recorded = session.executeRead(tx -> tx
					.run("MATCH (m:__Migration {version: $version}) RETURN m.checksum AS checksum",
							Map.of("version", migration.version()))
					.list(r -> r.get("checksum").asString())
					.stream()
					.findFirst()
					.orElse(null));
				if (recorded != null) {
					if (!recorded.equals(migration.checksum())) {
						throw new IllegalStateException("Migration V" + migration.version() + " (" + migration.description()
								+ ") was edited after it was applied (checksum " + recorded + " then, "
								+ migration.checksum() + " now). Never edit an applied migration: add a new one.");
					}
					continue;
				}
				for (String statement : migration.statements()) {
					// schema changes can't share a transaction with data writes
					session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
				}
				session.executeWriteWithoutResult(tx -> tx.run("""
						CREATE (m:__Migration {version: $version})
						SET m.description = $description,
						    m.checksum = $checksum,
						    m.appliedAt = datetime()
						""", Map.of("version", migration.version(), "description", migration.description(),
						"checksum", migration.checksum())).consume());
				applied.add(migration.version());
			}
		}
		log.info("Schema: {} migrations, applied now: {}", migrations.size(), applied);
		return applied;
	}

	static List<Migration> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			List<Migration> migrations = new ArrayList<>();
			for (Resource resource : resources) {
				Migration migration = Migration.parse(resource.getFilename(), resource.getContentAsString(StandardCharsets.UTF_8));
				// a classpath can name the same folder twice (a manifest Class-Path, say): one file, found twice
				if (!migrations.contains(migration)) {
					migrations.add(migration);
				}
			}
			migrations.sort(Comparator.comparingInt(Migration::version));
			for (int i = 1; i < migrations.size(); i++) {
				if (migrations.get(i).version() == migrations.get(i - 1).version()) {
					throw new IllegalStateException("Two migrations have version " + migrations.get(i).version());
				}
			}
			return migrations;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
