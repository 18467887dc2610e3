package org.chokepoint.guide;

import io.swagger.v3.oas.annotations.Hidden;
import org.chokepoint.browser.BrowserLinks;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /guide/chokepoint.html}: the Neo4j Browser guide. Any origin may fetch it
 * (see the security configuration's CORS): the Browser start link names the guide at
 * {@code localhost} whichever loopback name the Browser was opened at, since the
 * Browser's default allow-list for remote guides holds {@code localhost}, not
 * {@code 127.0.0.1}.
 */
@Hidden
@RestController
class GuideController {

	@GetMapping(path = BrowserLinks.GUIDE_PATH, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
	String guide() {
		return Guide.html();
	}

}
