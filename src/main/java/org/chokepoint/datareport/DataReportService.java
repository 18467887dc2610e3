package org.chokepoint.datareport;

import java.util.List;
import java.util.Map;

import org.chokepoint.database.CypherFile;
import org.chokepoint.importer.GraphCounts;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplymix.MixKind;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the data report from cypher/queries/coverage, disagreements, unknown-shares,
 * sources-without-url, buyers-with-sourcing, mix-assumptions, hs-codes, pure-re-exporters
 * and data-warnings: one query per section, whatever the size of the graph.
 */
@Service
@Transactional(readOnly = true)
public class DataReportService {

	static final double DISAGREEMENT_TOLERANCE = 0.01;

	/**
	 * The mix kinds listed as assumptions: each makes a buyer's supply shares out of
	 * something other than published supply shares or measured quantities (its imports
	 * alone, its reliance, net exports taken as output, or no imports taken as none).
	 * {@link MixKind#SUPPLY_ROWS} and {@link MixKind#OUTPUT_AND_IMPORTS} are the data as
	 * it is, and are not listed.
	 */
	static final List<String> ASSUMPTION_KINDS = List.of(MixKind.IMPORTS_ONLY.name(),
			MixKind.NET_EXPORTS_AS_OUTPUT.name(), MixKind.IMPORTS_WITH_RELIANCE.name(), MixKind.NET_EXPORTER.name(),
			MixKind.OWN_OUTPUT_ONLY.name());

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
				sourcesWithoutUrl(), rows("buyers-with-sourcing", Map.of()),
				rows("mix-assumptions", Map.of("kinds", ASSUMPTION_KINDS)), rows("hs-codes", Map.of()),
				rows("pure-re-exporters", Map.of()), rows("data-warnings", Map.of()));
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
