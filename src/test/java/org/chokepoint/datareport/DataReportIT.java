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
	void listsSharesThatFallBackToTheUnknownSupplier() {
		// USGS rare earths 2024: "Other countries" 1,000 t of 380,000 t are not attributed
		assertThat(this.service.report().unknownShares()).anySatisfy(row -> {
			assertThat(row).containsEntry("item", "rare-earths")
				.containsEntry("stage", "MINING")
				.containsEntry("year", 2024L)
				.containsEntry("source", "usgs-mcs-2026-rare-earths");
			assertThat((Double) row.get("unknownShare")).isGreaterThan(0.0);
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
