package org.chokepoint.supplychain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One disruption: {@code country} stops {@code fraction} of its supply of {@code items}
 * at {@code stages} (null: every stage) to {@code targets} (empty: every buyer but
 * itself).
 *
 * @param country ISO3 code of the supplier that cuts
 * @param items mineral and product ids
 * @param stages the stages cut, or null for all
 * @param targets buyers cut off (country or bloc codes; a bloc's members too), empty for
 * all
 * @param fraction the part of the supply cut, 0..1
 */
public record Cut(String country, List<String> items, List<Stage> stages, List<String> targets, double fraction) {

	public Cut {
		items = List.copyOf(items);
		stages = stages == null ? null : List.copyOf(stages);
		targets = targets == null ? List.of() : List.copyOf(targets);
	}

	/** As the {@code $cuts} parameter of chain.cypher expects it. */
	Map<String, Object> asParameter() {
		Map<String, Object> map = new HashMap<>();
		map.put("country", this.country);
		map.put("items", this.items);
		map.put("stages", this.stages == null ? null : this.stages.stream().map(Enum::name).toList());
		map.put("targets", this.targets);
		map.put("fraction", this.fraction);
		return map;
	}

}
