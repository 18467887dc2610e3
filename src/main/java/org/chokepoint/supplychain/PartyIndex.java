package org.chokepoint.supplychain;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Party codes by dense id: the index space of {@link DenseSplits} and of the calculator's
 * arrays. A projection has one for all its facts (its string table); facts read otherwise
 * get one per chain. Immutable.
 */
final class PartyIndex {

	private final String[] names;

	private final Map<String, Integer> ids;

	/**
	 * The index of {@code names}, their ids their positions.
	 * @throws IllegalArgumentException where a code comes twice (an id is one code, and a
	 * code one id: equal ids are equal codes)
	 */
	PartyIndex(String[] names) {
		this.names = Arrays.copyOf(names, names.length);
		this.ids = new HashMap<>(names.length * 2);
		for (int i = 0; i < names.length; i++) {
			Integer first = this.ids.putIfAbsent(names[i], i);
			if (first != null) {
				throw new IllegalArgumentException(
						"Party code " + names[i] + " comes twice in an index, at " + first + " and " + i);
			}
		}
	}

	/** The id of {@code code}, or -1 where it has none. */
	int id(String code) {
		Integer id = this.ids.get(code);
		return (id != null) ? id : -1;
	}

	/** The code of {@code id}. */
	String name(int id) {
		return this.names[id];
	}

	/** How many ids there are (0 to size - 1). */
	int size() {
		return this.names.length;
	}

}
