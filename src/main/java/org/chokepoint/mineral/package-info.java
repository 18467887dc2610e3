/**
 * Minerals: {@code GET /api/minerals} (paged, with the stages the graph has figures for)
 * and {@code /api/minerals/{id}}: producers by stage, year and source with derived shares
 * and the unattributed share, reserves, import reliance, stockpiles and known sourcing.
 */
package org.chokepoint.mineral;
