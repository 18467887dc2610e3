// Question: where does a number come from? Country $country's output facts for $item in $year,
// each with its source.
//
// :param country => 'CHN'
// :param item => 'rare-earths'
// :param year => 2024
//
// Every fact names its source by id (f.source = Source.id); quality ranks the sources when two give
// a figure for the same item, stage and year (official, then secondary, then estimate).
// Columns: stage, quantity, unit, share (of world output, 0..1), source (its id), title, publisher,
//   published (the source's year), url, quality
MATCH (:Country {iso3: $country})-[f:MINES|REFINES|MANUFACTURES]->(:Item {id: $item})
WHERE f.year = $year
OPTIONAL MATCH (s:Source {id: f.source})
RETURN CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
       f.quantity AS quantity,
       f.unit AS unit,
       f.share AS share,
       f.source AS source,
       s.title AS title,
       s.publisher AS publisher,
       s.year AS published,
       s.url AS url,
       s.quality AS quality
ORDER BY stage, source
