/**
 * The analyses of domain.md: a product's supply chain for a consumer, stage by stage
 * (China exposure, stage shares, HHI, single points of failure with their alternatives
 * and stockpile cover, the heaviest paths), all chokepoints and exposures of a consumer,
 * concentration per mineral and stage, and what-if disruption scenarios. The numbers come
 * from the Cypher files of {@code cypher/queries/}, the same ones users run in Neo4j
 * Browser; a chain is computed in Java
 * ({@link org.chokepoint.supplychain.ChainCalculator}) from the facts chain-facts.cypher
 * reads, with the same results as chain.cypher.
 *
 * <p>
 * A chain's figures live in one record, {@link org.chokepoint.supplychain.ChainFigures}:
 * every answer that shows them embeds it (the chain, each item of it, each row of the
 * exposure table, a scenario hit's before and after), and every CSV answer takes their
 * columns and cells from it. Analyses are cached per data version
 * ({@link org.chokepoint.supplychain.CachingConfiguration}); their parameters are typed
 * and checked by {@link org.chokepoint.supplychain.ParameterRules}.
 *
 * <h2>How to add a figure of a chain</h2> Say, {@code soleSourceShare}: the weight of an
 * input chain's paths that pass a sole source. The files it touches, and nothing else:
 * <ol>
 * <li>{@code cypher/queries/chain.cypher}: compute it per input chain and return it in
 * {@code inputs} and, for the worst input, on the product's row (the Browser's answer,
 * and the reference the parity test holds the Java computation to).</li>
 * <li>{@link org.chokepoint.supplychain.ChainCalculator}: compute it per input chain (its
 * {@code input} method); the product's is the worst input's.</li>
 * <li>{@link org.chokepoint.supplychain.ChainComputation}: a field on the product and on
 * {@code InputChain}, the values both computations fill.</li>
 * <li>{@link org.chokepoint.supplychain.ChainFigures}: a component with its definition,
 * unit and basis in the Javadoc, read in the two {@code of} methods, and one CSV
 * {@code Column} (its {@code snake_case} name and unit). JSON (the chain, its items, the
 * exposure table, scenario hits) and CSV (exposure, scenario) follow from here; so does
 * the parity test, which compares every figure of the record.</li>
 * <li>{@code src/test/.../ChainCypher}: read the new column of chain.cypher.</li>
 * <li>A test with a hand-computed value (on the fixture graph of
 * {@code SupplyChainAnalysisIT}, or a unit test of the calculator).</li>
 * <li>{@code src/main/resources/openapi/examples.json}: the field in the examples, which
 * are excerpts of real answers.</li>
 * <li>The README's examples, whose field names {@code ReadmeExamplesIT} compares with
 * real answers.</li>
 * </ol>
 * Optional, when a figure should also be drawn or explained: the atlas scripts under
 * {@code static/atlas/}, the Browser guide ({@code guide/Guide}).
 */
package org.chokepoint.supplychain;
