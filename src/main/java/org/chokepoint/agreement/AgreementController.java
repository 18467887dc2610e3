package org.chokepoint.agreement;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/agreements")
class AgreementController {

	private final AgreementService agreements;

	AgreementController(AgreementService agreements) {
		this.agreements = agreements;
	}

	@Operation(summary = "Agreements with their dates, paged (JSON or CSV)")
	@GetMapping
	Paged<AgreementSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.agreements.list(Paging.of(page, size));
	}

	@Operation(summary = "An agreement: its parties and what it covers")
	@GetMapping("/{id}")
	AgreementDetails details(@PathVariable String id) {
		return this.agreements.details(id);
	}

}
