/**
 * Who may do what: reading is open (REST reads, analyses, scenarios and ad-hoc read-only
 * Cypher); everything that writes (import, admin) needs the admin's credentials. CORS is
 * closed unless origins are configured.
 */
package org.chokepoint.security;
