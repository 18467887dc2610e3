/**
 * Neo4j Browser, served by the application at {@code /browser/} from the
 * {@code neo4j-browser} jar, and the discovery answer it asks the host that served it for
 * ({@code GET /} as JSON): where the database's Bolt connector is, embedded or external.
 */
package org.chokepoint.browser;
