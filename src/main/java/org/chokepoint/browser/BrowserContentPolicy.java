package org.chokepoint.browser;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Neo4j Browser on this machine: every answer under {@code /browser/} carries a
 * {@code Content-Security-Policy} that lets the page load scripts, styles, fonts and
 * images only from the application, and connect only to the application, the loopback
 * names ({@code localhost}, {@code 127.0.0.1}: the guide's address, whichever name the
 * page was opened at) and the database's Bolt host. The Browser bundle still holds its
 * analytics, error reporting, changelog and font hosts (Segment, Sentry, Canny, Google
 * Fonts and the like); the user's browser refuses to contact them, whatever the Browser's
 * settings. Checked in a real browser by {@code BrowserStartIT}.
 */
@Component
class BrowserContentPolicy extends OncePerRequestFilter {

	static final String HEADER = "Content-Security-Policy";

	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

	private final String policy;

	BrowserContentPolicy(BrowserLinks links) {
		this.policy = policy(links.boltDirect().getHost());
	}

	/** The policy, with the Bolt host's WebSocket addresses allowed. */
	static String policy(String boltHost) {
		Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
		hosts.add(boltHost);
		StringBuilder connect = new StringBuilder("'self'");
		for (String scheme : List.of("http", "https", "ws", "wss")) {
			hosts.forEach(host -> connect.append(' ').append(scheme).append("://").append(host).append(":*"));
		}
		return String.join("; ", "default-src 'self'", "script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:",
				"style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self' data:",
				"media-src 'self' data: blob:", "worker-src 'self' blob:", "child-src 'self' blob:", "frame-src 'self'",
				"connect-src " + connect, "object-src 'none'", "base-uri 'self'");
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !path.startsWith(BrowserLinks.BROWSER_PATH);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(HEADER, this.policy);
		chain.doFilter(request, response);
	}

}
