// Question: which published figures leave part of world output unattributed (the unknown supplier)?
//
// (no parameters)
//
// Columns: item, stage, year, source, attributed (sum of the countries' shares), unknownShare
//   (1 - attributed: reported by the analyses as unknown, never as safe)
MATCH (c:Country)-[f:MINES|REFINES|MANUFACTURES]->(i:Item)
WITH i, CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
     f.year AS year, f.source AS source, sum(coalesce(f.share, 0.0)) AS attributed
WHERE attributed < 1.0 - 1e-9
RETURN i.id AS item, stage, year, source, attributed, 1.0 - attributed AS unknownShare
ORDER BY unknownShare DESC, item, stage, year, source
