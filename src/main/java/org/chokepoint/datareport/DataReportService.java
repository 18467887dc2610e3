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
				this.counts.relationships(), rows("coverage"), rows("disagreements"), rows("unknown-shares"),
				rows("sources-without-url"), rows("buyers-with-sourcing"), rows("mix-assumptions"), rows("hs-codes"),
				rows("pure-re-exporters"), rows("data-warnings"));
	}

	/**
	 * One section of the report, its query alone run (the whole report takes about 1 s at
	 * the benchmark's M tier, most of it pure-re-exporters).
	 * @param name as {@code ?section=} gives it (case-insensitive); an unknown one is a
	 * 400 naming the sections
	 */
	public DataReportSection section(String name) {
		String key = DataReport.sectionName(name);
		List<Map<String, Object>> rows = switch (key) {
			case "nodes" -> DataReport.counts("label", this.counts.nodes());
			case "relationships" -> DataReport.counts("type", this.counts.relationships());
			default -> rows(key);
		};
		return new DataReportSection(this.imports.currentVersion().orElse(null), key, rows);
	}

	/** The rows of the section whose query is cypher/queries/{@code section}.cypher. */
	private List<Map<String, Object>> rows(String section) {
		return switch (section) {
			case "sources-without-url" -> sourcesWithoutUrl();
			case "disagreements" -> rows(section, Map.of("tolerance", DISAGREEMENT_TOLERANCE));
			case "mix-assumptions" -> rows(section, Map.of("kinds", ASSUMPTION_KINDS));
			default -> rows(section, Map.of());
		};
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
