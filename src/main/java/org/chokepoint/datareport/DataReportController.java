package org.chokepoint.datareport;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
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
			+ "the HS codes and conversion factors used, and the countries treated as pure re-exporters",
			description = "Each list is a query of cypher/queries/ (coverage, disagreements, unknown-shares, "
					+ "sources-without-url, buyers-with-sourcing, mix-assumptions, hs-codes, pure-re-exporters) "
					+ "that runs in Neo4j Browser as it is.")
	@GetMapping("/api/data/report")
	DataReport report() {
		return this.service.report();
	}

}
