package org.chokepoint.datareport;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/data/report}: counts, coverage per mineral, disagreements, unknown
 * shares, sources without a URL, buyers with their own sourcing, the assumptions their
 * mixes rest on, the HS codes and factors used, and the pure re-exporters.
 */
@Tag(name = ApiTags.DATA)
@RestController
class DataReportController {

	private final DataReportService service;

	DataReportController(DataReportService service) {
		this.service = service;
	}

	@Operation(summary = "What the knowledge base holds: counts, coverage per mineral (and its gaps), "
			+ "facts where sources disagree, shares that fall back to the unknown supplier, sources without a URL, "
			+ "buyers with a supply mix of their own (direct and traced), the assumptions their mixes rest on, "
			+ "the HS codes and conversion factors used, the countries treated as pure re-exporters, and the "
			+ "import's data warnings",
			description = "Each list is a query of cypher/queries/ (coverage, disagreements, unknown-shares, "
					+ "sources-without-url, buyers-with-sourcing, mix-assumptions, hs-codes, pure-re-exporters, "
					+ "data-warnings) " + "that runs in Neo4j Browser as it is.")
	@ApiResponse(responseCode = "200",
			description = "The whole report, or the one section asked for (CSV: without a section, the index of "
					+ "the sections)",
			content = @Content(mediaType = "application/json",
					schema = @Schema(oneOf = { DataReport.class, DataReportSection.class })))
	@GetMapping("/api/data/report")
	Object report(@Parameter(description = "one section only (its rows, in JSON or CSV): nodes, relationships, "
			+ "coverage, disagreements, unknown-shares, sources-without-url, buyers-with-sourcing, "
			+ "mix-assumptions, hs-codes, pure-re-exporters, data-warnings") @RequestParam(
					required = false) String section) {
		return (section == null) ? this.service.report() : this.service.section(section);
	}

}
