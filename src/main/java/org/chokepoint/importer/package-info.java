/**
 * The importer: reads the CSV files of a folder (format in {@code import/README.md}),
 * validates all of them before anything is written, and replaces the knowledge graph with
 * their contents in one transaction. Run from the command line
 * ({@code import --dir PATH}), from the admin REST call, or at start-up when the database
 * is empty or holds another data version. The start-up
 * ({@link org.chokepoint.importer.DatabaseStartup}: schema migrations first, then the
 * import) and the command line ({@link org.chokepoint.importer.ImportCommand}) live here,
 * next to what they start.
 */
package org.chokepoint.importer;
