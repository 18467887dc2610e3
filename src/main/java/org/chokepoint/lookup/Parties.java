package org.chokepoint.lookup;

import org.springframework.stereotype.Component;

/**
 * Countries and blocs as a user names them: {@code chn}, {@code eu}, {@code Germany}
 * resolve to {@code CHN}, {@code EU}, {@code DEU}; an unknown one is a 404 that suggests
 * close codes.
 */
@Component
public class Parties {

	private final Indexes indexes;

	Parties(Indexes indexes) {
		this.indexes = indexes;
	}

	/** A consumer or party: a country's ISO3 code or a bloc's code, or its name. */
	public String consumer(String given) {
		return this.indexes.resolve(Indexes.Kind.PARTY, given);
	}

	/** A country (no bloc): its ISO3 code, or its name. */
	public String country(String given) {
		return this.indexes.resolve(Indexes.Kind.COUNTRY, given);
	}

}
