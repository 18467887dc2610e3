package org.chokepoint.datareport;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

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
				+ "stage, years, and for the newest year: year, dataYear, kind, source, buyers") List<Map<String, Object>> pureReExporters) {
}
