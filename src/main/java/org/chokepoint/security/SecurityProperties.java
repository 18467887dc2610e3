package org.chokepoint.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access settings ({@code chokepoint.security.*}).
 *
 * @param adminUsername the user name for the admin endpoints, HTTP basic (default
 * {@code admin})
 * @param adminPassword the admin's password (default empty, which disables the admin
 * endpoints: every call is refused)
 * @param corsAllowedOrigins origins allowed to call the API from a browser (default
 * empty: none, same origin only)
 * @param adhocRequiresAdmin whether ad-hoc Cypher ({@code POST /api/cypher}) needs the
 * admin's credentials (default false: open, like the other reads); must be true to listen
 * on a non-loopback address ({@code server.address})
 * @param observations whether Spring Security records observations of its own (a timer
 * per filter of its chain per request, its authorizations and authentications; default
 * false: they were a large part of the security chain's time in a profile of answers kept
 * as bytes, no exposed endpoint shows them, and the HTTP request metrics,
 * {@code http.server.requests}, are recorded either way)
 */
@ConfigurationProperties("chokepoint.security")
public record SecurityProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
		@DefaultValue List<String> corsAllowedOrigins, @DefaultValue("false") boolean adhocRequiresAdmin,
		@DefaultValue("false") boolean observations) {
}
