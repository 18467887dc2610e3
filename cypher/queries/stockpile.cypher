// Question: how many days of supply does $consumer's strategic stockpile of each mineral cover?
// (domain.md, metric 5)
//
// :param consumer => 'JPN'
// :param year => 2026
//
// Facts used: per mineral, the newest year <= $year with a days-of-cover figure.
// Columns: mineral, daysOfCover (days), year, source
MATCH (:Party {code: $consumer})-[s:STOCKPILES]->(m:Mineral)
WHERE s.year <= $year AND s.daysOfCover IS NOT NULL
WITH m, s
ORDER BY s.year DESC, s.source
WITH m, collect(s)[0] AS newest
RETURN m.id AS mineral,
       newest.daysOfCover AS daysOfCover,
       newest.year AS year,
       newest.source AS source
ORDER BY mineral
