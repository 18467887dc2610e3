package org.chokepoint.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Reading a migration file, without a database: its name, its statements, and the
 * checksum that refuses an edit of a migration a database has already applied.
 */
class MigrationTests {

	private static final String CONTENT = """
			// a comment line is dropped
			CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;
			CREATE INDEX b IF NOT EXISTS
			FOR (n:B) ON (n.name);
			""";

	@Test
	void readsVersionDescriptionAndStatements() {
		Migration migration = Migration.parse("V0007__Two_statements.cypher", CONTENT);
		assertThat(migration.version()).isEqualTo(7);
		assertThat(migration.description()).isEqualTo("Two statements");
		assertThat(migration.statements()).containsExactly(
				"CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE",
				"CREATE INDEX b IF NOT EXISTS\nFOR (n:B) ON (n.name)");
	}

	@Test
	void anyEditChangesTheChecksumEvenInACommentOrAWhitespace() {
		String checksum = Migration.parse("V0007__Two_statements.cypher", CONTENT).checksum();
		assertThat(Migration.parse("V0007__Two_statements.cypher", CONTENT).checksum()).isEqualTo(checksum);
		assertThat(Migration.parse("V0007__Two_statements.cypher", CONTENT.replace("n.name", "n.title")).checksum())
			.isNotEqualTo(checksum);
		assertThat(Migration.parse("V0007__Two_statements.cypher", CONTENT.replace("dropped", "kept")).checksum())
			.isNotEqualTo(checksum);
		assertThat(Migration.parse("V0007__Two_statements.cypher", CONTENT + "\n").checksum()).isNotEqualTo(checksum);
	}

	@Test
	void refusesAFileNameWithoutVersionAndDescription() {
		assertThatThrownBy(() -> Migration.parse("V7-constraints.cypher", CONTENT))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Migration file name V7-constraints.cypher is not V<version>__<Description>.cypher");
	}

	/**
	 * The shipped migrations as every existing database recorded them: a failure here
	 * means an applied migration was edited, which every such database would refuse at
	 * start-up. Add a new migration instead (and its line here).
	 */
	@Test
	void shippedMigrationsAreNeverEdited() {
		List<String> shipped = SchemaMigrations.load()
			.stream()
			.map(m -> m.version() + " " + m.description() + " " + m.checksum())
			.toList();
		assertThat(shipped).containsExactly("1 Business key constraints 1026937149", "2 Fact indexes 4245189279",
				"3 Staged countries 3599934190", "4 Hs codes 2639220231");
	}

}
