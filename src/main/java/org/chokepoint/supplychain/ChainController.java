package org.chokepoint.supplychain;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.chokepoint.supplymix.Sourcing;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** {@code GET /api/chains/{productId}}: a product's supply chain for a consumer. */
@RestController
@RequestMapping("/api/chains")
class ChainController {

	private final ChainAnalysisService service;

	ChainController(ChainAnalysisService service) {
		this.service = service;
	}

	/**
	 * The ETag is the data version with the year and date the answer is for: a client
	 * that has it gets a 304 without the analysis being run.
	 */
	@Operation(summary = "A product's supply chain for a consumer",
			description = """
					China exposure, unknown and China-free shares (fractions 0..1, the worst input chain decides), each
					item of the unfolded bill of materials with its stages, suppliers, stage shares and HHI, the single
					points of failure with allied alternatives and stockpile cover, and on request the k heaviest paths (equal weights ordered by their steps).
					Same numbers as cypher/queries/chain.cypher in Neo4j Browser.""")
	@ApiResponse(responseCode = "200", description = "The chain",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ChainAnalysis.class),
					examples = @ExampleObject(name = "eu-magnets", summary = ApiExamples.CHAIN_SUMMARY,
							value = ApiExamples.CHAIN)))
	@GetMapping("/{productId}")
	ResponseEntity<ChainAnalysis> chain(@PathVariable @ParameterRules.Key String productId,
			@RequestParam @ParameterRules.Key String consumer,
			@Parameter(description = "facts of this year or the newest before it (default: this year)") @RequestParam(
					required = false) @ParameterRules.Year Integer year,
			@Parameter(description = "the stage share from which a supplier is a chokepoint") @RequestParam(
					defaultValue = ParameterRules.DEFAULT_THRESHOLD) @ParameterRules.Fraction double threshold,
			@Parameter(description = "the date for agreements in force (default: today)") @RequestParam(
					required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = "how many of the heaviest paths to list") @RequestParam(
					defaultValue = "0") @ParameterRules.PathCount int paths,
			@Parameter(
					description = "traced (default): buyers buy from the producers their supply comes from, through re-exports; direct: from their partners as bought") @RequestParam(
							defaultValue = "traced") Sourcing sourcing,
			WebRequest request) {
		int factsYear = (year != null) ? year : LocalDate.now().getYear();
		LocalDate date = (asOf != null) ? asOf : LocalDate.now();
		// the defaults (year, asOf) move with the calendar: the tag names them with the
		// data version
		String etag = "\"" + this.service.dataVersion() + "-" + factsYear + "-" + date + "-" + sourcing.word() + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.body(this.service.analyse(productId.strip(), consumer.strip(), factsYear, threshold, date, paths,
					sourcing));
	}

}
