// Question: which buyers have a supply mix of their own (the SOURCING_SPLIT the import derives from
// sourcing rows, trade flows, output and reliance), per sourcing: how many, and for which items and
// stages? A buyer without a mix of an (item, stage) buys it at the global shares, or the stage is a
// gap for it.
//
// (no parameters)
//
// Columns: sourcing ('direct': the partners it buys from; 'traced': the producers its supply comes
//   from, re-exports followed to their origin), buyers (how many countries and blocs have one),
//   byBuyer [{buyer, name, itemStages [{item, stage}]}] (buyers in code order, items and stages in
//   id and stage order; a mix of any year counts)
MATCH (b:Party)-[s:SOURCING_SPLIT]->(i:Item)
WITH DISTINCT s.sourcing AS sourcing, b, i.id AS item, s.stage AS stage
ORDER BY item, stage
WITH sourcing, b, collect({item: item, stage: stage}) AS itemStages
ORDER BY b.code
WITH sourcing, collect({buyer: b.code, name: b.name, itemStages: itemStages}) AS byBuyer
RETURN sourcing, size(byBuyer) AS buyers, byBuyer
ORDER BY sourcing
