package org.chokepoint.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the application's own warm-up requests apart: they carry {@link #HEADER} with a
 * token drawn at random when the application starts and known only to it, so no client
 * can pass for one. A warm-up request runs the whole request path, as any other, but
 * nothing it computes is kept (the answer cache and the analyses' caches pass it by) and
 * the rate limit does not count it. A wrong token is a plain request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class WarmUpRequests extends OncePerRequestFilter {

	/** The header a warm-up request carries its token in. */
	public static final String HEADER = "X-Chokepoint-Warm-Up";

	/**
	 * The request attribute this filter sets on every request: its kind, {@link #ANALYST}
	 * or {@link #WARM_UP}.
	 */
	static final String ATTRIBUTE = WarmUpRequests.class.getName();

	/** The kind of an analyst's request (any request but the warm-up's): 0. */
	public static final int ANALYST = 0;

	/** The kind of a warm-up request: 1. */
	public static final int WARM_UP = 1;

	private static final Integer ANALYST_KIND = ANALYST;

	private static final Integer WARM_UP_KIND = WARM_UP;

	private final byte[] token;

	private final String text;

	WarmUpRequests() {
		byte[] random = new byte[16];
		new SecureRandom().nextBytes(random);
		this.text = HexFormat.of().formatHex(random);
		this.token = this.text.getBytes(StandardCharsets.US_ASCII);
	}

	/** The token the warm-up sends in {@link #HEADER}. */
	public String token() {
		return this.text;
	}

	/** Whether {@code request} is a warm-up request. */
	public static boolean isWarmUp(HttpServletRequest request) {
		return kind(request) == WARM_UP;
	}

	/**
	 * The kind of {@code request}: {@link #WARM_UP} or {@link #ANALYST}, as an index into
	 * what is kept apart per kind. Callers pick by it, not by a branch on
	 * {@link #isWarmUp}: the warm-up takes one side only, so the JIT compiled the other
	 * as a trap, and an analyst's first questions after a start threw away the compiled
	 * code of the answer cache and the caching of analyses (docs/performance.md).
	 */
	public static int kind(HttpServletRequest request) {
		return (request.getAttribute(ATTRIBUTE) instanceof Integer kind) ? kind : ANALYST;
	}

	/**
	 * The kind ({@link #kind}) of the request this thread is answering; {@link #ANALYST}
	 * outside a request.
	 */
	public static int currentKind() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes != null
				&& attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Integer kind) ? kind
						: ANALYST;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		boolean warmUp = given != null && MessageDigest.isEqual(this.token, given.getBytes(StandardCharsets.US_ASCII));
		request.setAttribute(ATTRIBUTE, warmUp ? WARM_UP_KIND : ANALYST_KIND);
		chain.doFilter(request, response);
	}

}
