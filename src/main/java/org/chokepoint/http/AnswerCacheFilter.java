package org.chokepoint.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves the analyses' GET answers, and the other pure reads of {@link #PATHS}, from
 * {@link AnswerCache} as the bytes they were written as: a warm answer is neither
 * computed nor serialised again. The key is the data version ({@link AnswerVersion}),
 * today's date (the defaults of {@code year} and {@code asOf} move with it), the path,
 * the query parameters sorted by name and the {@code Accept} header. Only 200 answers are
 * kept; an error is written as it came.
 *
 * <p>
 * Every answer carries a strong ETag (a hash of its body,
 * {@link AnswerCache.Answer#hash}, with {@code -gzip} for the gzip form),
 * {@code Cache-Control: no-cache} (a client may keep it, and asks again with
 * {@code If-None-Match}, answered 304 without a body) and
 * {@code Vary: Accept, Accept-Encoding}. A client that accepts gzip gets the gzip form
 * kept with the answer (Tomcat's own compression would skip an answer with a strong
 * ETag). Runs after Spring Security's filters, so what they add (CORS, security headers)
 * is added to every answer, cached or not.
 *
 * <p>
 * The application's own warm-up requests ({@link WarmUpRequests}) have answers of their
 * own, apart from analysts': kept in a second cache of the same kind, no larger than the
 * largest answer may be ({@code max-answer-size}), which no other request reads. The
 * warm-up asks its last questions again and again from there, so that the JVM has
 * compiled a warm answer's path before an analyst asks; an analyst's first ask of a pair
 * is still computed.
 */
@Component
@Order(0)
class AnswerCacheFilter extends OncePerRequestFilter {

	/**
	 * The pure reads whose answers are kept: the analyses, a country's or bloc's details
	 * (every output fact it has, read from the database: 8 to 12 ms at the benchmark's I
	 * tier), a mineral's and a product's details (their facts and every buyer's sourcing
	 * rows: 36 to 48 ms asked again at I, over a second at M) and the data report (its
	 * queries read the whole graph: about a second at M). The paged lists are not kept.
	 */
	static final List<String> PATHS = List.of("/api/chains/**", "/api/exposure", "/api/exposure/**", "/api/spof",
			"/api/minerals/*", "/api/minerals/*/concentration", "/api/products/*", "/api/countries/*",
			"/api/data/report");

	/** Headers that are the filter's to set, or never to be kept. */
	private static final Set<String> NOT_KEPT = Set.of("content-length", "etag", "cache-control", "vary",
			"content-encoding", "transfer-encoding", "date", "pragma", "expires", "set-cookie", "last-modified");

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final AnswerCache cache;

	/** The warm-up requests' own answers: no analyst's request reads them. */
	private final AnswerCache warmUpAnswers;

	/** The answers per {@link WarmUpRequests#kind}: analysts', the warm-up's. */
	private final AnswerCache[] byKind;

	private final AnswerVersion version;

	private final boolean enabled;

	AnswerCacheFilter(AnswerCache cache, AnswerVersion version, AnswerCacheProperties properties) {
		this.cache = cache;
		this.warmUpAnswers = new AnswerCache(properties.maxAnswerSize().toBytes(),
				properties.maxAnswerSize().toBytes());
		this.byKind = new AnswerCache[] { cache, this.warmUpAnswers };
		this.version = version;
		this.enabled = properties.enabled();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!this.enabled || !"GET".equals(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return PATHS.stream().noneMatch(pattern -> MATCHER.match(pattern, path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String version = readVersion();
		if (version == null) {
			// the version can't be read (the database is unreachable): nothing kept is
			// served or kept, and the handler answers as it can (a 503 while the
			// database is down)
			chain.doFilter(request, response);
			return;
		}
		String key = key(version, LocalDate.now(), request);
		// a warm-up request's answer is kept apart, where only warm-up requests look
		// (picked by index: one path for both kinds, see WarmUpRequests.kind)
		AnswerCache cache = this.byKind[WarmUpRequests.kind(request)];
		AnswerCache.Answer answer = cache.get(key);
		if (answer != null) {
			writeAndReweigh(cache, key, answer, true, request, response);
			return;
		}
		Set<String> before = new HashSet<>(response.getHeaderNames());
		ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
		long started = System.nanoTime();
		chain.doFilter(new Unconditional(request), captured);
		long cost = System.nanoTime() - started;
		if (captured.getStatus() != HttpServletResponse.SC_OK || response.isCommitted()) {
			captured.copyBodyToResponse();
			return;
		}
		answer = AnswerCache.Answer.of(handlerHeaders(captured, before), body(captured), cost);
		if (version.equals(readVersion())) {
			// an answer computed across a change of version is served, not kept
			cache.put(key, answer);
		}
		writeAndReweigh(cache, key, answer, false, request, response);
	}

	/**
	 * The captured body, copied once from the wrapper's pieces into an array of its size
	 * ({@code getContentAsByteArray} joins the pieces into one array and then copies
	 * that: two copies of a 90 kB answer).
	 */
	static byte[] body(ContentCachingResponseWrapper captured) throws IOException {
		byte[] body = new byte[captured.getContentSize()];
		try (InputStream in = captured.getContentInputStream()) {
			if (in.readNBytes(body, 0, body.length) != body.length) {
				throw new IllegalStateException("the captured answer is shorter than its size");
			}
		}
		return body;
	}

	/** The data version now; null when it can't be read. */
	private String readVersion() {
		try {
			return this.version.current();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The warm-up requests' own answers. */
	AnswerCache warmUpAnswers() {
		return this.warmUpAnswers;
	}

	/**
	 * Writes {@code answer}; when that made its gzip form, puts it again so that
	 * {@code cache} weighs it with its gzip form.
	 */
	private static void writeAndReweigh(AnswerCache cache, String key, AnswerCache.Answer answer, boolean replay,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		boolean hadGzip = answer.hasGzip();
		write(answer, replay, request, response);
		if (!hadGzip && answer.hasGzip() && cache.get(key) == answer) {
			cache.put(key, answer);
		}
	}

	/**
	 * The cache key: version, date, path, the query parameters sorted by name (values in
	 * their order), and the {@code Accept} header.
	 */
	static String key(String version, LocalDate today, HttpServletRequest request) {
		StringBuilder key = new StringBuilder(128).append(version)
			.append('\n')
			.append(today)
			.append('\n')
			.append(request.getRequestURI())
			.append('?');
		Map<String, String[]> sorted = new TreeMap<>(request.getParameterMap());
		sorted.forEach((name, values) -> {
			for (String value : values) {
				key.append(name.length())
					.append(':')
					.append(name)
					.append('=')
					.append(value.length())
					.append(':')
					.append(value)
					.append('&');
			}
		});
		key.append('\n').append(String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT))));
		return key.toString();
	}

	/** The headers the handler set, in order, without those this filter sets. */
	private static List<Map.Entry<String, String>> handlerHeaders(HttpServletResponse response, Set<String> before) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (String name : new LinkedHashSet<>(response.getHeaderNames())) {
			if (!before.contains(name) && !NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
				response.getHeaders(name).forEach(value -> headers.add(Map.entry(name, value)));
			}
		}
		if (response.getContentType() != null
				&& headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
			headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
		}
		return headers;
	}

	/**
	 * Writes {@code answer}: 304 when the client holds it, else its body, gzipped when
	 * the client accepts gzip and there is a gzip form.
	 * @param replay whether the handler's headers must be set again (a cached answer)
	 */
	static void write(AnswerCache.Answer answer, boolean replay, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		boolean gzip = answer.gzippable() && acceptsGzip(request);
		response.setHeader(HttpHeaders.ETAG, gzip ? answer.gzipEtag() : answer.etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
		response.setHeader(HttpHeaders.VARY, vary(response));
		if (replay) {
			Set<String> set = new HashSet<>();
			for (Map.Entry<String, String> header : answer.headers()) {
				if (set.add(header.getKey())) {
					response.setHeader(header.getKey(), header.getValue());
				}
				else {
					response.addHeader(header.getKey(), header.getValue());
				}
			}
		}
		if (holds(request, answer)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
		byte[] body = answer.body();
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
			body = answer.gzip();
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
	}

	/**
	 * {@code Vary}: what was there (CORS adds {@code Origin}) and Accept,
	 * Accept-Encoding.
	 */
	private static String vary(HttpServletResponse response) {
		Set<String> names = new LinkedHashSet<>();
		for (String value : response.getHeaders(HttpHeaders.VARY)) {
			for (String name : value.split(",")) {
				if (!name.isBlank()) {
					names.add(name.strip());
				}
			}
		}
		names.add(HttpHeaders.ACCEPT);
		names.add(HttpHeaders.ACCEPT_ENCODING);
		return String.join(", ", names);
	}

	/** Whether {@code If-None-Match} names the answer (either form; weak comparison). */
	static boolean holds(HttpServletRequest request, AnswerCache.Answer answer) {
		for (String header : Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
			for (String tag : header.split(",")) {
				String t = tag.strip();
				if (t.startsWith("W/")) {
					t = t.substring(2);
				}
				if (t.equals("*") || t.equals(answer.etag()) || t.equals(answer.gzipEtag())) {
					return true;
				}
			}
		}
		return false;
	}

	/** Whether {@code Accept-Encoding} allows gzip (named or {@code *}, not at q=0). */
	static boolean acceptsGzip(HttpServletRequest request) {
		boolean star = false;
		Boolean named = null;
		for (String header : Collections.list(request.getHeaders(HttpHeaders.ACCEPT_ENCODING))) {
			for (String coding : header.split(",")) {
				String[] parts = coding.split(";");
				String name = parts[0].strip().toLowerCase(Locale.ROOT);
				boolean allowed = true;
				for (int i = 1; i < parts.length; i++) {
					String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
					if (parameter.startsWith("q=")) {
						try {
							allowed = Double.parseDouble(parameter.substring(2)) > 0;
						}
						catch (NumberFormatException ex) {
							allowed = false;
						}
					}
				}
				if (name.equals("gzip") || name.equals("x-gzip")) {
					named = allowed;
				}
				else if (name.equals("*")) {
					star = allowed;
				}
			}
		}
		return (named != null) ? named : star;
	}

	/**
	 * The request without its conditions: the handler always writes the whole answer,
	 * this filter answers the conditions.
	 */
	private static final class Unconditional extends HttpServletRequestWrapper {

		private static final Set<String> HIDDEN = Set.of("if-none-match", "if-modified-since");

		Unconditional(HttpServletRequest request) {
			super(request);
		}

		private static boolean hidden(String name) {
			return HIDDEN.contains(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public String getHeader(String name) {
			return hidden(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public long getDateHeader(String name) {
			return hidden(name) ? -1 : super.getDateHeader(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
			names.removeIf(Unconditional::hidden);
			return Collections.enumeration(names);
		}

	}

}
