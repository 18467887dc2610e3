package org.chokepoint.supplychain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/chains/{productId}}: a product's supply chain for a consumer. */
@RestController
@RequestMapping("/api/chains")
class ChainController {

	private final ChainAnalysisService service;

	ChainController(ChainAnalysisService service) {
		this.service = service;
	}

	@Operation(summary = "A product's supply chain for a consumer", description = """
			China exposure, unknown and China-free shares (fractions 0..1, the worst input chain decides), each
			item of the unfolded bill of materials with its stages, suppliers, stage shares and HHI, the single
			points of failure with allied alternatives and stockpile cover, and on request the k heaviest paths.
			Same numbers as cypher/queries/chain.cypher in Neo4j Browser.""")
	@ApiResponse(responseCode = "200", description = "The chain", content = @Content(mediaType = "application/json",
			schema = @Schema(implementation = ChainAnalysis.class),
			examples = @ExampleObject(name = "eu-magnets", summary = ApiExamples.CHAIN_SUMMARY, value = ApiExamples.CHAIN)))
	@GetMapping("/{productId}")
	ChainAnalysis chain(@PathVariable String productId, @RequestParam(required = false) String consumer,
			@RequestParam(required = false) String year, @RequestParam(required = false) String threshold,
			@RequestParam(required = false) String asOf, @RequestParam(required = false) String paths) {
		return this.service.analyse(AnalysisParameters.key("productId", productId),
				AnalysisParameters.key("consumer", consumer), AnalysisParameters.year(year),
				AnalysisParameters.threshold(threshold), AnalysisParameters.date("asOf", asOf),
				AnalysisParameters.paths(paths));
	}

}
