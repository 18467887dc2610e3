package org.chokepoint.supplychain;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.web.RejectUnknownProperties;

/**
 * A what-if disruption (domain.md, metric 6): either one disruption given by its fields,
 * a list of {@code disruptions}, or {@code measuresInForceOn} (the trade measures in
 * force that day), or both. Its numbers are checked ({@link ParameterRules}) before it
 * reaches {@link ScenarioService}.
 *
 * @param country ISO3 code of the supplier that cuts
 * @param items mineral and product ids it cuts
 * @param stage the stage cut (MINING, REFINING, MANUFACTURING), or null for every stage
 * @param targets buyers cut off (country or bloc codes); empty or null for every buyer
 * but the country itself
 * @param fraction the part of the supply cut, 0..1 (default 1)
 * @param disruptions further disruptions, each with the same fields
 * @param measuresInForceOn a date YYYY-MM-DD: add the disruptions of the trade measures
 * in force that day
 * @param licenceCut the part of supply a licence requirement (EXPORT_LICENCE) is assumed
 * to cut, 0..1 (default 0.5)
 * @param consumers whose chains to test (default: every target, and every buyer with
 * sourcing data)
 * @param year facts of this year or the newest before it (default the current year)
 * @param sourcing {@code traced} (default) or {@code direct}: whose mixes the chains use
 */
@RejectUnknownProperties
@Schema(description = "A what-if: one disruption given by its fields (country and items), a list of disruptions,"
		+ " or measuresInForceOn (the trade measures in force that day), or several of them. Bounded by"
		+ " chokepoint.scenario.*: at most 100 items or targets per disruption, 50 disruptions (the top-level one"
		+ " included) and 50 consumers by default; over a cap is a 400 naming the field.")
public record ScenarioRequest(
		@Schema(description = "The supplier that cuts: ISO3 code of a country (CHN); with items, the top-level"
				+ " disruption (the two go together).", example = "CHN", maxLength = 100) String country,
		@Schema(description = "Mineral and product ids the supplier cuts (gallium, ndfeb-magnet), with country: at"
				+ " least one, at most 100 (chokepoint.scenario.max-items).",
				example = "[\"gallium\", \"germanium\"]") List<String> items,
		@Schema(description = "The stage cut, or none for every stage.", allowableValues = {
				"MINING", "REFINING", "MANUFACTURING" }, example = "REFINING") String stage,
		@Schema(description = "The buyers cut off: ISO3 or bloc codes (USA, EU); empty or none for every buyer but the"
				+ " country itself; at most 100 (chokepoint.scenario.max-items).",
				example = "[\"USA\"]") List<String> targets,
		@Schema(description = "The part of the supply cut, a fraction 0..1 (default 1: all of it).", minimum = "0",
				maximum = "1", defaultValue = "1", example = "1") @ParameterRules.Fraction Double fraction,
		@Schema(description = "Further disruptions, each with the fields country, items, stage, targets and fraction;"
				+ " at most 50 with the top-level one (chokepoint.scenario.max-disruptions).") List<@Valid Disruption> disruptions,
		@Schema(description = "A date YYYY-MM-DD: add the disruptions of the trade measures in force that day"
				+ " (GET /api/measures?inForceOn=).", format = "date", example = "2024-12-03") String measuresInForceOn,
		@Schema(description = "The part of the supply a licence requirement (EXPORT_LICENCE) of measuresInForceOn is"
				+ " assumed to cut, a fraction 0..1 (default 0.5).", minimum = "0", maximum = "1",
				example = "0.5") @ParameterRules.Fraction Double licenceCut,
		@Schema(description = "Whose chains to test: ISO3 or bloc codes (default: every target, and every buyer with"
				+ " sourcing data); at most 50 (chokepoint.scenario.max-consumers).",
				example = "[\"USA\"]") List<String> consumers,
		@Schema(description = "The facts year, 1900..2100: the facts of this year or the newest before it (default:"
				+ " the current year).", minimum = "1900", maximum = "2100",
				example = "2026") @ParameterRules.Year Integer year,
		@Schema(description = "Whose supply mixes the chains buy at: traced (default), the producers a buyer's supply"
				+ " comes from through re-exports; direct, its trade partners as bought.",
				allowableValues = { "traced", "direct" }, defaultValue = "traced") Sourcing sourcing){

	/** Without a sourcing: the buyers' traced mixes. */
	public ScenarioRequest(String country, List<String> items, String stage, List<String> targets, Double fraction,
			List<Disruption> disruptions, String measuresInForceOn, Double licenceCut, List<String> consumers,
			Integer year) {
		this(country, items, stage, targets, fraction, disruptions, measuresInForceOn, licenceCut, consumers, year,
				null);
	}

	/**
	 * One disruption.
	 *
	 * @param country ISO3 code of the supplier that cuts
	 * @param items mineral and product ids
	 * @param stage the stage cut, or null for all
	 * @param targets buyers cut off, empty for all
	 * @param fraction the part cut, 0..1 (default 1)
	 */
	@RejectUnknownProperties
	@Schema(description = "One disruption: a supplier cutting some items, at a stage, to some buyers.")
	public record Disruption(
			@Schema(description = "The supplier that cuts: ISO3 code of a country (CHN).", example = "CHN",
					maxLength = 100, requiredMode = Schema.RequiredMode.REQUIRED) String country,
			@Schema(description = "Mineral and product ids it cuts: at least one, at most 100"
					+ " (chokepoint.scenario.max-items).", example = "[\"gallium\"]",
					requiredMode = Schema.RequiredMode.REQUIRED) List<String> items,
			@Schema(description = "The stage cut, or none for every stage.", allowableValues = {
					"MINING", "REFINING", "MANUFACTURING" }) String stage,
			@Schema(description = "The buyers cut off: ISO3 or bloc codes; empty or none for every buyer but the"
					+ " country itself; at most 100 (chokepoint.scenario.max-items).",
					example = "[\"USA\"]") List<String> targets,
			@Schema(description = "The part of the supply cut, a fraction 0..1 (default 1).", minimum = "0",
					maximum = "1", defaultValue = "1") @ParameterRules.Fraction Double fraction){
	}

}
