package org.chokepoint.measure;

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

@RestController
@RequestMapping("/api/measures")
class MeasureController {

	private final MeasureService measures;

	MeasureController(MeasureService measures) {
		this.measures = measures;
	}

	/** All measures, or with {@code inForceOn=YYYY-MM-DD} those in force on that day. */
	@Operation(summary = "Trade measures by effective date, or those in force on a day, paged (JSON or CSV)")
	@GetMapping
	Paged<MeasureSummary> list(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inForceOn,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.measures.list(inForceOn, Paging.of(page, size));
	}

	@Operation(summary = "A trade measure: its imposer, what it restricts and whom it targets")
	@GetMapping("/{id}")
	MeasureDetails details(@PathVariable String id) {
		return this.measures.details(id);
	}

}
