/**
 * The schema: versioned, checksummed Cypher migrations from {@code cypher/migrations},
 * applied at start-up before anything else touches the database, by one instance at a
 * time (a lock held in an open transaction, see
 * {@link org.chokepoint.schema.SchemaMigrations}). Depends on no other package of the
 * application.
 *
 * <p>
 * Why a runner of our own and not neo4j-migrations ({@code eu.michael-simons.neo4j}):
 * tried in December 2026, its 2.x jars and POMs (2.15.0 up to 2.19.2) download from Maven
 * Central, but their parent POM ({@code neo4j-migrations-parent}) does not, so Maven
 * can't resolve it as a dependency. Its code is not the problem: 2.15.0 put on the
 * classpath by hand ran {@code apply}, {@code info} and {@code validate} of these
 * migrations against the embedded Neo4j 5.26 with the Java driver 6.1 that Spring Boot 4
 * manages. This runner keeps its conventions (file names
 * {@code V0001__Describe_it.cypher}, a checksum per migration, a record per migration, a
 * lock), so switching takes one class once the parent POM resolves. A store migrated here
 * would then be migrated again by neo4j-migrations (it records its own
 * {@code :__Neo4jMigration} chain, with checksums computed its way), which is harmless as
 * every statement says {@code IF NOT EXISTS}; the {@code :__Migration} nodes of this
 * runner can be deleted after that.
 */
package org.chokepoint.schema;
