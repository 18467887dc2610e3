package org.chokepoint.lookup;

import org.springframework.stereotype.Component;

/**
 * Products and minerals as a user names them: {@code NdFeB-Magnet}, {@code Gallium}
 * resolve to their ids; an unknown one ({@code ndfeb-magnets}) is a 404 that suggests
 * close ids ({@code ndfeb-magnet}).
 */
@Component
public class Items {

	private final Indexes indexes;

	Items(Indexes indexes) {
		this.indexes = indexes;
	}

	/** A product: its id, or its name. */
	public String product(String given) {
		return this.indexes.resolve(Indexes.Kind.PRODUCT, given);
	}

	/** A mineral: its id, or its name. */
	public String mineral(String given) {
		return this.indexes.resolve(Indexes.Kind.MINERAL, given);
	}

}
