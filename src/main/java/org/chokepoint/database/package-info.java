/**
 * The database: an embedded Neo4j started in-process with Bolt on loopback (the default), or an
 * external server, cluster or Aura instance when {@code chokepoint.embedded.enabled=false}. The
 * application talks to either one only through Bolt.
 */
package org.chokepoint.database;
