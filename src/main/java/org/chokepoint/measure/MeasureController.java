package org.chokepoint.measure;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = ApiTags.MEASURES)
@RestController
@RequestMapping("/api/measures")
class MeasureController {

	private final MeasureService measures;

	MeasureController(MeasureService measures) {
		this.measures = measures;
	}

	/** All measures, or with {@code inForceOn=YYYY-MM-DD} those in force on that day. */
	@Operation(summary = "Trade measures by effective date, or those in force on a day, paged (JSON or CSV)",
			description = "Export bans, licence requirements and other trade measures, with who imposes them and when they are in force.")
	@GetMapping
	Paged<MeasureSummary> list(
			@Parameter(description = ApiParameters.IN_FORCE_ON) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
			@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page, @Parameter(
					description = ApiParameters.SIZE) @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.measures.list(inForceOn, Paging.of(page, size));
	}

	@Operation(summary = "A trade measure: its imposer, what it restricts and whom it targets",
			description = "A trade measure with its imposer, the items and stages it restricts, its targets, dates, status and source.")
	@GetMapping("/{id}")
	MeasureDetails details(@Parameter(description = ApiParameters.MEASURE_ID) @PathVariable String id) {
		return this.measures.details(id);
	}

}
