package org.chokepoint.mineral;

import org.chokepoint.paging.Paged;
import org.chokepoint.paging.Paging;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/minerals")
class MineralController {

	private final MineralService minerals;

	MineralController(MineralService minerals) {
		this.minerals = minerals;
	}

	@Operation(summary = "Minerals by name with the stages the graph has figures for, paged (JSON or CSV)")
	@GetMapping
	Paged<MineralSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.minerals.list(Paging.of(page, size));
	}

	@Operation(summary = "A mineral: its producers per stage and year, with shares and sources")
	@GetMapping("/{id}")
	MineralDetails details(@PathVariable String id) {
		return this.minerals.details(id);
	}

}
