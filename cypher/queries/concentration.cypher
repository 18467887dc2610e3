// Question: how concentrated is the world's supply of $mineral at each stage, in $year?
// (domain.md, metric 4)
//
// :param mineral => 'gallium'
// :param year => 2026
//
// Facts used, as in the chain analysis: per stage, the newest year <= $year, then the best source
// (official, secondary, estimate), then the smallest source id. Shares are of world output.
// Columns: stage, year, source, hhi (sum of squared percentage shares, 0-10,000, of the countries
//   the source names; the unattributed remainder is not counted as one producer), top3Share,
//   chinaShare, unknownShare (what the source does not attribute to a country), producers
//   [{country, share}] by share
MATCH (item:Item {id: $mineral})
MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
WHERE f.year <= $year
OPTIONAL MATCH (s:Source {id: f.source})
WITH CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
     f.year AS year, f.source AS source,
     CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
     collect(CASE WHEN f.share IS NOT NULL THEN {country: x.iso3, share: f.share} END) AS producers
ORDER BY stage, year DESC, rank, source
WITH stage, collect({year: year, source: source, producers: producers})[0] AS chosen
WITH stage, chosen.year AS year, chosen.source AS source, chosen.producers AS producers
UNWIND (CASE WHEN size(producers) = 0 THEN [null] ELSE producers END) AS p
WITH stage, year, source, p
ORDER BY p.share DESC, p.country
WITH stage, year, source, [x IN collect(p) WHERE x IS NOT NULL] AS producers
RETURN stage,
       year,
       source,
       reduce(h = 0.0, p IN producers | h + (100.0 * p.share) ^ 2) AS hhi,
       reduce(t = 0.0, p IN producers[0..3] | t + p.share) AS top3Share,
       reduce(c = 0.0, p IN producers | CASE WHEN p.country = 'CHN' THEN c + p.share ELSE c END) AS chinaShare,
       CASE WHEN 1.0 - reduce(t = 0.0, p IN producers | t + p.share) > 0
         THEN 1.0 - reduce(t = 0.0, p IN producers | t + p.share) ELSE 0.0 END AS unknownShare,
       producers
ORDER BY CASE stage WHEN 'MINING' THEN 0 WHEN 'REFINING' THEN 1 ELSE 2 END
