/**
 * Production and sourcing facts of an item, shared by the {@code mineral} and
 * {@code product} features: who mines, refines or manufactures it, grouped by stage, year
 * and source with the share each source leaves unattributed; and which buyers source it
 * from whom.
 */
package org.chokepoint.production;
