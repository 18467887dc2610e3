package org.chokepoint.agreement;

import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads agreements. */
@Service
class AgreementService {

	private static final String LIST = """
			MATCH (a:Agreement)
			WITH a
			ORDER BY a.signed, a.id
			WITH collect(a) AS agreements
			RETURN size(agreements) AS total,
			       [a IN agreements[$skip..$skip + $limit] |
			         a {.id, .name, .type, .signed, .inForce, .ended, .criticalMinerals}] AS items
			""";

	private static final String DETAILS = """
			MATCH (a:Agreement {id: $id})
			MATCH (s:Source {id: a.source})
			RETURN a {.id, .name, .type, .signed, .inForce, .ended, .criticalMinerals, .year, .note,
			  source: s {.id, .title, .url, .quality},
			  parties: COLLECT {
			    MATCH (p:Party)-[f:PARTY_TO]->(a)
			    RETURN {code: p.code, name: p.name, type: CASE WHEN p:Bloc THEN 'BLOC' ELSE 'COUNTRY' END,
			            role: f.role, since: f.since} AS party
			    ORDER BY p.code
			  },
			  covers: COLLECT {
			    MATCH (a)-[:COVERS]->(i:Item)
			    RETURN {id: i.id, name: i.name, type: CASE WHEN i:Mineral THEN 'MINERAL' ELSE 'PRODUCT' END} AS item
			    ORDER BY i.id
			  }
			} AS agreement
			""";

	private final Neo4jClient client;

	AgreementService(Neo4jClient client) {
		this.client = client;
	}

	Paged<AgreementSummary> list(Paging paging) {
		return Paged.fetch(this.client, LIST, Map.of(), paging, AgreementSummary.class);
	}

	AgreementDetails details(String id) {
		return this.client.query(DETAILS)
			.bind(id)
			.to("id")
			.fetchAs(AgreementDetails.class)
			.mappedBy((types, row) -> row.get("agreement").as(AgreementDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("agreement", id));
	}

}
