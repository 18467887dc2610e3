package org.chokepoint.atlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.chokepoint.browser.BrowserLinks;
import org.chokepoint.web.NotFoundException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /} for anyone but Neo4j Browser (whose JSON request is more specific and
 * goes to the discovery answer): the atlas page, with the Browser's connect path filled
 * in; and {@code GET /atlas/queries/{name}.cypher}: the Browser queries the page links
 * to, the same files the services run.
 */
@RestController
class AtlasController {

	private static final Pattern QUERY_NAME = Pattern.compile("[a-z][a-z0-9-]*");

	private final String page;

	AtlasController(BrowserLinks links) {
		// the connect path depends on the database's address only, which is fixed at
		// start-up
		this.page = read("atlas/index.html").replace("{{browserConnectPath}}",
				HtmlUtils.htmlEscape(links.connectPath()));
	}

	@GetMapping("/")
	ResponseEntity<String> page() {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(this.page);
	}

	@GetMapping(path = "/atlas/queries/{name}.cypher")
	ResponseEntity<String> query(@PathVariable String name) {
		ClassPathResource file = new ClassPathResource("cypher/queries/" + name + ".cypher");
		// the name is checked before it reaches the classpath: no dots, no slashes
		if (!QUERY_NAME.matcher(name).matches() || !file.exists()) {
			throw new NotFoundException("Browser query", name);
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.body(read(file.getPath()));
	}

	private static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path + " from the classpath", ex);
		}
	}

}
