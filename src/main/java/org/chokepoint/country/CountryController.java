package org.chokepoint.country;

import org.chokepoint.lookup.Parties;
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

@Tag(name = ApiTags.COUNTRIES)
@RestController
@RequestMapping("/api/countries")
class CountryController {

	private final CountryService countries;

	private final Parties parties;

	CountryController(CountryService countries, Parties parties) {
		this.countries = countries;
		this.parties = parties;
	}

	@Operation(summary = "Countries by name, paged (JSON, or CSV with Accept: text/csv)",
			description = "Every country of the knowledge base with its ISO3 code, ordered by name.")
	@GetMapping
	Paged<CountrySummary> list(@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ApiParameters.SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.countries.list(Paging.of(page, size));
	}

	@Operation(summary = "A country: its memberships, agreements and output facts with year and source",
			description = "A country or a bloc with what the graph knows of it: the blocs it belongs to, its agreements and its output facts, each with year and source.")
	@GetMapping("/{iso3}")
	CountryDetails details(@Parameter(description = ApiParameters.COUNTRY_ISO3) @PathVariable String iso3) {
		return this.countries.details(this.parties.country(iso3));
	}

}
