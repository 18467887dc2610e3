package org.chokepoint.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The per-client rate limit on the expensive endpoints ({@code chokepoint.rate-limit.*}).
 *
 * @param enabled whether requests are counted at all (default true)
 * @param requests how many requests one client (by IP address) may make to one group of
 * endpoints per {@code period} (default 60); the groups counted so are ad-hoc Cypher,
 * scenarios and import
 * @param analysesTime how much of the server's time one client's requests to the analyses
 * (chains, exposure, spof, concentration, the world matrix) may take per {@code period}
 * (default 10s): they are limited by what they cost, not by their count, since one costs
 * from a few microseconds (an answer kept as bytes) to seconds (a world matrix at the
 * benchmark's M size)
 * @param period the window the requests are counted over (default 1m); the allowance
 * refills gradually over it
 * @param maxClients how many clients are remembered at once (default 10000); the least
 * recently seen are forgotten first
 */
@ConfigurationProperties("chokepoint.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60") int requests,
		@DefaultValue("10s") Duration analysesTime, @DefaultValue("1m") Duration period,
		@DefaultValue("10000") int maxClients) {

	public RateLimitProperties {
		if (requests < 1) {
			throw new IllegalArgumentException("chokepoint.rate-limit.requests must be at least 1, not " + requests);
		}
		if (analysesTime.isNegative() || analysesTime.isZero() || analysesTime.compareTo(Duration.ofDays(365)) > 0) {
			throw new IllegalArgumentException(
					"chokepoint.rate-limit.analyses-time must be positive and at most 365d, not " + analysesTime);
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("chokepoint.rate-limit.period must be positive, not " + period);
		}
		if (maxClients < 1) {
			throw new IllegalArgumentException(
					"chokepoint.rate-limit.max-clients must be at least 1, not " + maxClients);
		}
	}

}
