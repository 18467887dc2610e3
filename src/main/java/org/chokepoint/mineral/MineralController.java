package org.chokepoint.mineral;

import org.chokepoint.lookup.Items;
import org.chokepoint.lookup.Parties;
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

	private final Parties parties;

	MineralController(MineralService minerals, Items items, Parties parties) {
		this.minerals = minerals;
		this.items = items;
		this.parties = parties;
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
			description = "The producing countries of a mineral per stage and year, with tonnes, world shares and the source of each fact; reserves, import reliance, stockpiles, and the buyers' sourcing rows (of one buyer with buyer=).")
	@GetMapping("/{id}")
	MineralDetails details(@Parameter(description = ApiParameters.MINERAL_ID) @PathVariable String id,
			@Parameter(description = ApiParameters.SOURCING_BUYER) @RequestParam(required = false) String buyer) {
		return this.minerals.details(this.items.mineral(id), buyer == null ? null : this.parties.consumer(buyer));
	}

}
