package org.chokepoint.supplychain;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/scenarios}: what a disruption, or the measures in force on a date, would cut. */
@RestController
class ScenarioController {

	private final ScenarioService service;

	ScenarioController(ScenarioService service) {
		this.service = service;
	}

	@PostMapping("/api/scenarios")
	ScenarioResult run(@RequestBody ScenarioRequest request) {
		return this.service.run(request);
	}

}
