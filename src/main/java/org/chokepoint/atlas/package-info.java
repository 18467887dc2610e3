/**
 * The atlas: the web page a person gets at {@code GET /} (HTML), which shows a product's
 * chain for a consumer, its chokepoints, scenarios and the consumer's overview, drawn in
 * the browser from the REST API by the plain JavaScript modules under
 * {@code static/atlas/}. Neo4j Browser's JSON request to the same path is answered by the
 * {@code browser} package.
 */
package org.chokepoint.atlas;
