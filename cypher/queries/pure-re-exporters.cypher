// Question: which countries are treated as pure re-exporters? Those whose direct mix of an (item,
// stage) has no own part (their supply is all imports) while other buyers' direct mixes of the same
// item, stage and year name them as a supplier: traced, what they ship is what they imported, so
// their buyers' supply is followed through them to its origin (domain.md, "Where it really comes from").
//
// (no parameters)
//
// Columns: country, name, item, stage, years (the years of the mixes in which it is one, ascending),
//   then for the newest of those years: year, dataYear (the year of the facts of its own mix), kind
//   (of its own mix), source (its main source), buyers (the buyers whose direct mix names it, in
//   code order)
MATCH (b:Party)-[o:SOURCING_SPLIT {sourcing: 'direct'}]->(i:Item)
UNWIND split(o.suppliers, ',') AS supplier
WITH supplier, i, o.stage AS stage, o.year AS year, b.code AS buyer
WHERE supplier <> buyer
WITH supplier, i, stage, year, collect(buyer) AS buyers
MATCH (c:Country {iso3: supplier})-[m:SOURCING_SPLIT {sourcing: 'direct'}]->(i)
WHERE m.stage = stage AND m.year = year AND NOT supplier IN split(m.suppliers, ',')
// the buyers put in code order only for the few suppliers left, not before grouping every
// supplier of every mix (half the query's time at the benchmark's M tier)
UNWIND buyers AS buyer
WITH c, i, stage, year, m, buyer
ORDER BY buyer
WITH c, i, stage, year, m, collect(buyer) AS buyers
ORDER BY year
WITH c, i, stage, collect(year) AS years,
     last(collect({year: year, dataYear: m.dataYear, kind: m.kind, source: m.source, buyers: buyers})) AS newest
RETURN c.iso3 AS country, c.name AS name, i.id AS item, stage, years, newest.year AS year,
       newest.dataYear AS dataYear, newest.kind AS kind, newest.source AS source, newest.buyers AS buyers
ORDER BY item, stage, country
