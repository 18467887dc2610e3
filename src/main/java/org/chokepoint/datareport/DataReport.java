package org.chokepoint.datareport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chokepoint.csv.CsvAnswer;
import org.chokepoint.web.BadParameterException;

/**
 * What the knowledge base holds.
 *
 * @param dataVersion the version of the imported data (a hash of the import files)
 * @param nodes node count per label
 * @param relationships relationship count per type
 * @param coverage per mineral: the stages and years with output data, and the stages
 * without
 * @param disagreements facts where two sources give shares more than 0.01 apart
 * @param unknownShares published figures that leave part of world output unattributed
 * @param sourcesWithoutUrl sources that do not say where to read them (their id and
 * title)
 * @param buyersWithSourcing per sourcing (direct, traced): how many buyers have a mix of
 * their own, and for which items and stages
 * @param mixAssumptions per (buyer, item, stage) whose newest direct mix rests on an
 * assumption: its kind, year and source
 * @param hsCodes the HS codes the trade flows were read under: item, stage, conversion
 * factor and its source
 * @param pureReExporters countries whose direct mix of an (item, stage) has no own part
 * while other buyers' mixes of the same year name them as a supplier
 * @param dataWarnings what the import of the current data found suspicious but loaded all
 * the same (countries adding up to more than the world total), recorded at import
 */
public record DataReport(String dataVersion, Map<String, Long> nodes, Map<String, Long> relationships,
		List<Map<String, Object>> coverage, List<Map<String, Object>> disagreements,
		List<Map<String, Object>> unknownShares, List<Map<String, Object>> sourcesWithoutUrl,
		@Schema(description = "Per sourcing (direct: the partners bought from; traced: the producers the supply "
				+ "comes from): sourcing, buyers (how many countries and blocs have a mix of their own), "
				+ "byBuyer [{buyer, name, itemStages [{item, stage}]}]") List<Map<String, Object>> buyersWithSourcing,
		@Schema(description = "Per (buyer, item, stage), the newest direct mix where it rests on an assumption "
				+ "(kinds IMPORTS_ONLY, NET_EXPORTS_AS_OUTPUT, IMPORTS_WITH_RELIANCE, NET_EXPORTER, OWN_OUTPUT_ONLY): "
				+ "buyer, item, stage, year, dataYear, kind, assumption, source, sources") List<Map<String, Object>> mixAssumptions,
		@Schema(description = "The HS codes trade flows were read under: code, item, stage, factor (tonnes of the "
				+ "item's basis per tonne traded), factorSource, factorSourceTitle, note") List<Map<String, Object>> hsCodes,
		@Schema(description = "Countries treated as pure re-exporters of an (item, stage): no own part in their "
				+ "direct mix while other buyers' direct mixes of the same year name them: country, name, item, "
				+ "stage, years, and for the newest year: year, dataYear, kind, source, buyers") List<Map<String, Object>> pureReExporters,
		@Schema(description = "What the import of the current data found suspicious but loaded all the same "
				+ "(e.g. countries adding up to more than the world total): warning") List<Map<String, Object>> dataWarnings)
		implements
			CsvAnswer {

	/** The names {@code ?section=} takes, in the order of the fields. */
	static final List<String> SECTIONS = List.of("nodes", "relationships", "coverage", "disagreements",
			"unknown-shares", "sources-without-url", "buyers-with-sourcing", "mix-assumptions", "hs-codes",
			"pure-re-exporters", "data-warnings");

	/**
	 * The sections, each a table, by the name {@code ?section=} takes, in the order of
	 * the fields (the counts as rows of a label or type and its count).
	 */
	public Map<String, List<Map<String, Object>>> sections() {
		Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
		sections.put("nodes", counts("label", this.nodes));
		sections.put("relationships", counts("type", this.relationships));
		sections.put("coverage", this.coverage);
		sections.put("disagreements", this.disagreements);
		sections.put("unknown-shares", this.unknownShares);
		sections.put("sources-without-url", this.sourcesWithoutUrl);
		sections.put("buyers-with-sourcing", this.buyersWithSourcing);
		sections.put("mix-assumptions", this.mixAssumptions);
		sections.put("hs-codes", this.hsCodes);
		sections.put("pure-re-exporters", this.pureReExporters);
		sections.put("data-warnings", this.dataWarnings);
		return sections;
	}

	/**
	 * One section, or a 400 naming the sections there are.
	 * @param name as {@code ?section=} gives it (case-insensitive)
	 */
	public DataReportSection section(String name) {
		String key = sectionName(name);
		return new DataReportSection(this.dataVersion, key, sections().get(key));
	}

	/**
	 * The section {@code ?section=} names, or a 400 naming the sections there are.
	 * @param name as {@code ?section=} gives it (case-insensitive)
	 */
	static String sectionName(String name) {
		String key = name.strip().toLowerCase(Locale.ROOT);
		if (!SECTIONS.contains(key)) {
			throw new BadParameterException("section",
					"must be one of " + String.join(", ", SECTIONS) + ", was '" + shown(name) + "'");
		}
		return key;
	}

	/**
	 * As CSV (docs/csv.md): the index of the sections, one row each with its number of
	 * rows and where to read it as CSV.
	 */
	@Override
	public List<String> csvColumns() {
		return List.of("section", "rows", "csv");
	}

	@Override
	public List<List<Object>> csvRows() {
		return sections().entrySet()
			.stream()
			.map(e -> List.<Object>of(e.getKey(), e.getValue().size(),
					"/api/data/report?section=" + e.getKey() + "&format=csv"))
			.toList();
	}

	@Override
	public String csvFileName() {
		return "data-report";
	}

	static List<Map<String, Object>> counts(String key, Map<String, Long> counts) {
		List<Map<String, Object>> rows = new ArrayList<>();
		new TreeMap<>(counts).forEach((name, count) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(key, name);
			row.put("count", count);
			rows.add(row);
		});
		return rows;
	}

	private static String shown(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

}
