package org.chokepoint.product;

import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.production.ProductionFacts;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads products. */
@Service
class ProductService {

	private static final String LIST = """
			MATCH (p:Product)
			WITH p
			ORDER BY p.name, p.id
			WITH collect(p) AS products
			RETURN size(products) AS total,
			       [p IN products[$skip..$skip + $limit] | p {.id, .name, .kind}] AS items
			""";

	private static final String DETAILS = """
			MATCH (p:Product {id: $id})
			RETURN p {.id, .name, .kind, .note,
			  inputs: COLLECT {
			    MATCH (p)-[f:REQUIRES]->(i:Item)
			    MATCH (s:Source {id: f.source})
			    RETURN {id: i.id, name: i.name, type: CASE WHEN i:Mineral THEN 'MINERAL' ELSE 'PRODUCT' END,
			            quantity: f.quantity, unit: f.unit, year: f.year, source: s {.id, .title, .url, .quality},
			            note: f.note} AS input
			    ORDER BY i.id, f.source
			  },
			  requiredBy: COLLECT {
			    MATCH (q:Product)-[f:REQUIRES]->(p)
			    MATCH (s:Source {id: f.source})
			    RETURN {id: q.id, name: q.name, type: 'PRODUCT', quantity: f.quantity, unit: f.unit, year: f.year,
			            source: s {.id, .title, .url, .quality}, note: f.note} AS parent
			    ORDER BY q.id, f.source
			  }
			} AS product
			""";

	private final Neo4jClient client;

	private final ProductionFacts production;

	ProductService(Neo4jClient client, ProductionFacts production) {
		this.client = client;
		this.production = production;
	}

	Paged<ProductSummary> list(Paging paging) {
		return Paged.fetch(this.client, LIST, Map.of(), paging, ProductSummary.class);
	}

	/**
	 * A product's details.
	 * @param buyer a party's code to list that buyer's sourcing rows only, or null
	 */
	ProductDetails details(String id, String buyer) {
		ProductDetails product = this.client.query(DETAILS)
			.bind(id)
			.to("id")
			.fetchAs(ProductDetails.class)
			.mappedBy((types, row) -> row.get("product").as(ProductDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("product", id));
		// producers and sourcing are shared with minerals: ProductionFacts reads them for
		// both
		return product.withSupply(this.production.producers(id), this.production.sourcing(id, buyer));
	}

}
