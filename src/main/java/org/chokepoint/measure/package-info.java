/**
 * Trade measures (export bans and licences, tariffs, quotas): {@code GET /api/measures}
 * (paged, optionally only those in force on a day) and {@code /api/measures/{id}}:
 * imposer, dates, items restricted, targets, source.
 */
package org.chokepoint.measure;
