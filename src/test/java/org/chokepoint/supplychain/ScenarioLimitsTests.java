package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.chokepoint.web.BadParameterException;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

class ScenarioLimitsTests {

	final ScenarioLimits limits = new ScenarioLimits(100, 50, 50, DataSize.ofMegabytes(2));

	static List<String> ids(int n) {
		return IntStream.range(0, n).mapToObj(i -> "item-" + i).toList();
	}

	static ScenarioRequest.Disruption disruption(int items) {
		return new ScenarioRequest.Disruption("CHN", ids(items), null, null, null);
	}

	@Test
	void aScenarioWithinTheCapsPasses() {
		assertThatCode(() -> this.limits.check(new ScenarioRequest("CHN", ids(100), null, ids(100), null,
				Collections.nCopies(49, disruption(100)), null, null, ids(50), null)))
			.doesNotThrowAnyException();
	}

	@Test
	void tenThousandItemsAreRefusedNamingItemsAndTheCap() {
		assertThatThrownBy(() -> this.limits
			.check(new ScenarioRequest("CHN", ids(10_000), null, null, null, null, null, null, null, null)))
			.isInstanceOf(BadParameterException.class)
			.hasMessage("Parameter 'items' has 10000 entries, more than 100 (chokepoint.scenario.max-items)");
	}

	@Test
	void tenThousandDisruptionsAreRefused() {
		assertThatThrownBy(() -> this.limits.check(new ScenarioRequest(null, null, null, null, null,
				Collections.nCopies(10_000, disruption(1)), null, null, null, null)))
			.isInstanceOf(BadParameterException.class)
			.hasMessage(
					"Parameter 'disruptions' has 10000 entries, more than 50 (chokepoint.scenario.max-disruptions)");
	}

	@Test
	void theTopLevelDisruptionCountsToo() {
		assertThatThrownBy(() -> this.limits.check(new ScenarioRequest("CHN", ids(1), null, null, null,
				Collections.nCopies(50, disruption(1)), null, null, null, null)))
			.hasMessageContaining("has 51 entries, more than 50");
	}

	@Test
	void itemsOfANestedDisruptionAreNamedByTheirIndex() {
		assertThatThrownBy(() -> this.limits.check(new ScenarioRequest(null, null, null, null, null,
				List.of(disruption(1), disruption(101)), null, null, null, null)))
			.hasMessage(
					"Parameter 'disruptions[1].items' has 101 entries, more than 100 (chokepoint.scenario.max-items)");
	}

	@Test
	void tooManyConsumersAreRefused() {
		assertThatThrownBy(() -> this.limits
			.check(new ScenarioRequest("CHN", ids(1), null, null, null, null, null, null, ids(51), null)))
			.hasMessage("Parameter 'consumers' has 51 entries, more than 50 (chokepoint.scenario.max-consumers)");
	}

}
