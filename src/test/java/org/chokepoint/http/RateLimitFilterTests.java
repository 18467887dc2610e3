package org.chokepoint.http;

import java.io.IOException;
import java.time.Duration;

import io.github.bucket4j.TimeMeter;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rate limit on a clock of its own: the analyses by the time their requests take (an
 * allowance of 10 ms a minute here), the other groups by their count (3 a minute here),
 * each client and group on its own.
 */
class RateLimitFilterTests {

	private static final long MS = 1_000_000L;

	/** A clock that moves only when told (a request's time, or a wait). */
	private long now = 1_000 * MS;

	private final TimeMeter clock = new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return RateLimitFilterTests.this.now;
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	};

	private final RateLimitFilter filter = new RateLimitFilter(
			new RateLimitProperties(true, 3, Duration.ofMillis(10), Duration.ofMinutes(1), 100), this.clock);

	private final JsonMapper json = JsonMapper.builder().build();

	/** Asks as a client, the request taking {@code nanos} of the clock. */
	private MockHttpServletResponse ask(String method, String path, String client, long nanos)
			throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr(client);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, (req, res) -> {
			this.now += nanos;
			((MockHttpServletResponse) res).setStatus(200);
		});
		return response;
	}

	private MockHttpServletResponse chain(String client, long nanos) throws ServletException, IOException {
		return ask("GET", "/api/chains/ndfeb-magnet", client, nanos);
	}

	@Test
	void theAnalysesAreLimitedByTheTimeTheirRequestsTake() throws Exception {
		// 10 ms: three requests of 4 ms are let in (the third overdraws to -2 ms)
		for (int i = 0; i < 3; i++) {
			assertThat(chain("10.0.0.1", 4 * MS).getStatus()).as("request %d", i).isEqualTo(200);
		}
		MockHttpServletResponse refused = chain("10.0.0.1", 4 * MS);
		assertThat(refused.getStatus()).isEqualTo(429);
		// about 2 ms to refill at 10 ms a minute (less what 12 ms refilled): 11.99 s
		assertThat(refused.getHeader("Retry-After")).isEqualTo("12");
		JsonNode problem = this.json.readTree(refused.getContentAsString());
		assertThat(problem.get("group").stringValue()).isEqualTo("analyses");
		assertThat(problem.get("limit").stringValue()).isEqualTo("chokepoint.rate-limit.analyses-time");
		assertThat(problem.get("detail").stringValue())
			.isEqualTo("Too many requests to analyses from this client: at most 10 ms of the server's time per 60 s"
					+ " (chokepoint.rate-limit.analyses-time, chokepoint.rate-limit.period); try again in 12 s.");
		// a refused request costs nothing; another client has an allowance of its own
		assertThat(chain("10.0.0.2", 4 * MS).getStatus()).isEqualTo(200);
		// after the wait the first client is let in again
		this.now += 12_000 * MS;
		assertThat(chain("10.0.0.1", 4 * MS).getStatus()).isEqualTo(200);
	}

	@Test
	void aRequestLongerThanTheWholeAllowanceTakesTheWholeAllowance() throws Exception {
		// 6 ms left, then an hour of work against 10 ms a minute: the allowance refilled
		// meanwhile to 10 ms and the hour counts as 10 ms (the whole allowance; Bucket4j
		// would take nothing of a debt it cannot see refilled), so nothing is left
		assertThat(chain("10.0.0.1", 4 * MS).getStatus()).isEqualTo(200);
		assertThat(chain("10.0.0.1", 3_600_000 * MS).getStatus()).isEqualTo(200);
		MockHttpServletResponse refused = chain("10.0.0.1", MS);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
		this.now += 1_000 * MS;
		assertThat(chain("10.0.0.1", MS).getStatus()).isEqualTo(200);
	}

	@Test
	void cheapAnalysesAreNotCountedAsExpensiveOnes() throws Exception {
		// a thousand answers of 5 us each (answers kept as bytes) take 5 of the 10 ms, a
		// world matrix 6 more
		for (int i = 0; i < 1_000; i++) {
			assertThat(chain("10.0.0.1", 5_000).getStatus()).as("request %d", i).isEqualTo(200);
		}
		assertThat(ask("GET", "/api/exposure/matrix", "10.0.0.1", 6 * MS).getStatus()).isEqualTo(200);
		assertThat(ask("GET", "/api/spof", "10.0.0.1", 0).getStatus()).as("1 ms overdrawn").isEqualTo(429);
	}

	@Test
	void theOtherGroupsAreLimitedByTheirCount() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertThat(ask("POST", "/api/scenarios", "10.0.0.1", 0).getStatus()).isEqualTo(200);
		}
		MockHttpServletResponse refused = ask("POST", "/api/scenarios", "10.0.0.1", 0);
		assertThat(refused.getStatus()).isEqualTo(429);
		JsonNode problem = this.json.readTree(refused.getContentAsString());
		assertThat(problem.get("limit").stringValue()).isEqualTo("chokepoint.rate-limit.requests");
		assertThat(problem.get("detail").stringValue()).startsWith(
				"Too many requests to scenarios from this client: at most 3 per 60 s (chokepoint.rate-limit.requests");
		// the analyses, and the cheap reads, are not counted with them
		assertThat(chain("10.0.0.1", MS).getStatus()).isEqualTo(200);
		for (int i = 0; i < 10; i++) {
			assertThat(ask("GET", "/api/minerals", "10.0.0.1", 0).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void theAnalysesTimeIsPositiveAndWrittenAsAnAnalystWritesIt() {
		assertThatThrownBy(() -> new RateLimitProperties(true, 60, Duration.ZERO, Duration.ofMinutes(1), 100))
			.hasMessage("chokepoint.rate-limit.analyses-time must be positive and at most 365d, not PT0S");
		assertThat(RateLimitFilter.describe(Duration.ofSeconds(10))).isEqualTo("10 s");
		assertThat(RateLimitFilter.describe(Duration.ofMillis(1500))).isEqualTo("1500 ms");
		assertThat(RateLimitFilter.describe(Duration.ofNanos(250_000))).isEqualTo("250 us");
		assertThat(RateLimitFilter.describe(Duration.ofNanos(1))).isEqualTo("1 ns");
	}

}
