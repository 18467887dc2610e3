// Question: what does the graph hold around product $product: its bill of materials, who mines,
// refines or makes each of its items (a share of at least $minShare of world output in $year), and
// which trade measures restrict them? (drawn as a graph in Neo4j Browser)
//
// :param product => 'ndfeb-magnet'
// :param year => 2024
// :param minShare => 0.05
//
// Columns: bom (a path of REQUIRES from the product to one of its items), supply (the item's
//   producers: (Country)-[:MINES|REFINES|MANUFACTURES {share, year, source}]->(Item)),
//   restrictions ((Country)-[:IMPOSES]->(TradeMeasure)-[:RESTRICTS]->(Item))
MATCH bom = (:Product {id: $product})-[:REQUIRES*0..12]->(item:Item)
OPTIONAL MATCH supply = (:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
WHERE f.year = $year AND f.share >= $minShare
OPTIONAL MATCH restriction = (:Country)-[:IMPOSES]->(:TradeMeasure)-[:RESTRICTS]->(item)
RETURN bom,
       collect(DISTINCT supply) AS supply,
       collect(DISTINCT restriction) AS restrictions
