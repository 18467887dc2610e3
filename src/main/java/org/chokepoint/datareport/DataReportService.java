package org.chokepoint.datareport;

import java.util.List;
import java.util.Map;

import org.chokepoint.database.CypherFile;
import org.chokepoint.importer.GraphCounts;
import org.chokepoint.importer.ImportService;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the data report from cypher/queries/coverage, disagreements, unknown-shares and sources-without-url. */
@Service
@Transactional(readOnly = true)
public class DataReportService {

	static final double DISAGREEMENT_TOLERANCE = 0.01;

	private final Neo4jClient client;

	private final GraphCounts counts;

	private final ImportService imports;

	DataReportService(Neo4jClient client, GraphCounts counts, ImportService imports) {
		this.client = client;
		this.counts = counts;
		this.imports = imports;
	}

	public DataReport report() {
		return new DataReport(this.imports.currentVersion().orElse(null), this.counts.nodes(),
				this.counts.relationships(), rows("coverage", Map.of()),
				rows("disagreements", Map.of("tolerance", DISAGREEMENT_TOLERANCE)), rows("unknown-shares", Map.of()),
				sourcesWithoutUrl());
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> sourcesWithoutUrl() {
		return this.client.query(CypherFile.load("sources-without-url"))
			.fetchAs(List.class)
			.mappedBy((types, row) -> row.get("withoutUrl").asList(value -> value.asMap()))
			.one()
			.map(list -> List.copyOf((List<Map<String, Object>>) list))
			.orElse(List.of());
	}

	private List<Map<String, Object>> rows(String query, Map<String, Object> parameters) {
		return List.copyOf(this.client.query(CypherFile.load(query)).bindAll(parameters).fetch().all());
	}

}
