// Question: with whom does $consumer share an agreement in force on $asOf, and what does it cover?
// (domain.md, metric 5: an alternative supplier is "allied" when it shares such an agreement with
// the consumer that covers the item, or covers critical minerals in general)
//
// :param consumer => 'EU'
// :param asOf => date('2026-11-26')
//
// A party is the consumer itself or a bloc it belongs to; a partner is a party of the agreement or
// a member of a bloc that is. In force: in force (or, lacking that date, signed) on or before $asOf,
// or no date known; not ended by $asOf. Meetings, truces and stockpile programmes are not alliances.
// Columns: agreement, name, type, criticalMinerals (covers critical minerals in general),
//   items (what it covers, ids in order), partners (country and bloc codes in order, the consumer
//   left out)
MATCH (consumer:Party {code: $consumer})
MATCH (consumerSide:Party)-[:PARTY_TO]->(a:Agreement)
WHERE (consumerSide = consumer OR (consumer)-[:MEMBER_OF]->(consumerSide))
  AND a.type IN ['PARTNERSHIP', 'AGREEMENT', 'FRAMEWORK', 'ALLIANCE', 'JOINT_STATEMENT', 'REGULATION']
  AND coalesce(a.inForce, a.signed, date('1900-01-01')) <= $asOf
  AND (a.ended IS NULL OR a.ended > $asOf)
WITH DISTINCT consumer, a
MATCH (party:Party)-[:PARTY_TO]->(a)
OPTIONAL MATCH (member:Country)-[:MEMBER_OF]->(party)
WITH consumer, a, collect(DISTINCT party.code) + collect(DISTINCT member.iso3) AS partners
RETURN a.id AS agreement,
       a.name AS name,
       a.type AS type,
       coalesce(a.criticalMinerals, false) AS criticalMinerals,
       COLLECT { MATCH (a)-[:COVERS]->(i:Item) RETURN i.id ORDER BY i.id } AS items,
       COLLECT { UNWIND partners AS p WITH p WHERE p <> consumer.code RETURN p ORDER BY p } AS partners
ORDER BY agreement
