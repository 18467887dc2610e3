/**
 * Keys as users type them: countries and blocs ({@link org.chokepoint.lookup.Parties}),
 * products and minerals ({@link org.chokepoint.lookup.Items}) matched ignoring case and
 * by unique name, with close keys suggested on a miss
 * ({@link org.chokepoint.lookup.KeyIndex}); and the years the data covers
 * ({@link org.chokepoint.lookup.Years}). Uses {@code web} (its exceptions) and
 * {@code importer} (its event, to forget what an import replaced).
 */
package org.chokepoint.lookup;
