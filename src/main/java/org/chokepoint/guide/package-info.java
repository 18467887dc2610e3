/**
 * The Neo4j Browser guide ({@code :play http://localhost:8080/guide/chokepoint.html}):
 * HTML slides generated at request time from the files of {@code cypher/queries/}, each
 * query with its {@code :param} lines as runnable commands, so the guide and the files
 * can't drift.
 */
package org.chokepoint.guide;
