/**
 * A buyer's supply mix, derived once per data version from the facts (domain.md, "A
 * buyer's supply", "Where it really comes from" and "Precisely"): pure Java, no Spring,
 * no database.
 *
 * <p>
 * {@link org.chokepoint.supplymix.SupplyMixes} takes the facts of one (item, stage) —
 * producers' output, buyers' sourcing rows with their basis ({@code supply} or
 * {@code imports}), bilateral trade flows on the item's basis, import reliance and bloc
 * memberships — and gives, for every year at which the facts change, each buyer's
 * <em>direct</em> mix (its own output and its partners, as bought) and its
 * <em>traced</em> mix (the producers its supply comes from, re-exports followed through
 * traders by {@link org.chokepoint.supplymix.OriginTracer}). The importer writes both as
 * {@code SOURCING_SPLIT} relationships; the chain analyses and
 * {@code cypher/queries/chain.cypher} read them. The linear system of the tracing is
 * solved here, in Java, because plain Cypher has no way to solve one: that is the part of
 * the chain figures that only the service computes, and it is stored in the graph so that
 * Browser users read the same mixes.
 */
package org.chokepoint.supplymix;
