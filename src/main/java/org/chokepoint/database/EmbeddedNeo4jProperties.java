package org.chokepoint.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the embedded Neo4j ({@code chokepoint.embedded.*}).
 *
 * @param enabled whether to start an embedded Neo4j (default true); false uses
 * {@code spring.neo4j.uri} (an external server, cluster or Aura)
 * @param host the address Bolt listens on (default 127.0.0.1, loopback, so nothing
 * outside this machine can connect)
 * @param port the Bolt port (default 7687); 0 picks any free port
 * @param dataDir the directory of the database files, made absolute and normalized
 * (default {@code data/neo4j}, relative to the working directory)
 * @param authEnabled whether Neo4j checks credentials (default true): user
 * {@code spring.neo4j.authentication.username}, password
 * {@code spring.neo4j.authentication.password} ({@code NEO4J_PASSWORD}; see
 * {@link Neo4jPassword}); off is allowed on a loopback host only
 * @param pageCache the page cache size, e.g. {@code 256m} (default empty: Neo4j chooses)
 * @param shutdownQuietPeriod how long Bolt waits for quiet at shutdown (default 2s;
 * Neo4j's own default is 5 s)
 * @param importDir the only directory {@code LOAD CSV} may read {@code file:///} URLs
 * from (Neo4j's {@code server.directories.import}); default empty: {@code LOAD CSV} reads
 * no file at all
 * @param transactionMaxMemory the most memory one transaction may use (Neo4j's
 * {@code db.memory.transaction.max}; default 256MB, 0 for no limit): a query that needs
 * more, such as an ad-hoc cartesian product collected into a list, is stopped rather than
 * filling the heap. Neo4j applies it to every transaction, the import's too: an import
 * writes its bulk (trade flows, supply mixes) in committed batches before its switch,
 * whose own transaction then holds the files' other rows only (a million-flow import: the
 * benchmark's M tier, docs/scaling.md)
 * @param transactionCheckInterval how often Neo4j looks for transactions past their
 * timeout ({@code db.transaction.monitor.check.interval}, default 500ms; Neo4j's own is 2
 * s), so a timed-out query stops within that of its limit
 */
@ConfigurationProperties("chokepoint.embedded")
public record EmbeddedNeo4jProperties(@DefaultValue("true") boolean enabled, @DefaultValue("127.0.0.1") String host,
		@DefaultValue("7687") int port, @DefaultValue("data/neo4j") Path dataDir,
		@DefaultValue("true") boolean authEnabled, String pageCache, @DefaultValue("2s") Duration shutdownQuietPeriod,
		Path importDir, @DefaultValue("256MB") DataSize transactionMaxMemory,
		@DefaultValue("500ms") Duration transactionCheckInterval) {
}
