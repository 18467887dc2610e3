package org.chokepoint.importer;

import io.swagger.v3.oas.annotations.Operation;

import java.nio.file.Path;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/admin/import}: imports a folder on the server ({@code dir}), or the shipped data,
 * and answers what was loaded. Admin only. A refused import is a 400 listing every error.
 */
@RestController
class ImportController {

	private final ImportService service;

	ImportController(ImportService service) {
		this.service = service;
	}

	@Operation(summary = "Import a folder of CSV files (admin only)", description = """
			Validates every file first; with any error nothing is written and the answer lists every error
			(file:line:column). Without dir, imports the data shipped with the application.""")
	@PostMapping("/api/admin/import")
	ImportReport importFolder(@RequestParam(required = false) String dir) {
		return dir == null || dir.isBlank() ? this.service.importShipped() : this.service.importDirectory(Path.of(dir));
	}

}
