package org.chokepoint.supplychain;

import java.util.List;

import org.chokepoint.web.BadParameterException;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on the work one scenario may ask for ({@code chokepoint.scenario.*}): a 100 KB
 * scenario with 10,000 items or 10,000 disruptions cost 11 s of CPU, without credentials.
 * A request over a cap is a 400 naming the field and the cap, before any work; an answer
 * that would be larger than {@code max-answer-size} is a 422.
 *
 * @param maxItems how many item ids one disruption may list (default 100), and how many
 * target codes
 * @param maxDisruptions how many disruptions one scenario may hold, the top-level one
 * included (default 50)
 * @param maxConsumers how many consumers a scenario may name (default 50)
 * @param maxAnswerSize the largest answer, as JSON (default 2MB)
 */
@ConfigurationProperties("chokepoint.scenario")
public record ScenarioLimits(@DefaultValue("100") int maxItems, @DefaultValue("50") int maxDisruptions,
		@DefaultValue("50") int maxConsumers, @DefaultValue("2MB") DataSize maxAnswerSize) {

	public ScenarioLimits {
		if (maxItems < 1 || maxDisruptions < 1 || maxConsumers < 1 || maxAnswerSize.toBytes() < 1) {
			throw new IllegalArgumentException("chokepoint.scenario.* limits must be positive");
		}
	}

	/** Throws a {@link BadParameterException} naming the first field over its cap. */
	void check(ScenarioRequest request) {
		int disruptions = (request.country() != null || request.items() != null ? 1 : 0) + size(request.disruptions());
		if (size(request.disruptions()) > this.maxDisruptions || disruptions > this.maxDisruptions) {
			throw over("disruptions", disruptions, this.maxDisruptions, "max-disruptions");
		}
		cap("items", request.items(), this.maxItems, "max-items");
		cap("targets", request.targets(), this.maxItems, "max-items");
		cap("consumers", request.consumers(), this.maxConsumers, "max-consumers");
		if (request.disruptions() != null) {
			for (int i = 0; i < request.disruptions().size(); i++) {
				ScenarioRequest.Disruption disruption = request.disruptions().get(i);
				if (disruption != null) {
					cap("disruptions[" + i + "].items", disruption.items(), this.maxItems, "max-items");
					cap("disruptions[" + i + "].targets", disruption.targets(), this.maxItems, "max-items");
				}
			}
		}
	}

	private static void cap(String field, List<?> values, int maximum, String property) {
		if (size(values) > maximum) {
			throw over(field, size(values), maximum, property);
		}
	}

	private static BadParameterException over(String field, int count, int maximum, String property) {
		return new BadParameterException(field,
				"has " + count + " entries, more than " + maximum + " (chokepoint.scenario." + property + ")");
	}

	private static int size(List<?> values) {
		return values == null ? 0 : values.size();
	}

}
