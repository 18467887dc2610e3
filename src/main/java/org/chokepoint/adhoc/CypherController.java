package org.chokepoint.adhoc;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/cypher}: an analyst's ad-hoc read query, answered as columns and rows.
 */
@Tag(name = ApiTags.CYPHER)
@RestController
class CypherController {

	private final CypherRequestReader reader;

	private final AdhocCypherService service;

	CypherController(CypherRequestReader reader, AdhocCypherService service) {
		this.reader = reader;
		this.service = service;
	}

	@Operation(summary = "Run an ad-hoc read-only Cypher query, answered as columns and rows",
			description = "The body holds the `query` and its `parameters`; a query that writes, or runs too long, is refused.")
	@PostMapping(path = "/api/cypher", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	CypherResponse run(HttpServletRequest request) throws IOException {
		return this.service.run(this.reader.read(request));
	}

}
