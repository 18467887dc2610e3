package org.chokepoint.mineral;

import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.production.ProductionFacts;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads minerals. */
@Service
class MineralService {

	// a stage is known when there is a production fact or a buyer's sourcing fact for it
	private static final String LIST = """
			MATCH (m:Mineral)
			WITH m
			ORDER BY m.name, m.id
			WITH collect(m) AS minerals
			RETURN size(minerals) AS total,
			       [m IN minerals[$skip..$skip + $limit] | m {.id, .name, .basis,
			         stages: [stage IN ['MINING', 'REFINING']
			                  WHERE (stage = 'MINING' AND EXISTS { (m)<-[:MINES]-(:Country) })
			                     OR (stage = 'REFINING' AND EXISTS { (m)<-[:REFINES]-(:Country) })
			                     OR EXISTS { ()-[f:SOURCES]->() WHERE f.item = m.id AND f.stage = stage }]
			       }] AS items
			""";

	private static final String DETAILS = """
			MATCH (m:Mineral {id: $id})
			RETURN m {.id, .name, .basis, .note,
			  reserves: COLLECT {
			    MATCH (c:Country)-[f:HAS_RESERVES]->(m)
			    MATCH (s:Source {id: f.source})
			    RETURN c {.iso3, .name, year: f.year, quantity: f.quantity, unit: f.unit, publishedAs: f.publishedAs,
			              source: s {.id, .title, .url, .quality}, note: f.note} AS reserve
			    ORDER BY f.year DESC, f.quantity IS NULL, f.quantity DESC, c.name, f.source
			  },
			  importReliance: COLLECT {
			    MATCH (p:Party)-[f:IMPORT_RELIANCE]->(m)
			    MATCH (s:Source {id: f.source})
			    RETURN {party: p.code, name: p.name, year: f.year, share: f.share, publishedAs: f.publishedAs,
			            source: s {.id, .title, .url, .quality}, note: f.note} AS reliance
			    ORDER BY p.code, f.year DESC, f.source
			  },
			  stockpiles: COLLECT {
			    MATCH (p:Party)-[f:STOCKPILES]->(m)
			    MATCH (s:Source {id: f.source})
			    RETURN {party: p.code, name: p.name, year: f.year, quantity: f.quantity, unit: f.unit,
			            daysOfCover: f.daysOfCover, valueUsd: f.valueUsd, publishedAs: f.publishedAs,
			            source: s {.id, .title, .url, .quality}, note: f.note} AS stockpile
			    ORDER BY p.code, f.year DESC, f.source
			  }
			} AS mineral
			""";

	private final Neo4jClient client;

	private final ProductionFacts production;

	MineralService(Neo4jClient client, ProductionFacts production) {
		this.client = client;
		this.production = production;
	}

	Paged<MineralSummary> list(Paging paging) {
		return Paged.fetch(this.client, LIST, Map.of(), paging, MineralSummary.class);
	}

	/**
	 * A mineral's details.
	 * @param buyer a party's code to list that buyer's sourcing rows only, or null
	 */
	MineralDetails details(String id, String buyer) {
		MineralDetails mineral = this.client.query(DETAILS)
			.bind(id)
			.to("id")
			.fetchAs(MineralDetails.class)
			.mappedBy((types, row) -> row.get("mineral").as(MineralDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("mineral", id));
		// producers and sourcing are shared with products: ProductionFacts reads them for
		// both
		return mineral.withSupply(this.production.producers(id), this.production.sourcing(id, buyer));
	}

}
