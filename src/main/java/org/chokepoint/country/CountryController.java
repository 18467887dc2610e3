package org.chokepoint.country;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/countries")
class CountryController {

	private final CountryService countries;

	CountryController(CountryService countries) {
		this.countries = countries;
	}

	@Operation(summary = "Countries by name, paged (JSON, or CSV with Accept: text/csv)")
	@GetMapping
	Paged<CountrySummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.countries.list(Paging.of(page, size));
	}

	@Operation(summary = "A country: its memberships, agreements and output facts with year and source")
	@GetMapping("/{iso3}")
	CountryDetails details(@PathVariable String iso3) {
		return this.countries.details(iso3);
	}

}
