/**
 * Sources: the publications every fact cites ({@code GET /api/sources},
 * {@code /api/sources/{id}}), and {@link org.chokepoint.source.SourceRef}, the short form
 * other features embed in their facts.
 */
package org.chokepoint.source;
