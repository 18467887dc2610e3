package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A measure whose status after a date nobody has reported (domain.md: China's suspensions
 * after 10 and 27 November 2026) is said, not silently treated as back in force. The
 * basic fixture's CN-2024-46 (an export ban, effective 2024-12-03) is suspended from
 * 2025-11-10 to 2026-11-27, status unknown from 2026-11-28.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScenarioStatusUnknownIT {

	@Autowired
	ImportService importService;

	@Autowired
	ScenarioService scenarios;

	@BeforeAll
	void importFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/basic"));
	}

	@Test
	void aMeasureInForceIsCutAndOneOfUnknownStatusIsListedInstead() {
		ScenarioResult inForce = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2024-12-03", null, null, 2024));
		assertThat(inForce.measures()).extracting(ScenarioResult.MeasureApplied::measure).contains("CN-2024-46");
		assertThat(inForce.statusUnknown()).isEmpty();

		ScenarioResult suspended = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2026-06-01", null, null, 2024));
		assertThat(suspended.measures()).extracting(ScenarioResult.MeasureApplied::measure)
			.doesNotContain("CN-2024-46");
		assertThat(suspended.statusUnknown()).isEmpty();

		ScenarioResult unknown = this.scenarios
			.run(new ScenarioRequest(null, null, null, null, null, null, "2026-11-30", null, null, 2024));
		assertThat(unknown.measures()).extracting(ScenarioResult.MeasureApplied::measure).doesNotContain("CN-2024-46");
		assertThat(unknown.statusUnknown()).containsExactly("CN-2024-46");
		assertThat(unknown.sourcing()).isEqualTo(org.chokepoint.supplymix.Sourcing.TRACED);
	}

}
