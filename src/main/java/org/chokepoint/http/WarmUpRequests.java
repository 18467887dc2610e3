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

	/** The request attribute set on a warm-up request. */
	static final String ATTRIBUTE = WarmUpRequests.class.getName();

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
		return request.getAttribute(ATTRIBUTE) != null;
	}

	/** Whether the request this thread is answering is a warm-up request. */
	public static boolean current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes != null && attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) != null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		if (given != null && MessageDigest.isEqual(this.token, given.getBytes(StandardCharsets.US_ASCII))) {
			request.setAttribute(ATTRIBUTE, Boolean.TRUE);
		}
		chain.doFilter(request, response);
	}

}
