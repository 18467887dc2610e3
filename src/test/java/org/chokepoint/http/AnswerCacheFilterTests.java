package org.chokepoint.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The answer cache's filter on mock requests: what it keeps, when it answers from what it
 * keeps, its ETag, 304 and gzip.
 */
class AnswerCacheFilterTests {

	private final AtomicReference<String> version = new AtomicReference<>("v1");

	/** What the handler saw, one entry per call: its If-None-Match header. */
	private final List<String> calls = new ArrayList<>();

	private int status = 200;

	private String body = "{\"product\":\"ndfeb-magnet\",\"chinaExposure\":0.92}".repeat(20);

	private final AnswerCache cache = new AnswerCache(
			new AnswerCacheProperties(true, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)));

	/** Whether reading the version fails, as it does while the database is down. */
	private boolean versionUnreadable;

	private final AnswerCacheFilter filter = new AnswerCacheFilter(this.cache, () -> {
		if (this.versionUnreadable) {
			throw new IllegalStateException("the database can't be reached");
		}
		return this.version.get();
	}, new AnswerCacheProperties(true, DataSize.ofMegabytes(1), DataSize.ofMegabytes(1)));

	/** How long the handler takes, in milliseconds. */
	private long delay;

	private final HttpServlet handler = new HttpServlet() {
		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			AnswerCacheFilterTests.this.calls.add(String.valueOf(request.getHeader("If-None-Match")));
			if (AnswerCacheFilterTests.this.delay > 0) {
				try {
					Thread.sleep(AnswerCacheFilterTests.this.delay);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
			response.setStatus(AnswerCacheFilterTests.this.status);
			response.setContentType("application/json");
			response.setHeader("ETag", "\"handler's own\"");
			response.setHeader("X-Handler", "yes");
			response.getOutputStream().write(AnswerCacheFilterTests.this.body.getBytes(StandardCharsets.UTF_8));
		}
	};

	/** Whether the requests {@link #get} makes are the application's warm-up's. */
	private boolean warmUp;

	private MockHttpServletResponse get(String uri, String... headers) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
		if (this.warmUp) {
			request.setAttribute(WarmUpRequests.ATTRIBUTE, WarmUpRequests.WARM_UP);
		}
		int query = uri.indexOf('?');
		if (query >= 0) {
			request.setRequestURI(uri.substring(0, query));
			request.setQueryString(uri.substring(query + 1));
			for (String pair : uri.substring(query + 1).split("&")) {
				String[] parts = pair.split("=", 2);
				request.addParameter(parts[0], parts[1]);
			}
		}
		request.addHeader("Accept", "application/json");
		for (int i = 0; i < headers.length; i += 2) {
			request.removeHeader(headers[i]);
			request.addHeader(headers[i], headers[i + 1]);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain(this.handler));
		return response;
	}

	@Test
	void aSecondAskIsAnsweredFromTheBytesKeptWithTheSameHeaders() throws Exception {
		MockHttpServletResponse first = get("/api/chains/ndfeb-magnet?consumer=EU&year=2024");
		MockHttpServletResponse second = get("/api/chains/ndfeb-magnet?year=2024&consumer=EU");
		assertThat(this.calls).hasSize(1);
		for (MockHttpServletResponse response : List.of(first, second)) {
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getContentAsString()).isEqualTo(this.body);
			assertThat(response.getContentType()).startsWith("application/json");
			assertThat(response.getHeader("X-Handler")).isEqualTo("yes");
			assertThat(response.getHeader("ETag")).matches("\"[A-Za-z0-9_-]{16}\"");
			assertThat(response.getHeader("Cache-Control")).isEqualTo("no-cache");
			assertThat(response.getHeader("Vary")).isEqualTo("Accept, Accept-Encoding");
			assertThat(response.getContentLength()).isEqualTo(this.body.length());
		}
		assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
	}

	@Test
	void theWarmUpsAnswersAreKeptApartFromAnalystsAndOnlyTheWarmUpReadsThem() throws Exception {
		String uri = "/api/chains/ndfeb-magnet?consumer=EU&year=2024";
		this.warmUp = true;
		MockHttpServletResponse first = get(uri);
		MockHttpServletResponse again = get(uri, "Accept-Encoding", "gzip");
		assertThat(this.calls).as("the warm-up's second ask comes from its own kept bytes").hasSize(1);
		assertThat(again.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag").replaceFirst("\"$", "-gzip\""));
		assertThat(this.cache.size()).as("nothing kept where an analyst's request looks").isZero();
		assertThat(this.filter.warmUpAnswers().size()).isEqualTo(1);

		this.warmUp = false;
		MockHttpServletResponse analyst = get(uri);
		assertThat(this.calls).as("an analyst's first ask is computed").hasSize(2);
		assertThat(analyst.getContentAsString()).isEqualTo(this.body);
		assertThat(this.cache.size()).isEqualTo(1);

		// and the warm-up does not read the analysts' answers either
		this.warmUp = true;
		get("/api/chains/ndfeb-magnet?consumer=US&year=2024");
		this.warmUp = false;
		get("/api/chains/ndfeb-magnet?consumer=US&year=2024");
		assertThat(this.calls).hasSize(4);
	}

	/**
	 * The filter times the handler: an answer that took at least
	 * {@link AnswerCache#COSTLY_FROM} is kept apart from the others (which
	 * {@code AnswerCacheTests} shows a full cache keeps where Caffeine's policy drops
	 * them), and served from its bytes when asked again.
	 */
	@Test
	void anAnswerThatTookLongIsKeptApart() throws Exception {
		String matrix = "/api/exposure/matrix?year=2024";
		get(matrix);
		assertThat(this.cache.size()).isEqualTo(1);
		assertThat(this.cache.costlyCount()).as("computed at once").isZero();

		this.delay = AnswerCache.COSTLY_FROM / 1_000_000;
		MockHttpServletResponse first = get(matrix + "&sourcing=traced");
		this.delay = 0;
		assertThat(this.cache.costlyCount()).isEqualTo(1);
		for (int i = 0; i < 1200; i++) {
			get("/api/chains/ndfeb-magnet?consumer=C" + i);
		}
		int calls = this.calls.size();
		MockHttpServletResponse again = get(matrix + "&sourcing=traced");
		assertThat(this.calls).as("served from its bytes").hasSize(calls);
		assertThat(again.getContentAsString()).isEqualTo(first.getContentAsString());
		assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
	}

	@Test
	void theETagIsTheBodysHash() throws Exception {
		String a = get("/api/spof?consumer=EU").getHeader("ETag");
		this.body = this.body + " ";
		String b = get("/api/spof?consumer=US").getHeader("ETag");
		assertThat(a).isNotEqualTo(b);
		this.body = this.body.strip();
		assertThat(get("/api/spof?consumer=JP").getHeader("ETag")).isEqualTo(a);
	}

	@Test
	void aClientThatHoldsTheAnswerGets304WithoutABodyAndTheHandlerNeverSeesTheCondition() throws Exception {
		String etag = get("/api/exposure?consumer=EU").getHeader("ETag");
		MockHttpServletResponse cached = get("/api/exposure?consumer=EU", "If-None-Match", etag);
		assertThat(cached.getStatus()).isEqualTo(304);
		assertThat(cached.getContentAsByteArray()).isEmpty();
		assertThat(cached.getHeader("ETag")).isEqualTo(etag);
		// not kept (another day, or evicted): computed again, still 304
		this.version.set("v2");
		MockHttpServletResponse computed = get("/api/exposure?consumer=EU", "If-None-Match", "\"x\", W/" + etag);
		assertThat(computed.getStatus()).isEqualTo(304);
		assertThat(this.calls).containsExactly("null", "null");
		assertThat(get("/api/exposure?consumer=EU", "If-None-Match", "\"other\"").getStatus()).isEqualTo(200);
	}

	@Test
	void gzipWhereTheClientAcceptsIt() throws Exception {
		MockHttpServletResponse zipped = get("/api/minerals/gallium/concentration", "Accept-Encoding",
				"br;q=1, gzip;q=0.8");
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(zipped.getContentAsByteArray().length).isLessThan(this.body.length());
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.getContentAsByteArray()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(this.body);
		}
		MockHttpServletResponse plain = get("/api/minerals/gallium/concentration", "Accept-Encoding", "gzip;q=0, *");
		assertThat(plain.getHeader("Content-Encoding")).isNull();
		assertThat(plain.getContentAsString()).isEqualTo(this.body);
		assertThat(zipped.getHeader("ETag")).isNotEqualTo(plain.getHeader("ETag"));
		assertThat(get("/api/minerals/gallium/concentration", "Accept-Encoding", "*").getHeader("Content-Encoding"))
			.isEqualTo("gzip");
		// either form's tag is the answer
		assertThat(get("/api/minerals/gallium/concentration", "If-None-Match", zipped.getHeader("ETag")).getStatus())
			.isEqualTo(304);
		assertThat(this.calls).hasSize(1);
	}

	@Test
	void theGzipFormIsMadeWhenAClientThatAcceptsGzipFirstAsksAndIsThenWeighed() throws Exception {
		String uri = "/api/minerals/gallium/concentration";
		assertThat(get(uri).getHeader("Content-Encoding")).isNull();
		long plain = this.cache.weightedSize();
		assertThat(get(uri).getHeader("Content-Encoding")).isNull();
		// no client asked for gzip: none was made, the weight is the body's and headers'
		assertThat(this.cache.weightedSize()).isEqualTo(plain);
		MockHttpServletResponse zipped = get(uri, "Accept-Encoding", "gzip");
		assertThat(zipped.getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(this.cache.weightedSize()).isEqualTo(plain + zipped.getContentAsByteArray().length);
		assertThat(get(uri, "Accept-Encoding", "gzip").getContentAsByteArray())
			.isEqualTo(zipped.getContentAsByteArray());
		assertThat(this.cache.weightedSize()).isEqualTo(plain + zipped.getContentAsByteArray().length);
		assertThat(this.calls).hasSize(1);
	}

	@Test
	void errorsAreWrittenAsTheyCameAndNotKept() throws Exception {
		this.status = 400;
		this.body = "{\"detail\":\"Parameter 'year' must be between 1900 and 2100, not -1\"}";
		MockHttpServletResponse first = get("/api/exposure/trend?consumer=EU&year=-1");
		get("/api/exposure/trend?consumer=EU&year=-1");
		assertThat(first.getStatus()).isEqualTo(400);
		assertThat(first.getContentAsString()).isEqualTo(this.body);
		assertThat(first.getHeader("ETag")).isEqualTo("\"handler's own\"");
		assertThat(this.calls).hasSize(2);
	}

	@Test
	void aNewDataVersionAnotherAcceptOrOtherParametersAreAnotherAnswer() throws Exception {
		get("/api/chains/ndfeb-magnet?consumer=EU");
		get("/api/chains/ndfeb-magnet?consumer=EU", "Accept", "text/csv");
		get("/api/chains/ndfeb-magnet?consumer=US");
		get("/api/chains/ndfeb-magnet?consumer=EU&consumer=US");
		assertThat(this.calls).hasSize(4);
		this.version.set("v2");
		get("/api/chains/ndfeb-magnet?consumer=EU");
		assertThat(this.calls).hasSize(5);
		get("/api/chains/ndfeb-magnet?consumer=EU");
		assertThat(this.calls).hasSize(5);
	}

	@Test
	void otherPathsAndMethodsAreLeftAlone() throws Exception {
		get("/api/products?page=0");
		MockHttpServletResponse again = get("/api/products?page=0");
		assertThat(this.calls).hasSize(2);
		assertThat(again.getHeader("ETag")).isEqualTo("\"handler's own\"");
		MockHttpServletRequest head = new MockHttpServletRequest("HEAD", "/api/spof");
		assertThat(this.filter.shouldNotFilter(head)).isTrue();
		for (String kept : List.of("/api/spof", "/api/exposure/matrix", "/api/products/ndfeb-magnet",
				"/api/minerals/gallium", "/api/minerals/gallium/concentration", "/api/countries/CHN")) {
			assertThat(this.filter.shouldNotFilter(new MockHttpServletRequest("GET", kept))).as(kept).isFalse();
		}
		for (String lists : List.of("/api/minerals", "/api/countries", "/api/measures", "/api/minerals/gallium/x/y")) {
			assertThat(this.filter.shouldNotFilter(new MockHttpServletRequest("GET", lists))).as(lists).isTrue();
		}
	}

	@Test
	void whileTheVersionCantBeReadTheHandlerAnswersAndNothingIsKept() throws Exception {
		String uri = "/api/chains/ndfeb-magnet?consumer=EU";
		MockHttpServletResponse kept = get(uri);
		this.versionUnreadable = true;
		this.status = 503;
		this.body = "{\"title\":\"Database unavailable\"}";
		MockHttpServletResponse down = get(uri);
		assertThat(down.getStatus()).as("not the answer kept of a version that can't be checked").isEqualTo(503);
		assertThat(down.getContentAsString()).isEqualTo(this.body);
		assertThat(down.getHeader("ETag")).isEqualTo("\"handler's own\"");
		get("/api/spof?consumer=EU");
		assertThat(this.calls).hasSize(3);
		assertThat(this.cache.size()).isEqualTo(1);
		this.versionUnreadable = false;
		this.status = 200;
		assertThat(get(uri).getHeader("ETag")).isEqualTo(kept.getHeader("ETag"));
		assertThat(this.calls).as("answered again from the bytes kept").hasSize(3);
	}

	@Test
	void aCapturedBodyWrittenInManyPiecesIsKeptWhole() throws IOException {
		// larger than the capture's first pieces (1 kB, then doubling), in runs of many
		// sizes with single bytes between them
		byte[] data = new byte[200_000];
		new Random(7).nextBytes(data);
		ByteArrayOutputStream expected = new ByteArrayOutputStream();
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(new MockHttpServletResponse());
		int at = 0;
		for (int run = 1; at < data.length; run = run * 3 % 9973 + 1) {
			int n = Math.min(run, data.length - at);
			captured.getOutputStream().write(data, at, n);
			expected.write(data, at, n);
			captured.getOutputStream().write(data[at]);
			expected.write(data[at]);
			at += n;
		}
		assertThat(AnswerCacheFilter.body(captured)).isEqualTo(expected.toByteArray());
		assertThat(AnswerCacheFilter.body(captured)).as("taken again: the capture is left whole")
			.isEqualTo(expected.toByteArray());
	}

	@Test
	void acceptEncodingIsReadAsRfc9110Says() {
		assertThat(acceptsGzip("gzip")).isTrue();
		assertThat(acceptsGzip("deflate, gzip;q=0.5")).isTrue();
		assertThat(acceptsGzip("gzip;q=0")).isFalse();
		assertThat(acceptsGzip("*;q=0")).isFalse();
		assertThat(acceptsGzip("identity")).isFalse();
		assertThat(acceptsGzip("gzip;q=abc")).isFalse();
		assertThat(acceptsGzip(null)).isFalse();
	}

	private static boolean acceptsGzip(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/spof");
		if (header != null) {
			request.addHeader("Accept-Encoding", header);
		}
		return AnswerCacheFilter.acceptsGzip(request);
	}

}
