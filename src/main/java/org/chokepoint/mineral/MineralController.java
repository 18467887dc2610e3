package org.chokepoint.mineral;

import org.chokepoint.lookup.Items;
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

@Tag(name = ApiTags.MINERALS)
@RestController
@RequestMapping("/api/minerals")
class MineralController {

	private final MineralService minerals;

	private final Items items;

	MineralController(MineralService minerals, Items items) {
		this.minerals = minerals;
		this.items = items;
	}

	@Operation(summary = "Minerals by name with the stages the graph has figures for, paged (JSON or CSV)",
			description = "Every mineral with its id, ordered by name, and the stages (MINING, REFINING) with output figures.")
	@GetMapping
	Paged<MineralSummary> list(@Parameter(description = ApiParameters.PAGE) @RequestParam(defaultValue = "0") int page,
			@Parameter(description = ApiParameters.SIZE) @RequestParam(
					defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.minerals.list(Paging.of(page, size));
	}

	@Operation(summary = "A mineral: its producers per stage and year, with shares and sources",
			description = "The producing countries of a mineral per stage and year, with tonnes, world shares and the source of each fact.")
	@GetMapping("/{id}")
	MineralDetails details(@Parameter(description = ApiParameters.MINERAL_ID) @PathVariable String id) {
		return this.minerals.details(this.items.mineral(id));
	}

}
