package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.chokepoint.lookup.Items;
import org.chokepoint.lookup.Parties;
import org.chokepoint.lookup.Years;
import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.ApiParameters;
import org.chokepoint.web.ApiTags;
import org.chokepoint.web.BadParameterException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/exposure/matrix}: every consumer with data by every product. */
@RestController
@Tag(name = ApiTags.CHAINS)
class WorldMatrixController {

	/** The most keys a list parameter may hold. */
	static final int MAX_KEYS = 1000;

	private final WorldMatrixService service;

	private final Parties parties;

	private final Items items;

	private final Years years;

	WorldMatrixController(WorldMatrixService service, Parties parties, Items items, Years years) {
		this.service = service;
		this.parties = parties;
		this.items = items;
		this.years = years;
	}

	@Operation(summary = "The world matrix: every consumer with data by every product", description = """
			Per consumer (country or bloc) with a supply mix of its own as of the year, and per product: China
			exposure, unknown and China-free shares (fractions 0..1, the worst input chain decides), the worst
			input and the number of single points of failure at the threshold; the same figures as the chain of
			each pair. Consumers without a mix of their own are listed in withoutData, not given a row: without
			data they would look as safe as the world's shares. JSON, or CSV with Accept: text/csv.""")
	@ApiResponse(responseCode = "200", description = "The matrix",
			content = { @Content(mediaType = "application/json", schema = @Schema(implementation = WorldMatrix.class)),
					@Content(mediaType = "text/csv", schema = @Schema(type = "string")) })
	@GetMapping("/api/exposure/matrix")
	WorldMatrix matrix(
			@Parameter(description = ApiParameters.YEAR) @RequestParam(
					required = false) @ParameterRules.Year Integer year,
			@Parameter(description = ApiParameters.SOURCING) @RequestParam(defaultValue = "traced") Sourcing sourcing,
			@Parameter(description = ApiParameters.THRESHOLD) @RequestParam(
					defaultValue = ParameterRules.DEFAULT_THRESHOLD) @ParameterRules.Fraction double threshold,
			@Parameter(description = ApiParameters.CONSUMERS) @RequestParam(required = false) String consumers,
			@Parameter(description = ApiParameters.PRODUCTS) @RequestParam(required = false) String products) {
		List<String> consumerKeys = keys("consumers", consumers).stream().map(this.parties::consumer).toList();
		List<String> productKeys = keys("products", products).stream().map(this.items::product).toList();
		this.years.check("year", year);
		return this.service.matrix((year != null) ? year : LocalDate.now().getYear(), sourcing, threshold, consumerKeys,
				productKeys);
	}

	/**
	 * A comma-separated list of keys; absent is empty (all), an empty element or one over
	 * 100 characters a 400.
	 */
	static List<String> keys(String parameter, String value) {
		if (value == null) {
			return List.of();
		}
		List<String> keys = new ArrayList<>();
		for (String key : value.split(",", -1)) {
			String stripped = key.strip();
			if (stripped.isEmpty()) {
				throw new BadParameterException(parameter,
						"must be a comma-separated list of keys, with no empty one, not '" + ParameterRules.clip(value)
								+ "'");
			}
			if (stripped.length() > 100) {
				throw new BadParameterException(parameter,
						"has a key longer than 100 characters: '" + ParameterRules.clip(stripped) + "'");
			}
			keys.add(stripped);
		}
		if (keys.size() > MAX_KEYS) {
			throw new BadParameterException(parameter, "may name at most " + MAX_KEYS + " keys, not " + keys.size());
		}
		return keys;
	}

}
