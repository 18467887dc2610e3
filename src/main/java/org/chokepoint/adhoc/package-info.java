/**
 * Ad-hoc Cypher over REST: {@code POST /api/cypher} runs an analyst's read query in a
 * read transaction, with a timeout and a row cap, and answers the rows as JSON. Before
 * running, Neo4j itself is asked ({@code EXPLAIN}) what the query would do: only
 * read-only plans without administration, file access or non-allow-listed procedures run.
 * A comment- and string-aware textual check backs that up.
 */
package org.chokepoint.adhoc;
