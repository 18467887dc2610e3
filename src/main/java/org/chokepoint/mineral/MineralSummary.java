package org.chokepoint.mineral;

import java.util.List;

/**
 * A mineral in the list of minerals.
 *
 * @param basis the quantity basis of its figures ({@code contained metal},
 * {@code REO equivalent}, ...)
 * @param stages the stages the graph has production or sourcing figures for, in chain
 * order
 */
record MineralSummary(String id, String name, String basis, List<String> stages) {

	MineralSummary {
		stages = List.copyOf(stages);
	}

}
