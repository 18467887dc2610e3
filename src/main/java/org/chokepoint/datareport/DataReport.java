package org.chokepoint.datareport;

import java.util.List;
import java.util.Map;

/**
 * What the knowledge base holds.
 *
 * @param dataVersion the version of the imported data (a hash of the import files)
 * @param nodes node count per label
 * @param relationships relationship count per type
 * @param coverage per mineral: the stages and years with output data, and the stages without
 * @param disagreements facts where two sources give shares more than 0.01 apart
 * @param unknownShares published figures that leave part of world output unattributed
 * @param sourcesWithoutUrl sources that do not say where to read them (their id and title)
 */
public record DataReport(String dataVersion, Map<String, Long> nodes, Map<String, Long> relationships,
		List<Map<String, Object>> coverage, List<Map<String, Object>> disagreements,
		List<Map<String, Object>> unknownShares, List<Map<String, Object>> sourcesWithoutUrl) {
}
