/**
 * Chokepoint. Packages by feature: {@code database} (the embedded Neo4j), {@code schema}
 * (versioned Cypher migrations), {@code importer} (CSV import), {@code country}, {@code mineral},
 * {@code product}, {@code agreement}, {@code measure}, {@code source} (read API; {@code production}
 * holds the production and sourcing facts that minerals and products share), {@code browser}
 * (Neo4j Browser), {@code system} (errors, start-up).
 */
package org.chokepoint;
