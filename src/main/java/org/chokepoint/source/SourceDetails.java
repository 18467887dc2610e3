package org.chokepoint.source;

import java.util.List;

/**
 * A source with the facts that cite it.
 *
 * @param year the publication year
 * @param facts how many facts of each relationship type cite it, by type
 */
record SourceDetails(String id, String title, String publisher, Long year, String url, String quality, String note,
		List<FactCount> facts) {

	/**
	 * The number of facts of one relationship type ({@code MINES}, {@code REQUIRES}, ...)
	 * that cite a source.
	 */
	record FactCount(String type, long count) {
	}

}
