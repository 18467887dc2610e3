/**
 * The database: an embedded Neo4j started in-process with Bolt on loopback (the default),
 * or an external server, cluster or Aura instance when
 * {@code chokepoint.embedded.enabled=false}. The application talks to either one only
 * through Bolt. {@link org.chokepoint.database.CypherFile} loads the queries of
 * {@code cypher/queries/} that the services run, the same files a user runs in Neo4j
 * Browser. Depends on no other package of the application.
 */
package org.chokepoint.database;
