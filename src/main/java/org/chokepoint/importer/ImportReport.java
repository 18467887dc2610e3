package org.chokepoint.importer;

import java.util.List;
import java.util.Map;

/**
 * What an import loaded.
 *
 * @param folder where the files came from
 * @param version the data version now in the database
 * @param rowsRead data rows read, all files together
 * @param nodes node count per label after the import
 * @param relationships relationship count per type after the import
 * @param millis how long it took, reading to commit
 * @param warnings what is suspicious but was loaded
 */
public record ImportReport(String folder, String version, long rowsRead, Map<String, Long> nodes,
		Map<String, Long> relationships, long millis, List<String> warnings) {
}
