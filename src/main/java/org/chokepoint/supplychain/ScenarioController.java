package org.chokepoint.supplychain;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/scenarios}: what a disruption, or the measures in force on a date,
 * would cut.
 */
@Tag(name = ApiTags.SCENARIOS)
@RestController
class ScenarioController {

	private final ScenarioService service;

	ScenarioController(ScenarioService service) {
		this.service = service;
	}

	@Operation(summary = "What a disruption, or the trade measures in force on a date, would cut", description = """
			The consumers and products hit, ranked by supplyLost (0..1), with before and after figures and the
			items that cause it. Read-only: a scenario never changes the stored graph.""")
	@PostMapping(path = "/api/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
	ScenarioResult run(@Valid @RequestBody ScenarioRequest request) {
		return this.service.run(request);
	}

}
