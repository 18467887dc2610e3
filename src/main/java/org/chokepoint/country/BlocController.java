package org.chokepoint.country;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/blocs}: the blocs, which are consumers and parties like countries. */
@Tag(name = ApiTags.COUNTRIES)
@RestController
class BlocController {

	private final CountryService countries;

	BlocController(CountryService countries) {
		this.countries = countries;
	}

	@Operation(summary = "Blocs (consumers and parties like countries) with their member counts, paged",
			description = "The blocs (EU, ...), which can be consumers of an analysis and parties of agreements like countries.")
	@GetMapping("/api/blocs")
	Paged<BlocSummary> list(@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ApiParameters.SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.countries.blocs(Paging.of(page, size));
	}

}
