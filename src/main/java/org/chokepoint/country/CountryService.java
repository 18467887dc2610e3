package org.chokepoint.country;

import java.util.Locale;
import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads countries. */
@Service
class CountryService {

	private static final String LIST = """
			MATCH (c:Country)
			WITH c
			ORDER BY c.name, c.iso3
			WITH collect(c) AS countries
			RETURN size(countries) AS total,
			       [c IN countries[$skip..$skip + $limit] | c {.iso3, .name}] AS items
			""";

	private static final String BLOCS = """
			MATCH (b:Bloc)
			WITH b, COUNT { (:Country)-[:MEMBER_OF]->(b) } AS members
			ORDER BY b.code
			WITH collect(b {.code, .name, members: members}) AS blocs
			RETURN size(blocs) AS total,
			       blocs[$skip..$skip + $limit] AS items
			""";

	// a membership may be cited by several sources: one entry per bloc, with the earliest
	// date.
	// The subqueries are evaluated in WITH, not inside the map projection: an aggregating
	// COLLECT
	// inside a projection of c makes Neo4j 5.26 see c's properties as implicit grouping
	// keys (42I18).
	private static final String DETAILS = """
			MATCH (c:Country {iso3: $iso3})
			WITH c,
			  COLLECT {
			    MATCH (c)-[f:MEMBER_OF]->(b:Bloc)
			    WITH b, min(f.since) AS since
			    RETURN b {.code, .name, since: since} AS bloc
			    ORDER BY bloc.code
			  } AS blocs,
			  COLLECT {
			    MATCH (c)-[:MEMBER_OF*0..1]->(p:Party)-[f:PARTY_TO]->(a:Agreement)
			    WITH DISTINCT c, a, f, p
			    RETURN a {.id, .name, .type, role: f.role, since: f.since,
			              via: CASE WHEN p = c THEN null ELSE p.code END} AS agreement
			    ORDER BY a.signed, a.id, agreement.via
			  } AS agreements,
			  COLLECT {
			    MATCH (c)-[f:MINES|REFINES|MANUFACTURES]->(i:Item)
			    MATCH (s:Source {id: f.source})
			    WITH i, f, s,
			         CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage
			    RETURN {item: i.id, itemName: i.name, stage: stage, year: f.year, quantity: f.quantity, unit: f.unit,
			            share: f.share, worldTotal: f.worldTotal, publishedAs: f.publishedAs,
			            source: s {.id, .title, .url, .quality}, note: f.note} AS fact
			    ORDER BY i.id, CASE stage WHEN 'MINING' THEN 0 WHEN 'REFINING' THEN 1 ELSE 2 END, f.year DESC, f.source
			  } AS production
			RETURN c {.iso3, .name, blocs: blocs, agreements: agreements, production: production} AS country
			""";

	private final Neo4jClient client;

	CountryService(Neo4jClient client) {
		this.client = client;
	}

	Paged<CountrySummary> list(Paging paging) {
		return Paged.fetch(this.client, LIST, Map.of(), paging, CountrySummary.class);
	}

	Paged<BlocSummary> blocs(Paging paging) {
		return Paged.fetch(this.client, BLOCS, Map.of(), paging, BlocSummary.class);
	}

	/** The country with this ISO3 code, in any letter case. */
	CountryDetails details(String iso3) {
		return this.client.query(DETAILS)
			.bind(iso3.toUpperCase(Locale.ROOT))
			.to("iso3")
			.fetchAs(CountryDetails.class)
			.mappedBy((types, row) -> row.get("country").as(CountryDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("country", iso3));
	}

}
