/**
 * Agreements (partnerships, deals, alliances, truces, stockpile programmes):
 * {@code GET /api/agreements} (paged) and {@code /api/agreements/{id}}: parties with role
 * and date, items covered, dates, source.
 */
package org.chokepoint.agreement;
