// Question: where does a buyer's supply rest on an assumption rather than on published supply shares
// or measured quantities (domain.md, "A buyer's supply")? Per (buyer, item, stage), the newest direct
// mix (the one the analyses use for the latest years; a traced mix carries the same kind), listed
// where its kind is one of $kinds:
//   IMPORTS_ONLY           import shares taken as supply shares (no reliance, no comparable output)
//   NET_EXPORTS_AS_OUTPUT  own output taken as exports - imports in the trade flows
//   IMPORTS_WITH_RELIANCE  import shares scaled by net import reliance (the buyer supplies the rest)
//   NET_EXPORTER           reliance 0 or less without comparable quantities: supplies itself
//   OWN_OUTPUT_ONLY        absent from the importers of the stage's trade flows: supplies itself
// Not listed by default: SUPPLY_ROWS (supply shares as published) and OUTPUT_AND_IMPORTS (own output
// and imports in tonnes of one basis); add them to $kinds to see every buyer's mix kind.
//
// :param kinds => ['IMPORTS_ONLY', 'NET_EXPORTS_AS_OUTPUT', 'IMPORTS_WITH_RELIANCE', 'NET_EXPORTER', 'OWN_OUTPUT_ONLY']
//
// Columns: buyer, item, stage, year (the year the newest mix holds from), dataYear (the year of the
//   facts it is made of), kind, assumption (the kind in words), source (the main one), sources (all)
MATCH (b:Party)-[s:SOURCING_SPLIT {sourcing: 'direct'}]->(i:Item)
WITH b, i, s.stage AS stage, s
ORDER BY s.year DESC
WITH b, i, stage, head(collect(s)) AS newest
WHERE newest.kind IN $kinds
RETURN b.code AS buyer, i.id AS item, stage, newest.year AS year, newest.dataYear AS dataYear,
       newest.kind AS kind, newest.assumption AS assumption, newest.source AS source, newest.sources AS sources
ORDER BY buyer, item, stage
