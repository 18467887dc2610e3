package org.chokepoint.browser;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What Neo4j Browser reads from {@code GET /} (as JSON) to fill in its connect form, in
 * the shape a Neo4j server answers it.
 *
 * @param boltDirect the direct Bolt address
 * @param boltRouting the routing address
 * @param neo4jVersion the database's version, when it could be read
 * @param neo4jEdition {@code community} or {@code enterprise}, when it could be read
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Discovery(@JsonProperty("bolt_direct") String boltDirect, @JsonProperty("bolt_routing") String boltRouting,
		@JsonProperty("neo4j_version") String neo4jVersion, @JsonProperty("neo4j_edition") String neo4jEdition) {
}
