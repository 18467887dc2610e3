package org.chokepoint.importer;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Refuses an import that would leave the knowledge graph empty or lose most of it, which
 * is far more often a wrong or truncated folder than an intent.
 *
 * <ul>
 * <li>An import without a single data row (every file empty or header-only) is always
 * refused: it would replace the graph with nothing.</li>
 * <li>An import whose entities (rows of the files that make nodes: sources, countries,
 * blocs, minerals, products, HS codes, agreements, measures) or facts (rows of the other
 * files, plus the distinct trade flows) are under half of those of the data version in
 * the database is refused unless the caller allows it ({@code --allow-shrink},
 * {@code allowShrink=true}). The counts of the data version are recorded with it at
 * import; a database imported before they were recorded is compared on emptiness
 * only.</li>
 * </ul>
 * A refusal happens before anything is written.
 */
final class ShrinkGuard {

	/** The files whose rows become nodes; every other file's rows are facts. */
	static final Set<ImportFile> ENTITY_FILES = EnumSet.of(ImportFile.SOURCES, ImportFile.COUNTRIES, ImportFile.BLOCS,
			ImportFile.MINERALS, ImportFile.PRODUCTS, ImportFile.HS_CODES, ImportFile.AGREEMENTS, ImportFile.MEASURES);

	/** An import keeping less than this share of either count shrinks the graph. */
	static final double LEAST_KEPT = 0.5;

	/**
	 * The size of a data version.
	 *
	 * @param entities rows that make nodes
	 * @param facts other rows and distinct trade flows
	 */
	record Size(long entities, long facts) {

		static Size of(ImportData data) {
			long entities = 0;
			long facts = data.tradeFlows().size();
			for (ImportFile file : ImportFile.values()) {
				long rows = data.of(file).size();
				if (ENTITY_FILES.contains(file)) {
					entities += rows;
				}
				else {
					facts += rows;
				}
			}
			return new Size(entities, facts);
		}

	}

	private ShrinkGuard() {
	}

	/**
	 * @param folder the folder's description, for the error
	 * @param next the size of the import
	 * @param current the size of the data version in the database, or null when unknown
	 * @param allowShrink whether the caller allows losing most of the graph
	 * @throws ImportFailedException when the import is refused
	 */
	static void check(String folder, Size next, Size current, boolean allowShrink) {
		if (next.entities() == 0 && next.facts() == 0) {
			throw refused(folder, "every file is empty or holds only its header row: importing it would replace"
					+ " the knowledge graph with nothing; nothing was imported");
		}
		if (allowShrink || current == null) {
			return;
		}
		if (next.entities() < current.entities() * LEAST_KEPT || next.facts() < current.facts() * LEAST_KEPT) {
			throw refused(folder,
					"the import would shrink the knowledge graph to under half: " + next.entities() + " entities and "
							+ next.facts() + " facts against " + current.entities() + " and " + current.facts()
							+ " now; nothing was imported. If that is meant, import again with --allow-shrink"
							+ " (command line) or allowShrink=true (REST)");
		}
	}

	private static ImportFailedException refused(String folder, String message) {
		return new ImportFailedException(List.of(new ImportError(folder, 0, 0, null, message)));
	}

}
