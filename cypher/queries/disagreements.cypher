// Question: where do two sources give a different share for the same country, item, stage and year?
//
// :param tolerance => 0.01
//
// Columns: country, item, stage, year, shares [{source, share}] (by source; the analyses use the newest year,
//   then the best source: see chain.cypher), spread (largest minus smallest share)
MATCH (c:Country)-[f:MINES|REFINES|MANUFACTURES]->(i:Item)
WHERE f.share IS NOT NULL
// the shares in the order of their sources, whatever order the facts were written in
WITH c, i, f
ORDER BY f.source
WITH c, i, CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
     f.year AS year, collect({source: f.source, share: f.share}) AS shares
WHERE size(shares) > 1
WITH c, i, stage, year, shares,
     reduce(hi = 0.0, s IN shares | CASE WHEN s.share > hi THEN s.share ELSE hi END) -
     reduce(lo = 1.0, s IN shares | CASE WHEN s.share < lo THEN s.share ELSE lo END) AS spread
WHERE spread > $tolerance
RETURN c.iso3 AS country, i.id AS item, stage, year, shares, spread
ORDER BY spread DESC, item, country
