// Question: which trade measures are in force on $date, and what do they restrict, for whom?
// (domain.md, metric 6: the disruption a scenario builds from them)
//
// :param date => date('2024-12-03')
//
// In force: effective on or before $date, not ended by $date (ended empty or after it), and $date
// not within suspendedFrom..suspendedUntil (both inclusive). A measure without an effective date
// is never taken as in force. A measure that has started and not ended, on or after its
// statusUnknownFrom (no source says whether it was extended, lapsed or was replaced, e.g. China's
// suspensions after 10 and 27 November 2026), is listed with status STATUS_UNKNOWN, not as back in
// force: a reader decides what to assume and says so.
// Columns: measure, name, imposer, type, effective, status (IN_FORCE or STATUS_UNKNOWN),
//   statusUnknownFrom, items (restricted, in id order), targets (codes in order; empty = all
//   destinations), source
MATCH (imposer:Country)-[:IMPOSES]->(m:TradeMeasure)
WHERE m.effective IS NOT NULL
  AND m.effective <= $date
  AND (m.ended IS NULL OR m.ended > $date)
WITH imposer, m, CASE
       WHEN m.statusUnknownFrom IS NOT NULL AND m.statusUnknownFrom <= $date THEN 'STATUS_UNKNOWN'
       WHEN NOT (m.suspendedFrom IS NOT NULL AND m.suspendedFrom <= $date AND $date <= m.suspendedUntil)
         THEN 'IN_FORCE'
     END AS status
WHERE status IS NOT NULL
RETURN m.id AS measure,
       m.name AS name,
       imposer.iso3 AS imposer,
       m.type AS type,
       m.effective AS effective,
       status,
       m.statusUnknownFrom AS statusUnknownFrom,
       COLLECT { MATCH (m)-[:RESTRICTS]->(i:Item) RETURN i.id ORDER BY i.id } AS items,
       COLLECT { MATCH (m)-[:TARGETS]->(t:Party) RETURN t.code ORDER BY t.code } AS targets,
       m.source AS source
ORDER BY measure
