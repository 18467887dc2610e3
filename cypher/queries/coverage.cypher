// Question: for each mineral, which stages and years have data, and which stages have none?
//
// (no parameters)
//
// Columns: mineral, name, known [{stage, years, sources}], missing (stages MINING/REFINING with no
//   output facts), note (the curator's note, e.g. why a table is missing)
MATCH (m:Mineral)
OPTIONAL MATCH (:Country)-[f:MINES|REFINES]->(m)
WITH m, CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' END AS stage, f
ORDER BY f.year
WITH m, stage, collect(DISTINCT f.year) AS years, collect(DISTINCT f.source) AS sources
WITH m, [k IN collect({stage: stage, years: years, sources: sources}) WHERE k.stage IS NOT NULL] AS known
RETURN m.id AS mineral,
       m.name AS name,
       known,
       [s IN ['MINING', 'REFINING'] WHERE NOT any(k IN known WHERE k.stage = s)] AS missing,
       m.note AS note
ORDER BY mineral
