package org.chokepoint.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded Neo4j ({@code chokepoint.embedded.*}).
 *
 * @param enabled whether to start an embedded Neo4j; false uses {@code spring.neo4j.uri} (an external server, cluster or Aura)
 * @param host the address Bolt listens on; loopback by default, so nothing outside this machine can connect
 * @param port the Bolt port; 0 picks any free port
 * @param dataDir the directory of the database files (made absolute and normalized)
 * @param authEnabled whether Neo4j checks credentials (the default): user {@code spring.neo4j.authentication.username},
 * password {@code spring.neo4j.authentication.password} ({@code NEO4J_PASSWORD}; see {@link Neo4jPassword}); off
 * is allowed on a loopback host only
 * @param pageCache the page cache size, e.g. {@code 256m}; empty lets Neo4j choose
 * @param shutdownQuietPeriod how long Bolt waits for quiet at shutdown (Neo4j's default is 5 s)
 * @param importDir the only directory {@code LOAD CSV} may read {@code file:///} URLs from (Neo4j's
 *        {@code server.directories.import}); empty (the default) lets {@code LOAD CSV} read no file at all
 */
@ConfigurationProperties("chokepoint.embedded")
public record EmbeddedNeo4jProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("127.0.0.1") String host,
		@DefaultValue("7687") int port,
		@DefaultValue("data/neo4j") Path dataDir,
		@DefaultValue("true") boolean authEnabled,
		String pageCache,
		@DefaultValue("2s") Duration shutdownQuietPeriod,
		Path importDir) {
}
