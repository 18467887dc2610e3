package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures record: embedded, its fields are written where the three separate fields
 * were (same names, same order, nulls kept), it reads back, and its CSV columns and cells
 * come in one order.
 */
class ChainFiguresTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void embeddedFiguresAreWrittenAsFieldsOfTheRowInTheirOldPlace() {
		ConsumerOverview.ProductExposure row = new ConsumerOverview.ProductExposure("p-mag",
				new ChainFigures(0.84, 0.1, 0.06), "re", 2);
		String written = this.json.writeValueAsString(row);
		assertThat(written).isEqualTo("{\"product\":\"p-mag\",\"chinaExposure\":0.84,\"unknownShare\":0.1,"
				+ "\"chinaFreeShare\":0.06,\"worstInput\":\"re\",\"singlePointsOfFailure\":2}");
		assertThat(this.json.readValue(written, ConsumerOverview.ProductExposure.class)).isEqualTo(row);
	}

	@Test
	void missingFiguresAreWrittenAsNullsNotLeftOut() {
		ChainAnalysis.ItemExposure item = new ChainAnalysis.ItemExposure("re", "MINERAL", true, ChainFigures.NONE,
				List.of());
		assertThat(this.json.writeValueAsString(item)).isEqualTo("{\"item\":\"re\",\"kind\":\"MINERAL\",\"leaf\":true,"
				+ "\"chinaExposure\":null,\"unknownShare\":null,\"chinaFreeShare\":null,\"stages\":[]}");
	}

	@Test
	void aScenarioHitKeepsItsFiguresAsNestedObjects() {
		ScenarioResult.Hit hit = new ScenarioResult.Hit("EU", "p-six", 1.0, new ChainFigures(0.6, 0.0, 0.4), null,
				List.of());
		assertThat(this.json.writeValueAsString(hit)).isEqualTo("{\"consumer\":\"EU\",\"product\":\"p-six\","
				+ "\"supplyLost\":1.0,\"before\":{\"chinaExposure\":0.6,\"unknownShare\":0.0,\"chinaFreeShare\":0.4},"
				+ "\"after\":null,\"causes\":[]}");
	}

	@Test
	void csvColumnsCarryTheQualifierBeforeTheUnitAndCellsFollowTheirOrder() {
		assertThat(ChainFigures.csvColumns("")).containsExactly("china_exposure_fraction", "unknown_share_fraction",
				"china_free_share_fraction");
		assertThat(ChainFigures.csvColumns("after")).containsExactly("china_exposure_after_fraction",
				"unknown_share_after_fraction", "china_free_share_after_fraction");
		assertThat(ChainFigures.csvCells(new ChainFigures(0.84, 0.1, 0.06))).containsExactly(0.84, 0.1, 0.06);
		assertThat(ChainFigures.csvCells(null)).isEqualTo(Arrays.asList(null, null, null));
	}

	@Test
	void theProductsFiguresAreThoseTheCalculatorGaveIt() {
		ChainComputation.InputChain worst = new ChainComputation.InputChain("re", List.of("p-mag", "re"), 0.84, 0.1,
				0.06, 1.0);
		ChainComputation chain = new ChainComputation(0.84, 0.1, 0.06, 1.0, "re", List.of(worst), List.of(), List.of(),
				List.of());
		assertThat(ChainFigures.of(chain)).isEqualTo(new ChainFigures(0.84, 0.1, 0.06));
		assertThat(ChainFigures.of(worst)).isEqualTo(ChainFigures.of(chain));
	}

}
