package org.chokepoint.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chokepoint.web.ProblemWriter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-client rate limit on the expensive endpoints, with Bucket4j: each client (by IP
 * address) gets {@code chokepoint.rate-limit.requests} requests per
 * {@code chokepoint.rate-limit.period} for ad-hoc Cypher, for scenarios and for import,
 * and {@code chokepoint.rate-limit.analyses-time} of the server's time per period for the
 * analyses, each refilled gradually. The analyses are limited by what they cost: one
 * takes from a few microseconds (an answer kept as bytes) to seconds (a world matrix at
 * the benchmark's M size), so a count says little of the load; a request is let in while
 * the client has time left, and its time is taken from it when it ends (so the last one
 * may overdraw, by at most the whole allowance, and the next waits until the allowance is
 * positive again). A request over the limit is a 429 problem detail with
 * {@code Retry-After} (whole seconds until the next request is allowed), before any work
 * is done. Cheap reads (lists, details, the atlas) are not counted, nor the application's
 * own warm-up.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RateLimitFilter extends OncePerRequestFilter {

	/** The group limited by its requests' time, not their count. */
	static final String ANALYSES = "analyses";

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	/** The clock of the buckets and of the analyses' time. */
	private final TimeMeter clock;

	@Autowired
	RateLimitFilter(RateLimitProperties properties) {
		this(properties, TimeMeter.SYSTEM_NANOTIME);
	}

	RateLimitFilter(RateLimitProperties properties, TimeMeter clock) {
		this.properties = properties;
		this.clock = clock;
		this.buckets = Caffeine.newBuilder()
			.executor(Runnable::run)
			.maximumSize(properties.maxClients())
			.expireAfterAccess(properties.period().multipliedBy(2))
			.build();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.properties.enabled() || WarmUpRequests.isWarmUp(request) || group(request).isEmpty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String group = group(request).orElseThrow();
		boolean timed = ANALYSES.equals(group);
		Bucket bucket = this.buckets.get(request.getRemoteAddr() + " " + group, key -> newBucket(timed));
		if (timed) {
			EstimationProbe probe = bucket.estimateAbilityToConsume(1);
			if (!probe.canBeConsumed()) {
				refuse(request, response, group, probe.getNanosToWaitForRefill());
				return;
			}
			long started = this.clock.currentTimeNanos();
			try {
				chain.doFilter(request, response);
			}
			finally {
				// at most the whole allowance: Bucket4j takes nothing for a debt it
				// cannot see refilled (an overflow), and one period's wait is enough
				long nanos = this.clock.currentTimeNanos() - started;
				bucket
					.consumeIgnoringRateLimits(Math.max(1, Math.min(nanos, this.properties.analysesTime().toNanos())));
			}
			return;
		}
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		refuse(request, response, group, probe.getNanosToWaitForRefill());
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String group, long nanosToWait)
			throws IOException {
		long seconds = Math.max(1, Duration.ofNanos(nanosToWait).toMillis() / 1000 + 1);
		boolean timed = ANALYSES.equals(group);
		String allowance = timed ? describe(this.properties.analysesTime()) + " of the server's time"
				: String.valueOf(this.properties.requests());
		String limit = timed ? "chokepoint.rate-limit.analyses-time" : "chokepoint.rate-limit.requests";
		var problem = ProblemWriter.problem(429,
				"Too many requests to " + group + " from this client: at most " + allowance + " per "
						+ this.properties.period().toSeconds() + " s (" + limit
						+ ", chokepoint.rate-limit.period); try again in " + seconds + " s.",
				request.getRequestURI());
		problem.setTitle("Too many requests");
		problem.setProperty("limit", limit);
		problem.setProperty("group", group);
		problem.setProperty("retryAfterSeconds", seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		ProblemWriter.write(response, problem);
	}

	/**
	 * A client's allowance for a group: requests, or nanoseconds of the server's time.
	 */
	private Bucket newBucket(boolean timed) {
		long tokens = timed ? this.properties.analysesTime().toNanos() : this.properties.requests();
		return Bucket.builder()
			.withCustomTimePrecision(this.clock)
			.addLimit(Bandwidth.builder().capacity(tokens).refillGreedy(tokens, this.properties.period()).build())
			.build();
	}

	/** A duration as an analyst writes it: 10 s, 500 ms, 250 us. */
	static String describe(Duration duration) {
		long nanos = duration.toNanos();
		if (nanos % 1_000_000_000L == 0) {
			return nanos / 1_000_000_000L + " s";
		}
		if (nanos % 1_000_000L == 0) {
			return nanos / 1_000_000L + " ms";
		}
		if (nanos % 1_000L == 0) {
			return nanos / 1_000L + " us";
		}
		return nanos + " ns";
	}

	/** The group of an expensive endpoint, or empty for one that is not counted. */
	static Optional<String> group(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String method = request.getMethod();
		if (path.equals("/api/cypher")) {
			return Optional.of("ad-hoc Cypher");
		}
		if (path.equals("/api/scenarios")) {
			return Optional.of("scenarios");
		}
		if (path.startsWith("/api/admin/import")) {
			return Optional.of("import");
		}
		boolean read = method.equals("GET") || method.equals("HEAD");
		if (read && (path.startsWith("/api/chains/") || path.equals("/api/exposure")
				|| path.startsWith("/api/exposure/") || path.equals("/api/spof")
				|| path.matches("/api/minerals/[^/]+/concentration") || path.startsWith("/api/matrix"))) {
			return Optional.of(ANALYSES);
		}
		return Optional.empty();
	}

}
