package org.chokepoint.importer;

import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.web.ApiParameters;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import org.chokepoint.web.BadParameterException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code POST /api/admin/import}: imports a folder on the server ({@code dir}), or the
 * shipped data, and answers what was loaded; {@code POST /api/admin/import/trade?dir=}
 * adds (source, year) groups of trade flows to the loaded data and
 * {@code DELETE /api/admin/import/trade?source=&year=} removes one
 * ({@link TradeImportService}). Admin only. A refused import is a 400 listing every
 * error. The request takes no body: one (of any content type) is refused with 415 before
 * anything is imported.
 */
@Tag(name = ApiTags.ADMIN)
@RestController
class ImportController {

	private final ImportService service;

	private final TradeImportService trade;

	ImportController(ImportService service, TradeImportService trade) {
		this.service = service;
		this.trade = trade;
	}

	@Operation(summary = "Import a folder of CSV files (admin only)", description = """
			Validates every file first; with any error nothing is written and the answer lists every error
			(file:line:column). Without dir, imports the data shipped with the application. No request body.""")
	@PostMapping("/api/admin/import")
	ImportReport importFolder(
			@Parameter(description = ApiParameters.IMPORT_DIR) @RequestParam(required = false) String dir, @Parameter(
					description = ApiParameters.ALLOW_SHRINK) @RequestParam(defaultValue = "false") boolean allowShrink,
			HttpServletRequest request) throws IOException {
		noBody(request, "POST /api/admin/import");
		return dir == null || dir.isBlank() ? this.service.importShipped(allowShrink)
				: this.service.importDirectory(folder(dir), allowShrink);
	}

	@Operation(summary = "Add trade flows to the loaded data (admin only)", description = """
			Adds the (source, year) groups of trade flows in dir/trade_flows.csv (the folder holds no other import
			file) without importing everything again: checked first against the countries, items, HS codes and
			sources in the database; with any error, or a group already there (remove it first to replace it),
			nothing is written and the answer lists every error. The supply mixes of the items and stages touched
			are derived again and the data version changes. It is one transaction: one that needs more memory than a
			transaction may use is a 422 and changes nothing (chokepoint.embedded.transaction-max-memory). No
			request body.""")
	@PostMapping("/api/admin/import/trade")
	ImportReport addTrade(@Parameter(description = ApiParameters.TRADE_DIR) @RequestParam String dir,
			HttpServletRequest request) throws IOException {
		noBody(request, "POST /api/admin/import/trade");
		if (dir.isBlank()) {
			throw new BadParameterException("dir", "is empty: give the folder holding trade_flows.csv");
		}
		return this.trade.addTrade(folder(dir));
	}

	@Operation(summary = "Remove a (source, year) of trade flows (admin only)", description = """
			Removes the trade flows of one source and year added by an import, derives the supply mixes of the
			items and stages they were of again and changes the data version. 404 when the database holds no
			such group; 422 when it needs more memory than one transaction may use (nothing changes).""")
	@DeleteMapping("/api/admin/import/trade")
	ImportReport removeTrade(@Parameter(description = ApiParameters.TRADE_SOURCE) @RequestParam String source,
			@Parameter(description = ApiParameters.TRADE_YEAR) @RequestParam long year) {
		TradeGroup group;
		try {
			TradeGroup.checkYear(year);
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("year", ex.getMessage());
		}
		try {
			group = TradeGroup.parse(source + ":" + year);
		}
		catch (IllegalArgumentException ex) {
			throw new BadParameterException("source", "is not a source id (a lower-case slug such as cepii-baci)");
		}
		return this.trade.removeTrade(group);
	}

	private static void noBody(HttpServletRequest request, String operation) throws IOException {
		try (InputStream body = request.getInputStream()) {
			if (request.getContentLengthLong() > 0 || body.read() != -1) {
				throw new ResponseStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
						operation + " takes no request body: give the folder as ?dir=PATH");
			}
		}
	}

	/**
	 * A refused import: every error, located; nothing was written. Handled here rather
	 * than in the shared advice of {@code org.chokepoint.web}, which must not depend on
	 * the importer.
	 */
	@ExceptionHandler
	ProblemDetail importRefused(ImportFailedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.errors().size() + " error(s) in the import files; nothing was imported");
		problem.setTitle("Import refused");
		problem.setProperty("errors", ex.errors().stream().map(Object::toString).toList());
		return problem;
	}

	/**
	 * An incremental trade import or removal, or a full import's switch, too large for
	 * one transaction: rolled back, nothing changed; the detail says what to do.
	 */
	@ExceptionHandler
	ProblemDetail importTooLarge(ImportTooLargeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
		problem.setTitle("Import too large for one transaction");
		problem.setProperty("limit", ImportTooLargeException.LIMIT);
		return problem;
	}

	private static Path folder(String dir) {
		if (dir.length() > 4096) {
			throw new BadParameterException("dir", "is longer than 4096 characters");
		}
		try {
			return Path.of(dir.strip());
		}
		catch (InvalidPathException ex) {
			throw new BadParameterException("dir", "is not a path on this server: " + ex.getReason());
		}
	}

}
