package org.chokepoint.source;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/sources")
class SourceController {

	private final SourceService sources;

	SourceController(SourceService sources) {
		this.sources = sources;
	}

	@Operation(summary = "The sources facts cite, paged (JSON or CSV)")
	@GetMapping
	Paged<SourceSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.sources.list(Paging.of(page, size));
	}

	@Operation(summary = "A source: title, publisher, year, URL, quality, and the facts that cite it")
	@GetMapping("/{id}")
	SourceDetails details(@PathVariable String id) {
		return this.sources.details(id);
	}

}
