package org.chokepoint.browser;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /browser/}: bare (no query), as the README and the atlas link it, it
 * redirects to the start link ({@link BrowserLinks#startPath(String)}): the connect form
 * with the Bolt address and the user filled in, and the Chokepoint guide played once
 * connected (not Neo4j's own Movies guide), for whatever host name the user came by
 * ({@code localhost}, {@code 127.0.0.1}: the guide's address names a loopback host as
 * {@code localhost}, which the Browser allows). With a query (the start link itself, or
 * any link of the user's own) it serves the Browser's {@code index.html} as it is.
 */
@Hidden
@Controller
class BrowserStartController {

	private final BrowserLinks links;

	BrowserStartController(BrowserLinks links) {
		this.links = links;
	}

	@GetMapping(BrowserLinks.BROWSER_PATH)
	String start(HttpServletRequest request) {
		if (request.getQueryString() == null || request.getQueryString().isBlank()) {
			String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
			return "redirect:" + this.links.startPath(base);
		}
		return "forward:" + BrowserLinks.BROWSER_PATH + "index.html";
	}

}
