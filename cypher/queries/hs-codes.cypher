// Question: which HS codes did the import read trade flows under, which item and stage does each stand
// for, and by which factor (tonnes of the item's basis per tonne traded, and its source) were its
// quantities converted? The note says why, and how a code that mixes several goods is counted.
//
// (no parameters)
//
// Columns: code, item, stage, factor, factorSource (a source id), factorSourceTitle, note
MATCH (h:HsCode)-[s:STANDS_FOR]->(i:Item)
OPTIONAL MATCH (source:Source {id: h.factorSource})
RETURN h.code AS code, i.id AS item, s.stage AS stage, h.factor AS factor, h.factorSource AS factorSource,
       source.title AS factorSourceTitle, h.note AS note
ORDER BY item, stage, code
