package org.chokepoint.supplychain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/minerals/{id}/concentration}: HHI, top-3 and China share per stage. */
@RestController
class ConcentrationController {

	private final ConcentrationService service;

	ConcentrationController(ConcentrationService service) {
		this.service = service;
	}

	@Operation(summary = "HHI, top-3 and China share of world output of a mineral, per stage")
	@ApiResponse(responseCode = "200", description = "Per stage",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = Concentration.class),
					examples = @ExampleObject(name = "gallium", summary = ApiExamples.CONCENTRATION_SUMMARY,
							value = ApiExamples.CONCENTRATION)))
	@GetMapping("/api/minerals/{id}/concentration")
	Concentration concentration(@PathVariable @ParameterRules.Key String id,
			@RequestParam(required = false) @ParameterRules.Year Integer year) {
		return this.service.of(id.strip(), (year != null) ? year : java.time.LocalDate.now().getYear());
	}

}
