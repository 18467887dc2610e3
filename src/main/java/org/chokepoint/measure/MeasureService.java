package org.chokepoint.measure;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;
import org.chokepoint.web.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/** Reads trade measures. */
@Service
class MeasureService {

	// in force on $day: effective on or before it, not ended on or before it, not
	// suspended that day
	// (both suspension dates inclusive); a measure without an effective date was only
	// announced. From
	// its statusUnknownFrom on, a measure that has started and not ended is listed as
	// STATUS_UNKNOWN
	// (no source says whether it was extended, lapsed or replaced), not as back in force.
	private static final String LIST = """
			MATCH (c:Country)-[:IMPOSES]->(m:TradeMeasure)
			WITH c, m, m.effective <= $day AND (m.ended IS NULL OR m.ended > $day) AS started
			WITH c, m, CASE
			       WHEN $day IS NULL THEN null
			       WHEN started AND m.statusUnknownFrom <= $day THEN 'STATUS_UNKNOWN'
			       WHEN started AND NOT coalesce(m.suspendedFrom <= $day AND $day <= m.suspendedUntil, false)
			         THEN 'IN_FORCE'
			     END AS status
			WHERE $day IS NULL OR status IS NOT NULL
			WITH c, m, status
			ORDER BY m.effective, m.id
			WITH collect(m {.id, .name, imposer: c.iso3, .type, .announced, .effective, .suspendedFrom,
			                .suspendedUntil, .ended, .statusUnknownFrom, status: status}) AS measures
			RETURN size(measures) AS total,
			       measures[$skip..$skip + $limit] AS items
			""";

	private static final String DETAILS = """
			MATCH (c:Country)-[:IMPOSES]->(m:TradeMeasure {id: $id})
			MATCH (s:Source {id: m.source})
			WITH c, m, s,
			     COLLECT {
			       MATCH (m)-[:TARGETS]->(p:Party)
			       RETURN {code: p.code, name: p.name, type: CASE WHEN p:Bloc THEN 'BLOC' ELSE 'COUNTRY' END} AS target
			       ORDER BY p.code
			     } AS targets
			RETURN m {.id, .name, .type, .announced, .effective, .suspendedFrom, .suspendedUntil, .ended,
			  .statusUnknownFrom, .rate, .year,
			  .note,
			  imposer: {code: c.iso3, name: c.name, type: 'COUNTRY'},
			  source: s {.id, .title, .url, .quality},
			  restricts: COLLECT {
			    MATCH (m)-[:RESTRICTS]->(i:Item)
			    RETURN {id: i.id, name: i.name, type: CASE WHEN i:Mineral THEN 'MINERAL' ELSE 'PRODUCT' END} AS item
			    ORDER BY i.id
			  },
			  targets: targets,
			  allDestinations: size(targets) = 0
			} AS measure
			""";

	private final Neo4jClient client;

	MeasureService(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * The measures, all of them or those in force on a day (with those whose status is
	 * unknown that day, marked so).
	 */
	Paged<MeasureSummary> list(@Nullable LocalDate inForceOn, Paging paging) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("day", inForceOn);
		return Paged.fetch(this.client, LIST, parameters, paging, MeasureSummary.class);
	}

	MeasureDetails details(String id) {
		return this.client.query(DETAILS)
			.bind(id)
			.to("id")
			.fetchAs(MeasureDetails.class)
			.mappedBy((types, row) -> row.get("measure").as(MeasureDetails.class))
			.one()
			.orElseThrow(() -> new NotFoundException("measure", id));
	}

}
