package org.chokepoint.source;

import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads sources. */
@Service
class SourceService {

	private static final String LIST = """
			MATCH (s:Source)
			WITH s
			ORDER BY s.id
			WITH collect(s) AS sources
			RETURN size(sources) AS total,
			       [s IN sources[$skip..$skip + $limit] | s {.id, .title, .publisher, .year, .url, .quality}] AS items
			""";

	/**
	 * The source with the counts of the facts citing it that the import kept on its node
	 * ({@code factTypes}, {@code factCounts}); {@code facts} is null when none were kept
	 * (a database imported before they were).
	 */
	private static final String DETAILS = """
			MATCH (s:Source {id: $id})
			RETURN s {.id, .title, .publisher, .year, .url, .quality, .note,
			  facts: CASE WHEN s.factTypes IS NULL OR s.factCounts IS NULL THEN null
			         ELSE [i IN range(0, size(s.factTypes) - 1) | {type: s.factTypes[i], count: s.factCounts[i]}] END
			} AS source
			""";

	/**
	 * The counts read from every relationship, for a source that holds none: every fact
	 * keeps its source's id in a property, so a citation is a property match (18 s at the
	 * benchmark's M tier, a million trade flows). The subquery sits in WITH because an
	 * aggregating COLLECT inside a map projection fails (42I18).
	 */
	private static final String DETAILS_COUNTED = """
			MATCH (s:Source {id: $id})
			WITH s,
			  COLLECT {
			    MATCH ()-[f]->()
			    WHERE f.source = s.id
			    WITH type(f) AS type, count(*) AS count
			    RETURN {type: type, count: count} AS fact
			    ORDER BY fact.type
			  } AS facts
			RETURN s {.id, .title, .publisher, .year, .url, .quality, .note, facts: facts} AS source
			""";

	private final Neo4jClient client;

	SourceService(Neo4jClient client) {
		this.client = client;
	}

	Paged<SourceSummary> list(Paging paging) {
		return Paged.fetch(this.client, LIST, Map.of(), paging, SourceSummary.class);
	}

	/** A source and the facts citing it: as counted at import, else counted now. */
	SourceDetails details(String id) {
		SourceDetails details = details(DETAILS, id);
		return details.facts() != null ? details : details(DETAILS_COUNTED, id);
	}

	private SourceDetails details(String query, String id) {
		return this.client.query(query)
			.bind(id)
			.to("id")
			.fetchAs(SourceDetails.class)
			.mappedBy((types, row) -> row.get("source").as(SourceDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("source", id));
	}

}
