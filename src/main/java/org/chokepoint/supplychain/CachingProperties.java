package org.chokepoint.supplychain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sizes of the analyses' caches ({@code chokepoint.cache.*}); see
 * {@link CachingConfiguration}.
 *
 * @param analyses entries of the analyses cache (chain analyses and chains, with or
 * without a disruption), least used dropped first: a chain is tens of kB
 * @param versionTrust how long a data version read from the database is trusted without
 * reading it again: an import by another instance (external mode, a cluster) is seen
 * within this time
 * @param warmUp how long the analyses are warmed up, in the background, after a
 * projection is built ({@link AnalysisWarmUp}; 0 for not at all)
 * @param httpWarmUp how long, at most, the application asks itself chain questions over
 * HTTP once it has data, once per run, before it reports itself ready
 * ({@link HttpWarmUp}; 0 for not at all)
 * @param httpWarmUpRequests how many such chain questions, at most (every fourth pair's
 * one-cell world matrix is asked besides). A request-level method is called once per
 * question, and the JIT compiles it fully only after some thousands of calls: at the
 * benchmark's I size 4,000 instead of 1,500 took 0.15 to 0.2 ms off the first new pairs
 * after a start, and 12,000 in 16 s instead of 4,000 in 8 s (the time was then the bound:
 * about 2,700 asked) another 0.1 to 0.4 ms, for about 6 s more before ready
 * @param httpWarmUpAgain how many requests then ask the warm-up's last questions again,
 * answered from their kept bytes as an analyst's warm answer is, at most (for at most
 * {@code httpWarmUp} again; 0 for none)
 */
@ConfigurationProperties("chokepoint.cache")
record CachingProperties(@DefaultValue("2000") long analyses, @DefaultValue("1s") Duration versionTrust,
		@DefaultValue("1s") Duration warmUp, @DefaultValue("16s") Duration httpWarmUp,
		@DefaultValue("12000") int httpWarmUpRequests, @DefaultValue("10000") int httpWarmUpAgain) {

	CachingProperties {
		if (analyses < 0 || versionTrust.isNegative() || warmUp.isNegative() || httpWarmUp.isNegative()
				|| httpWarmUpRequests < 0 || httpWarmUpAgain < 0) {
			throw new IllegalArgumentException("chokepoint.cache.* must not be negative: analyses " + analyses
					+ ", version-trust " + versionTrust + ", warm-up " + warmUp + ", http-warm-up " + httpWarmUp
					+ ", http-warm-up-requests " + httpWarmUpRequests + ", http-warm-up-again " + httpWarmUpAgain);
		}
	}

}
