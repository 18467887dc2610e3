package org.chokepoint.country;

import io.swagger.v3.oas.annotations.Operation;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/blocs}: the blocs, which are consumers and parties like countries. */
@RestController
class BlocController {

	private final CountryService countries;

	BlocController(CountryService countries) {
		this.countries = countries;
	}

	@Operation(summary = "Blocs (consumers and parties like countries) with their member counts, paged")
	@GetMapping("/api/blocs")
	Paged<BlocSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.countries.blocs(Paging.of(page, size));
	}

}
