/**
 * The analyses of domain.md: a product's supply chain for a consumer, stage by stage (China
 * exposure, stage shares, HHI, single points of failure with their alternatives and stockpile
 * cover, the heaviest paths), all chokepoints and exposures of a consumer, concentration per
 * mineral and stage, and what-if disruption scenarios. The numbers come from the Cypher files of
 * {@code cypher/queries/}, the same ones users run in Neo4j Browser; a chain is computed in Java
 * ({@link org.chokepoint.supplychain.ChainCalculator}) from the facts chain-facts.cypher reads,
 * with the same results as chain.cypher.
 */
package org.chokepoint.supplychain;
