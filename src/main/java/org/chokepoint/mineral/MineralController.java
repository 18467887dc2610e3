package org.chokepoint.mineral;

import org.chokepoint.system.Paged;
import org.chokepoint.system.Paging;

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

	@GetMapping
	Paged<MineralSummary> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
		return this.minerals.list(Paging.of(page, size));
	}

	@GetMapping("/{id}")
	MineralDetails details(@PathVariable String id) {
		return this.minerals.details(id);
	}

}
