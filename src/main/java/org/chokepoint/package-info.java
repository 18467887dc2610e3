/**
 * Chokepoint. Packages by feature; each package directly under this one is a module whose
 * dependencies {@code ModularityTests} checks on every build (no cycles, nothing of
 * another module's sub-packages).
 *
 * <p>
 * Foundation, used by the features and using none of them:
 * <ul>
 * <li>{@code database}: the embedded Neo4j (or an external one) and the query files of
 * {@code cypher/queries/};</li>
 * <li>{@code schema}: the versioned Cypher migrations of {@code cypher/migrations/};</li>
 * <li>{@code web}: problem details, the exceptions features throw for them, request body
 * rules, the OpenAPI description;</li>
 * <li>{@code paging} (uses {@code web}): the page of a list asked for and answered;</li>
 * <li>{@code csv} (uses {@code paging}): {@code text/csv} answers;</li>
 * <li>{@code http} (uses {@code web}): the request filters (Accept header, body
 * size);</li>
 * <li>{@code supplymix}: pure domain code, no Spring: a buyer's supply mix, direct and
 * traced through re-exports, derived from the facts of one item and stage.</li>
 * </ul>
 *
 * <p>
 * Features:
 * <ul>
 * <li>{@code importer} (uses {@code schema}, {@code web}, {@code supplymix}): the CSV
 * import, which also derives and writes the buyers' supply mixes, with the start-up that
 * migrates the schema and then imports, and the {@code import} command;</li>
 * <li>{@code source}, then {@code production} (production and sourcing facts shared by
 * minerals and products), then {@code country}, {@code mineral}, {@code product},
 * {@code agreement}, {@code measure}: the read API;</li>
 * <li>{@code lookup} (uses {@code importer}, {@code web}): keys as users type them (any
 * case, names, close keys suggested on a 404) and the years the data covers, used by the
 * read API and the analyses;</li>
 * <li>{@code supplychain} (uses {@code importer}, {@code database}, {@code csv},
 * {@code web}, {@code supplymix}): the analyses of domain.md, the scenarios and the
 * trends;</li>
 * <li>{@code datareport} (uses {@code importer}, {@code database}, {@code csv},
 * {@code web}), {@code adhoc} (read-only Cypher over REST);</li>
 * <li>{@code browser} (Neo4j Browser and its discovery answer), then {@code guide} (the
 * Browser guide), {@code atlas} (the web page) and {@code security} (who may do what),
 * which use it.</li>
 * </ul>
 *
 * <p>
 * Here, beside {@link org.chokepoint.ChokepointApplication}: {@code StartupReport}, which
 * logs where everything is once the application is ready.
 */
package org.chokepoint;
