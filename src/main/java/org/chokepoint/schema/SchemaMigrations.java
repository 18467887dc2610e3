package org.chokepoint.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Applies the migrations of {@code cypher/migrations} in version order, each once, and
 * records each as a {@code (:__Migration {version, description, checksum})} node. A
 * migration that was applied and has since been edited stops the start: applied
 * migrations are never edited, a change is a new migration.
 *
 * <p>
 * Two instances on one database (external mode) don't apply at once: each holds a lock
 * for the whole run, a {@code (:__MigrationLock {name: 'schema'})} node created, under a
 * uniqueness constraint, in a transaction kept open and never committed. A second
 * instance's create waits on the first one's uncommitted key until that transaction ends,
 * then finds the migrations applied. The lock is Neo4j's own: an instance that dies lets
 * it go with its connection, so no stale lock node is ever left behind. Why this runner
 * and not neo4j-migrations: see the package documentation. Records and checksums are the
 * same as before the lock was added, so a store migrated by an earlier version starts as
 * it did.
 */
@Component
public class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	static final String LOCATION = "classpath*:cypher/migrations/V*.cypher";

	/**
	 * How long the lock's transaction may live: the wait for another instance's run plus
	 * this instance's own run (schema statements: seconds; index population runs in the
	 * background).
	 */
	static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);

	static final String LOCK_CONSTRAINT = """
			CREATE CONSTRAINT schema_migration_lock IF NOT EXISTS
			FOR (l:__MigrationLock) REQUIRE l.name IS UNIQUE""";

	static final String LOCK = """
			CREATE (l:__MigrationLock {name: 'schema'})
			SET l.owner = $owner,
			    l.since = datetime()""";

	private final Driver driver;

	private final Duration lockTimeout;

	@Autowired
	SchemaMigrations(Driver driver) {
		this(driver, LOCK_TIMEOUT);
	}

	SchemaMigrations(Driver driver, Duration lockTimeout) {
		this.driver = driver;
		this.lockTimeout = lockTimeout;
	}

	/** Applies what is pending; returns the versions applied now. */
	public List<Integer> apply() {
		return apply(load());
	}

	/** Applies what is pending of the given migrations (in version order). */
	List<Integer> apply(List<Migration> migrations) {
		List<Integer> applied = new ArrayList<>();
		try (Session session = this.driver.session(); Session lockSession = this.driver.session()) {
			session.executeWriteWithoutResult(tx -> tx.run(LOCK_CONSTRAINT).consume());
			Transaction lock = lock(lockSession);
			try {
				for (Migration migration : migrations) {
					if (applyIfPending(session, migration)) {
						applied.add(migration.version());
					}
				}
			}
			finally {
				release(lock);
			}
		}
		log.info("Schema: {} migrations, applied now: {}", migrations.size(), applied);
		return applied;
	}

	private Transaction lock(Session session) {
		String owner = UUID.randomUUID().toString();
		Transaction lock = session.beginTransaction(TransactionConfig.builder()
			.withTimeout(this.lockTimeout)
			.withMetadata(Map.of("app", "chokepoint schema migrations"))
			.build());
		try {
			lock.run(LOCK, Map.of("owner", owner)).consume();
			return lock;
		}
		catch (Neo4jException ex) {
			release(lock);
			throw new IllegalStateException(
					"Another instance has been applying the schema migrations to this database for "
							+ this.lockTimeout.toSeconds()
							+ " s (lock :__MigrationLock {name: 'schema'}); start again once it is up (" + ex.code()
							+ ")",
					ex);
		}
	}

	/**
	 * Ends the lock's transaction without committing it: the lock node is rolled back,
	 * never stored.
	 */
	private static void release(Transaction lock) {
		try {
			lock.close();
		}
		catch (Neo4jException ex) {
			// ended already (its timeout passed): nothing of it was stored
			log.warn("Schema migration lock: its transaction had ended already ({})", ex.getMessage());
		}
	}

	private static boolean applyIfPending(Session session, Migration migration) {
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
						+ ") was edited after it was applied (checksum " + recorded + " then, " + migration.checksum()
						+ " now). Never edit an applied migration: add a new one.");
			}
			return false;
		}
		for (String statement : migration.statements()) {
			// schema changes can't share a transaction with data writes
			session.executeWriteWithoutResult(tx -> tx.run(statement).consume());
		}
		session
			.executeWriteWithoutResult(
					tx -> tx
						.run("""
								CREATE (m:__Migration {version: $version})
								SET m.description = $description,
								    m.checksum = $checksum,
								    m.appliedAt = datetime()
								""",
								Map.of("version", migration.version(), "description", migration.description(),
										"checksum", migration.checksum()))
						.consume());
		return true;
	}

	static List<Migration> load() {
		try {
			Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
			List<Migration> migrations = new ArrayList<>();
			for (Resource resource : resources) {
				Migration migration = Migration.parse(resource.getFilename(),
						resource.getContentAsString(StandardCharsets.UTF_8));
				// a classpath can name the same folder twice (a manifest Class-Path,
				// say): one file, found twice
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
