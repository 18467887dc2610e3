package org.chokepoint.supplychain;

import org.chokepoint.lookup.Years;
import org.chokepoint.lookup.Parties;
import org.chokepoint.lookup.Items;
import org.chokepoint.web.ApiParameters;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;

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
@Tag(name = ApiTags.CHAINS)
@RestController
@RequestMapping("/api/chains")
class ChainController {

	private final ChainAnalysisService service;

	private final Items items;

	private final Parties parties;

	private final Years years;

	ChainController(ChainAnalysisService service, Items items, Parties parties, Years years) {
		this.service = service;
		this.items = items;
		this.parties = parties;
		this.years = years;
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
					By default a summary: the suppliers from 0.1 % of the supply, the 10 largest and the allied
					alternatives, the rest counted and summed; `detail=full` lists everything.
					Same numbers as cypher/queries/chain.cypher in Neo4j Browser.""")
	@GetMapping("/{productId}")
	ResponseEntity<ChainAnalysis> chain(
			@Parameter(description = ApiParameters.PRODUCT_ID) @PathVariable @ParameterRules.Key String productId,
			@Parameter(description = ApiParameters.CONSUMER,
					required = true) @RequestParam @ParameterRules.Key String consumer,
			@Parameter(description = ApiParameters.YEAR) @RequestParam(
					required = false) @ParameterRules.Year Integer year,
			@Parameter(description = ApiParameters.THRESHOLD) @RequestParam(
					defaultValue = ParameterRules.DEFAULT_THRESHOLD) @ParameterRules.Fraction double threshold,
			@Parameter(description = ApiParameters.AS_OF) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = ApiParameters.PATHS) @RequestParam(
					defaultValue = "0") @ParameterRules.PathCount int paths,
			@Parameter(description = ApiParameters.SOURCING,
					schema = @Schema(type = "string", allowableValues = { "traced", "direct" },
							defaultValue = "traced")) @RequestParam(defaultValue = "traced") Sourcing sourcing,
			@Parameter(description = ApiParameters.ENGINE,
					schema = @Schema(type = "string", allowableValues = { "projection", "cypher" },
							defaultValue = "projection")) @RequestParam(defaultValue = "projection") ChainEngine engine,
			@Parameter(description = ApiParameters.DETAIL,
					schema = @Schema(type = "string", allowableValues = { "summary", "full" },
							defaultValue = "summary")) @RequestParam(defaultValue = "summary") Detail detail,
			WebRequest request) {
		String product = this.items.product(productId);
		String party = this.parties.consumer(consumer);
		this.years.check("year", year);
		int factsYear = (year != null) ? year : LocalDate.now().getYear();
		LocalDate date = (asOf != null) ? asOf : LocalDate.now();
		// the defaults (year, asOf) move with the calendar: the tag names them with the
		// data version
		String etag = "\"" + this.service.dataVersion() + "-" + factsYear + "-" + date + "-" + sourcing.word()
				+ (engine == ChainEngine.PROJECTION ? "" : "-" + engine.word())
				+ (detail == Detail.SUMMARY ? "" : "-" + detail.word()) + "\"";
		if (request.checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.body(this.service.analyse(product, party, factsYear, threshold, date, paths, sourcing, engine, detail));
	}

}
