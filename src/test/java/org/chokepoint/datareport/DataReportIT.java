package org.chokepoint.datareport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/** The data report on the shipped data lists real gaps rather than hiding them. */
@ChokepointTest
class DataReportIT {

	@Autowired
	DataReportService service;

	@Test
	void germaniumHasNoCountryTableAndTheReportSaysSo() {
		DataReport report = this.service.report();
		Map<String, Object> germanium = report.coverage()
			.stream()
			.filter(m -> m.get("mineral").equals("germanium"))
			.findFirst()
			.orElseThrow();
		assertThat(germanium.get("missing")).isEqualTo(List.of("MINING"));
		assertThat(report.nodes()).containsKey("Mineral");
		assertThat(report.dataVersion()).isNotBlank();
	}

	@Test
	void everyShippedSourceSaysWhereToReadIt() {
		assertThat(this.service.report().sourcesWithoutUrl()).isEmpty();
	}

	@Test
	void listsSharesThatFallBackToTheUnknownSupplier() {
		// Project Blue (via Notebookcheck) gives only China's share of refined antimony, 48 % in 2023:
		// the other 52 % is the unknown supplier
		assertThat(this.service.report().unknownShares()).anySatisfy(row -> {
			assertThat(row).containsEntry("item", "antimony")
				.containsEntry("stage", "REFINING")
				.containsEntry("year", 2023L)
				.containsEntry("source", "notebookcheck-2024-project-blue");
			assertThat((Double) row.get("unknownShare")).isCloseTo(0.52, org.assertj.core.api.Assertions.within(1e-12));
		});
	}

	@Test
	void listsFactsWhereSourcesDisagree() {
		// USGS (REO) and the IEA (magnet rare earths) are different minerals; USGS and IEA both publish
		// China's share of mined graphite in 2024
		assertThat(this.service.report().disagreements()).allSatisfy(row -> {
			assertThat((Double) row.get("spread")).isGreaterThan(DataReportService.DISAGREEMENT_TOLERANCE);
			assertThat((List<?>) row.get("shares")).hasSizeGreaterThan(1);
		});
	}

}
