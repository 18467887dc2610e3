package org.chokepoint.supplychain;

import org.chokepoint.lookup.Years;
import org.chokepoint.lookup.Parties;
import org.chokepoint.lookup.Items;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chokepoint.web.ApiParameters;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.BadParameterException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/exposure/trend}: a consumer's figures for a product year by year. */
@Tag(name = ApiTags.CHAINS)
@RestController
@RequestMapping("/api/exposure")
class TrendController {

	/** The first year the shipped data covers (USGS MCS 2022 data release: 2020). */
	static final int FIRST_YEAR = 2020;

	/** The most years one trend may span. */
	static final int MAX_SPAN = 50;

	private final TrendService service;

	private final Items items;

	private final Parties parties;

	private final Years years;

	TrendController(TrendService service, Items items, Parties parties, Years years) {
		this.service = service;
		this.items = items;
		this.parties = parties;
		this.years = years;
	}

	@Operation(summary = "A consumer's China exposure of a product, year by year", description = """
			China exposure, unknown and China-free shares (fractions 0..1, the worst input chain decides) for every
			year from `from` to `to`, each computed with that year's facts or the newest before it; every stage
			names the year of the global shares and of the buyers' supply mixes it used.""")
	@GetMapping("/trend")
	Trend trend(
			@Parameter(description = ApiParameters.CONSUMER,
					required = true) @RequestParam @ParameterRules.Key String consumer,
			@Parameter(description = ApiParameters.PRODUCT_ID,
					required = true) @RequestParam @ParameterRules.Key String product,
			@Parameter(description = ApiParameters.FROM) @RequestParam(
					defaultValue = "2020") @ParameterRules.Year int from,
			@Parameter(description = ApiParameters.TO) @RequestParam(required = false) @ParameterRules.Year Integer to,
			@Parameter(description = ApiParameters.SOURCING,
					schema = @Schema(type = "string", allowableValues = { "traced", "direct" },
							defaultValue = "traced")) @RequestParam(defaultValue = "traced") Sourcing sourcing) {
		int last = to == null ? java.time.Year.now().getValue() : to;
		if (last < from || last > 2100) {
			throw new BadParameterException("to", "must be a year from 'from' (" + from + ") to 2100, was " + last);
		}
		if (last - from + 1 > MAX_SPAN) {
			throw new BadParameterException("to", "may be at most " + MAX_SPAN + " years after 'from'");
		}
		String party = this.parties.consumer(consumer);
		String item = this.items.product(product);
		this.years.check("from", from);
		return this.service.trend(party, item, from, last, sourcing);
	}

}
