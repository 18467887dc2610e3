package org.chokepoint.supplychain;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chokepoint.ChokepointTest;
import org.chokepoint.http.AnswerCache;
import org.chokepoint.http.WarmUpRequests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warm-up over HTTP: with data imported at start-up, the application asks
 * itself chain questions before it is ready, keeps nothing of them where an analyst's
 * request looks (no answer bytes, no analysis), and the rate limit does not count them; a
 * request with the token is treated as one of them, a request with a wrong token as any
 * other.
 */
@ChokepointTest(properties = { "chokepoint.import.dir=src/test/resources/fixtures/analysis",
		"chokepoint.cache.http-warm-up=60s", "chokepoint.cache.http-warm-up-requests=12",
		"chokepoint.cache.http-warm-up-again=30", "chokepoint.rate-limit.enabled=true",
		"chokepoint.rate-limit.analyses-time=1ns", "chokepoint.rate-limit.period=1h" })
class HttpWarmUpIT {

	@LocalServerPort
	int port;

	@Autowired
	HttpWarmUp warmUp;

	@Autowired
	ChainProjections projections;

	@Autowired
	AnswerCache answers;

	@Autowired
	CacheManager caches;

	@Autowired
	WarmUpRequests warmUpRequests;

	@Autowired
	WarmUpCaches warmUpCaches;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theWarmUpAsksBeforeTheApplicationIsReadyKeepsNothingAndIsNotCounted() throws Exception {
		// run before the context was handed to the test (it is ready)
		HttpWarmUp.Run run = this.warmUp.last();
		assertThat(run).as("the warm-up ran at start-up").isNotNull();
		ChainProjection projection = this.projections.serving();
		long pairs = (long) projection.reference().products().size() * projection.reference().parties().size();
		assertThat(pairs).as("the fixture has more pairs than the warm-up asks").isGreaterThan(12);
		assertThat(run.requests()).isEqualTo(12);
		assertThat(run.cells()).as("every fourth pair's one-cell world matrix too").isEqualTo(3);
		assertThat(projection.newestYear()).isGreaterThan(2000);
		assertThat(run.withYear()).as("every second question names the data's newest year").isEqualTo(6);
		assertThat(projection.reference().minerals()).isNotEmpty();
		assertThat(run.others())
			.as("the atlas's lists, a consumer's overview, a trend, a product's details for a buyer, a country's"
					+ " details and a mineral's concentration")
			.isEqualTo(HttpWarmUp.OTHERS.size())
			.isEqualTo(10);
		assertThat(run.othersMillis()).isNotNegative().isLessThanOrEqualTo(run.millis());
		assertThat(run.again()).as("then the last questions asked again").isEqualTo(30);
		assertThat(run.failed()).isZero();
		assertThat(run.version()).isEqualTo(projection.version());
		// its chain questions ask as analysts' clients do: 12 asked first, two each in
		// turn as FIRST_ASKING's four (JSON with no Accept-Encoding, JSON with
		// identity, */* with "gzip, deflate", */* with none); then 30 asked again, the
		// 12 in turn, each with the Accept it was first asked with (questions 4 to 7:
		// */*), the encodings in turn none, gzip, identity, "gzip, deflate" (first +
		// again below)
		assertThat(HttpWarmUp.FIRST_ASKING).hasSize(4);
		assertThat(Asked.chainQuestions()).containsExactlyInAnyOrderEntriesOf(Map.of("application/json (none)", 4 + 5,
				"application/json identity", 4 + 5, "application/json gzip", 5, "application/json gzip, deflate", 5,
				"*/* gzip, deflate", 2 + 2, "*/* (none)", 2 + 3, "*/* gzip", 3, "*/* identity", 2));
		// nothing kept
		assertThat(this.answers.size()).as("answers kept as bytes").isZero();
		assertThat(analysesKept()).as("analyses kept").isZero();
		assertThat(this.warmUpCaches.size()).as("the warm-up's own caches, emptied when it ended").isZero();

		List<String> products = projection.reference().products().stream().sorted().toList();
		List<String> consumers = projection.reference().parties().stream().sorted().toList();
		// the warm-up's first pair, asked by a client: computed and kept, and the first
		// request the rate limit counts (1 ns of the server's time an hour here: the
		// warm-up's seconds would have used it up, and this request does)
		HttpResponse<String> asked = get(chain(products.get(0), consumers.get(0)), null);
		assertThat(asked.statusCode()).isEqualTo(200);
		assertThat(this.answers.size()).isEqualTo(1);
		long kept = analysesKept();
		assertThat(kept).isPositive();

		// with the token: answered, not kept where an analyst's request looks (its
		// analysis in the warm-up's own caches), not counted
		HttpResponse<String> warming = get(chain(products.get(1), consumers.get(0)), this.warmUpRequests.token());
		assertThat(warming.statusCode()).isEqualTo(200);
		assertThat(this.answers.size()).isEqualTo(1);
		assertThat(analysesKept()).isEqualTo(kept);
		assertThat(this.warmUpCaches.size()).isPositive();
		this.warmUpCaches.clear();

		// with a wrong token: a plain request, counted, so over the limit now
		HttpResponse<String> plain = get(chain(products.get(2), consumers.get(0)), "0".repeat(32));
		assertThat(plain.statusCode()).as(plain.body()).isEqualTo(429);
		assertThat(plain.body()).contains("chokepoint.rate-limit.analyses-time");
		assertThat(this.answers.size()).isEqualTo(1);
		assertThat(analysesKept()).isEqualTo(kept);
	}

	/**
	 * Counts the {@code Accept} and {@code Accept-Encoding} of the chain questions that
	 * carry the warm-up's header, as the server receives them.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Asked {

		private static final Map<String, Integer> SEEN = new TreeMap<>();

		static synchronized Map<String, Integer> chainQuestions() {
			return Map.copyOf(SEEN);
		}

		private static synchronized void seen(String encoding) {
			SEEN.merge(encoding, 1, Integer::sum);
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> warmUpAsking() {
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
					new OncePerRequestFilter() {

						@Override
						protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
								FilterChain chain) throws ServletException, IOException {
							if (request.getHeader(WarmUpRequests.HEADER) != null
									&& request.getRequestURI().startsWith("/api/chains/")) {
								String encoding = request.getHeader("Accept-Encoding");
								seen(request.getHeader("Accept") + " " + ((encoding == null) ? "(none)" : encoding));
							}
							chain.doFilter(request, response);
						}

					});
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}

	}

	private long analysesKept() {
		long entries = 0;
		for (String name : List.of(CachingConfiguration.ANALYSES, CachingConfiguration.CATALOGUE)) {
			var cache = (com.github.benmanes.caffeine.cache.Cache<?, ?>) this.caches.getCache(name).getNativeCache();
			cache.cleanUp();
			entries += cache.estimatedSize();
		}
		return entries;
	}

	private static String chain(String product, String consumer) {
		return "/api/chains/" + product + "?consumer=" + consumer;
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", "application/json");
		if (token != null) {
			request.header(WarmUpRequests.HEADER, token);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

}
