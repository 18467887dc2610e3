/**
 * CSV output ({@code Accept: text/csv}, RFC 4180): the message converter, behind the JSON
 * one, that writes every {@link CsvAnswer} (an answer that is a table) and every page of
 * records ({@code Paged<R>}). Not the CSV reading of the import files, which is the
 * importer's ({@code org.chokepoint.importer.CsvTable}). Uses
 * {@code org.chokepoint.paging} only.
 */
package org.chokepoint.csv;
