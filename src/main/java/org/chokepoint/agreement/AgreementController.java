package org.chokepoint.agreement;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ApiTags.AGREEMENTS)
@RestController
@RequestMapping("/api/agreements")
class AgreementController {

	private final AgreementService agreements;

	AgreementController(AgreementService agreements) {
		this.agreements = agreements;
	}

	@Operation(summary = "Agreements with their dates, paged (JSON or CSV)",
			description = "Every agreement between countries and blocs, with the dates it is in force.")
	@GetMapping
	Paged<AgreementSummary> list(
			@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page, @Parameter(
					description = ApiParameters.SIZE) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.agreements.list(Paging.of(page, size));
	}

	@Operation(summary = "An agreement: its parties and what it covers",
			description = "An agreement with its parties, the minerals it covers, its dates and source.")
	@GetMapping("/{id}")
	AgreementDetails details(@Parameter(description = ApiParameters.AGREEMENT_ID) @PathVariable String id) {
		return this.agreements.details(id);
	}

}
