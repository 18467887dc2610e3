package org.chokepoint.datareport;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/data/report}: counts, coverage per mineral, disagreements, unknown shares, sources without a URL. */
@RestController
class DataReportController {

	private final DataReportService service;

	DataReportController(DataReportService service) {
		this.service = service;
	}

	@Operation(summary = "What the knowledge base holds: counts, coverage per mineral (and its gaps), "
			+ "facts where sources disagree, shares that fall back to the unknown supplier, sources without a URL")
	@GetMapping("/api/data/report")
	DataReport report() {
		return this.service.report();
	}

}
