package org.chokepoint.supplychain;

import io.swagger.v3.oas.annotations.media.Schema;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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

	private final ScenarioLimits limits;

	private final JsonMapper json;

	ScenarioController(ScenarioService service, ScenarioLimits limits, JsonMapper json) {
		this.service = service;
		this.limits = limits;
		this.json = json;
	}

	@Operation(summary = "What a disruption, or the trade measures in force on a date, would cut", description = """
			The consumers and products hit, ranked by supplyLost (0..1), with before and after figures and the
			items that cause it. Read-only: a scenario never changes the stored graph. Bounded: at most 100 items
			or targets per disruption, 50 disruptions and 50 consumers (400 naming the field), and a 2 MB answer
			(422); chokepoint.scenario.*.""")
	@PostMapping(path = "/api/scenarios", consumes = MediaType.APPLICATION_JSON_VALUE)
	ScenarioResult run(@Valid @RequestBody ScenarioRequest request) {
		this.limits.check(request);
		ScenarioResult result = this.service.run(request);
		long size = this.json.writeValueAsBytes(result).length;
		long maximum = this.limits.maxAnswerSize().toBytes();
		if (size > maximum) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
					"The answer would be " + size + " bytes, more than " + maximum
							+ " (chokepoint.scenario.max-answer-size); name fewer consumers or disruptions.");
			problem.setTitle("Answer too large");
			problem.setProperty("limit", "chokepoint.scenario.max-answer-size");
			problem.setProperty("maxBytes", maximum);
			throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
		}
		return result;
	}

}
