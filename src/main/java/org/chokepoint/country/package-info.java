/**
 * Countries: {@code GET /api/countries} (paged) and {@code /api/countries/{iso3}}: the
 * blocs it belongs to, the agreements it is party to (itself or through a bloc), and its
 * production facts; {@code GET /api/blocs}: the blocs, consumers like countries.
 */
package org.chokepoint.country;
