package org.chokepoint.supplychain;

import java.util.List;

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
public record ScenarioRequest(String country, List<String> items, String stage, List<String> targets,
		@ParameterRules.Fraction Double fraction, List<@Valid Disruption> disruptions, String measuresInForceOn,
		@ParameterRules.Fraction Double licenceCut, List<String> consumers, @ParameterRules.Year Integer year,
		Sourcing sourcing) {

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
	public record Disruption(String country, List<String> items, String stage, List<String> targets,
			@ParameterRules.Fraction Double fraction) {
	}

}
