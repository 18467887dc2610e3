// Question: which trade measures are in force on $date, and what do they restrict, for whom?
// (domain.md, metric 6: the disruption a scenario builds from them)
//
// :param date => date('2024-12-03')
//
// In force: effective on or before $date, not ended by $date (ended empty or after it), and $date
// not within suspendedFrom..suspendedUntil (both inclusive). A measure without an effective date
// is never taken as in force.
// Columns: measure, name, imposer, type, effective, items (restricted, in id order), targets
//   (codes in order; empty = all destinations), source
MATCH (imposer:Country)-[:IMPOSES]->(m:TradeMeasure)
WHERE m.effective IS NOT NULL
  AND m.effective <= $date
  AND (m.ended IS NULL OR m.ended > $date)
  AND NOT (m.suspendedFrom IS NOT NULL AND m.suspendedFrom <= $date AND $date <= m.suspendedUntil)
RETURN m.id AS measure,
       m.name AS name,
       imposer.iso3 AS imposer,
       m.type AS type,
       m.effective AS effective,
       COLLECT { MATCH (m)-[:RESTRICTS]->(i:Item) RETURN i.id ORDER BY i.id } AS items,
       COLLECT { MATCH (m)-[:TARGETS]->(t:Party) RETURN t.code ORDER BY t.code } AS targets,
       m.source AS source
ORDER BY measure
