// Question: which facts does the supply chain of $products use in $year? Per item of their bills of
// materials: its direct inputs and, per stage, the split of its supply chosen for the year: the
// global output shares, and every buyer's own sourcing (domain.md, "The supply chain of a product,
// for a consumer"). What the application computes chains on, stage by stage, in Java
// (supplychain.ChainCalculator); chain.cypher computes the same chains in one query.
//
// :param products => ['ndfeb-magnet']
// :param year => 2024
// :param sourcing => 'traced'
// :param skip => {}
//
// $skip is a map whose keys are items the caller already holds the facts of: their rows come with
// empty facts. (A map, not a list: Neo4j plans a list parameter anew for each size bucket.)
//
// Facts used, as in chain.cypher: per (item, stage), the global output shares (MINES/REFINES/
// MANUFACTURES) of the newest year <= $year, then the best source (official, secondary, estimate),
// then the smallest source id, among groups with at least one numeric share; per (buyer, item, stage) the buyer's supply mix, which replaces the
// global shares for that buyer at every depth. The mixes are SOURCING_SPLIT relationships that the
// importer derives from the facts (supplymix.SupplyMixes: own output, trade flows, sourcing rows,
// reliance; traced through re-exports): one per (buyer, item, stage, sourcing, year the mix holds
// from); suppliers: the codes, comma-separated; shares: a list in the same order. Per (item, stage)
// the mixes of the newest such year <= $year are read, for every buyer at once: a buyer without a mix
// that year buys at the global shares, or, without those, skips the stage (a gap for it).
//
// Columns, one row per item below the products (the products included):
//   item: the item id
//   product: true for a product (stage MANUFACTURING), false for a mineral (REFINING, then MINING)
//   inputs: the ids of its direct inputs (bom.csv)
//   global: per stage with output facts up to $year, the chosen {stage, year, source, countries (by
//     iso3), shares}
//   sourcing: per (buyer, stage) with a mix of $sourcing ('traced' or 'direct') as of $year, by buyer
//     code: {buyer, stage, year (of the facts the mix is made of), source, kind (which facts),
//     suppliers (comma-separated codes, in the mix's stored order), shares}
// Every list comes in a defined order, whatever order the store returns rows in, so that the sums
// over them (added in list order) give the same bits on the same data.
MATCH (product:Product)
WHERE product.id IN $products
MATCH (product)-[:REQUIRES*0..]->(item:Item)
WITH DISTINCT item
CALL (item) {
  OPTIONAL MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
  WHERE f.year <= $year AND NOT item.id IN keys($skip)
  OPTIONAL MATCH (s:Source {id: f.source})
  // a group's countries by iso3: their shares are summed in this order
  WITH x, f, s
  ORDER BY x.iso3, f.share
  WITH CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
       f.year AS year, f.source AS source,
       CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
       // collect leaves out nulls: a fact without a share is in neither list
       collect(CASE WHEN f.share IS NOT NULL THEN x.iso3 END) AS countries,
       collect(f.share) AS shares
  // a group without any numeric share (all published as text) says nothing about who supplies
  WHERE year IS NOT NULL AND size(shares) > 0
  ORDER BY stage, year DESC, rank, source
  WITH stage, collect({year: year, source: source, countries: countries, shares: shares})[0] AS chosen
  RETURN collect(chosen {stage: stage, .year, .source, .countries, .shares}) AS global
}
CALL (item) {
  OPTIONAL MATCH (:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing}]->(item)
  WHERE f.year <= $year AND NOT item.id IN keys($skip)
  WITH f.stage AS stage, max(f.year) AS asOf
  WHERE stage IS NOT NULL
  MATCH (b:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing, stage: stage, year: asOf}]->(item)
  WITH b, stage, f
  ORDER BY b.code
  RETURN collect({buyer: b.code, stage: stage, year: f.dataYear, source: f.source, kind: f.kind,
                  suppliers: f.suppliers, shares: f.shares}) AS sourcing
}
RETURN item.id AS item,
       item:Product AS product,
       COLLECT { MATCH (item)-[:REQUIRES]->(input:Item) RETURN DISTINCT input.id AS id ORDER BY id } AS inputs,
       global,
       sourcing
ORDER BY item
