package org.chokepoint.supplychain;

import org.chokepoint.http.AnswerVersion;

import org.springframework.stereotype.Component;

/**
 * The version of the answers kept as bytes ({@link org.chokepoint.http.AnswerCache}):
 * that of the {@link ChainProjection} served ({@link ChainProjections#servedVersion()}),
 * the data the chains are computed from, else the database's. The same version as the
 * ETags and cache keys of the analyses, so a kept answer is of the data served now.
 */
@Component
class ServedAnswerVersion implements AnswerVersion {

	private final ChainProjections projections;

	ServedAnswerVersion(ChainProjections projections) {
		this.projections = projections;
	}

	@Override
	public String current() {
		return this.projections.servedVersion();
	}

}
