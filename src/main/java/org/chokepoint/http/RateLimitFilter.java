package org.chokepoint.http;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.chokepoint.web.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-client rate limit on the expensive endpoints, with Bucket4j: each client (by IP
 * address) gets {@code chokepoint.rate-limit.requests} requests per
 * {@code chokepoint.rate-limit.period} for each group (ad-hoc Cypher, scenarios, the
 * analyses, import), refilled gradually. A request over it is a 429 problem detail with
 * {@code Retry-After} (whole seconds until the next request is allowed), before any work
 * is done. Cheap reads (lists, details, the atlas) are not counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	RateLimitFilter(RateLimitProperties properties) {
		this.properties = properties;
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
		Bucket bucket = this.buckets.get(request.getRemoteAddr() + " " + group, key -> newBucket());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		if (probe.isConsumed()) {
			response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis() / 1000 + 1);
		var problem = ProblemWriter.problem(429, "Too many requests to " + group + " from this client: at most "
				+ this.properties.requests() + " per " + this.properties.period().toSeconds()
				+ " s (chokepoint.rate-limit.requests, chokepoint.rate-limit.period); try again in " + seconds + " s.",
				request.getRequestURI());
		problem.setTitle("Too many requests");
		problem.setProperty("limit", "chokepoint.rate-limit.requests");
		problem.setProperty("group", group);
		problem.setProperty("retryAfterSeconds", seconds);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		ProblemWriter.write(response, problem);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.properties.requests())
				.refillGreedy(this.properties.requests(), this.properties.period())
				.build())
			.build();
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
			return Optional.of("analyses");
		}
		return Optional.empty();
	}

}
