package org.chokepoint.guide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One slide of the guide: a title and its parts, in order.
 *
 * @param title the slide's heading
 * @param parts text and queries
 */
record GuideStep(String title, List<Part> parts) {

	GuideStep {
		parts = List.copyOf(parts);
	}

	/** A part of a slide. */
	sealed interface Part permits Text, Query {

	}

	/**
	 * Prose, as HTML written in this package (never user input).
	 *
	 * @param html the paragraph(s)
	 */
	record Text(String html) implements Part {
	}

	/**
	 * A query file with its parameters; {@code overrides} replace the values of the
	 * file's header (a scenario's {@code $cuts}), the query text itself is always the
	 * file's.
	 *
	 * @param query the file
	 * @param overrides parameter name to Cypher expression
	 */
	record Query(GuideQuery query, Map<String, String> overrides) implements Part {

		Query {
			overrides = Map.copyOf(overrides);
		}

		/**
		 * The parameters the step sets: the file's, with the overrides applied, in file
		 * order.
		 */
		List<GuideQuery.Parameter> parameters() {
			Map<String, String> values = new LinkedHashMap<>();
			this.query.parameters().forEach(p -> values.put(p.name(), p.expression()));
			values.putAll(this.overrides);
			return values.entrySet().stream().map(e -> new GuideQuery.Parameter(e.getKey(), e.getValue())).toList();
		}

	}

}
