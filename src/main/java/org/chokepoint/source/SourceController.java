package org.chokepoint.source;

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

@Tag(name = ApiTags.SOURCES)
@RestController
@RequestMapping("/api/sources")
class SourceController {

	private final SourceService sources;

	SourceController(SourceService sources) {
		this.sources = sources;
	}

	@Operation(summary = "The sources facts cite, paged (JSON or CSV)",
			description = "Every source of the knowledge base with its publisher, year and quality.")
	@GetMapping
	Paged<SourceSummary> list(@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ApiParameters.SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.sources.list(Paging.of(page, size));
	}

	@Operation(summary = "A source: title, publisher, year, URL, quality, and the facts that cite it",
			description = "A source with its details and every fact that cites it.")
	@GetMapping("/{id}")
	SourceDetails details(@Parameter(description = ApiParameters.SOURCE_ID) @PathVariable String id) {
		return this.sources.details(id);
	}

}
