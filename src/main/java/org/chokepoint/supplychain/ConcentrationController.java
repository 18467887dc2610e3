package org.chokepoint.supplychain;

import org.chokepoint.lookup.Years;
import org.chokepoint.lookup.Items;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/minerals/{id}/concentration}: HHI, top-3 and China share per stage. */
@Tag(name = ApiTags.CHAINS)
@RestController
class ConcentrationController {

	private final ConcentrationService service;

	private final Items items;

	private final Years years;

	ConcentrationController(ConcentrationService service, Items items, Years years) {
		this.service = service;
		this.items = items;
		this.years = years;
	}

	@Operation(summary = "HHI, top-3 and China share of world output of a mineral, per stage",
			description = "Per stage of a mineral: the Herfindahl-Hirschman index (0..10,000; above 2,500 highly concentrated), the top three producers' share, China's and the unknown share, and the producers, with the year and source of the facts used.")
	@GetMapping("/api/minerals/{id}/concentration")
	Concentration concentration(
			@Parameter(description = ApiParameters.MINERAL_ID) @PathVariable @ParameterRules.Key String id,
			@Parameter(description = ApiParameters.YEAR) @RequestParam(
					required = false) @ParameterRules.Year Integer year) {
		String mineral = this.items.mineral(id);
		this.years.check("year", year);
		return this.service.of(mineral, (year != null) ? year : java.time.LocalDate.now().getYear());
	}

}
