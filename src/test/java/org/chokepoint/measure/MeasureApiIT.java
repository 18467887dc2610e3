package org.chokepoint.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.Fixture.SRC_B;
import static org.chokepoint.Fixture.assertSameRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.measure.MeasureDetails.Item;
import org.chokepoint.measure.MeasureDetails.Party;
import org.chokepoint.paging.Paged;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.type.TypeReference;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class MeasureApiIT extends ApiTestBase {

	static final MeasureSummary GALLIUM_BAN = new MeasureSummary("CN-2024-46", "Ban on gallium exports to the US",
			"CHN", "EXPORT_BAN", LocalDate.of(2024, 12, 3), LocalDate.of(2024, 12, 3), LocalDate.of(2025, 11, 10),
			LocalDate.of(2026, 11, 27), null, LocalDate.of(2026, 11, 28), null);

	static final MeasureSummary STEEL_TARIFF = new MeasureSummary("US-2025-232", "Tariff on steel derivatives", "USA",
			"TARIFF", LocalDate.of(2025, 8, 15), LocalDate.of(2025, 8, 18), null, null, LocalDate.of(2025, 12, 31),
			null, null);

	@Test
	void listsAllMeasuresByEffectiveDate() {
		assertThat(page("/api/measures")).isEqualTo(new Paged<>(List.of(GALLIUM_BAN, STEEL_TARIFF), 0, 50, 2));
	}

	/**
	 * The ban is effective from 2024-12-03, suspended 2025-11-10..2026-11-27 (both days
	 * included), and nothing is known of it from 2026-11-28 (its status_unknown_from):
	 * listed then as STATUS_UNKNOWN, not as back in force; the tariff runs from
	 * 2025-08-18 and its end date, 2025-12-31, is its first day out of force.
	 */
	@ParameterizedTest(name = "in force on {0}: {1}")
	@CsvSource(delimiter = '|',
			value = { "2024-12-02 | ''", "2024-12-03 | CN-2024-46:IN_FORCE",
					"2025-08-18 | CN-2024-46:IN_FORCE US-2025-232:IN_FORCE",
					"2025-11-09 | CN-2024-46:IN_FORCE US-2025-232:IN_FORCE", "2025-11-10 | US-2025-232:IN_FORCE",
					"2025-12-30 | US-2025-232:IN_FORCE", "2025-12-31 | ''", "2026-11-27 | ''",
					"2026-11-28 | CN-2024-46:STATUS_UNKNOWN", "2030-01-01 | CN-2024-46:STATUS_UNKNOWN" })
	void filtersTheMeasuresInForceOnADay(String day, String expected) {
		Paged<MeasureSummary> page = page("/api/measures?inForceOn=" + day);
		List<String> idsAndStatus = expected.isBlank() ? List.of() : List.of(expected.split(" "));
		assertThat(page.items()).extracting(m -> m.id() + ":" + m.status()).isEqualTo(idsAndStatus);
		assertThat(page.total()).isEqualTo(idsAndStatus.size());
	}

	@Test
	void theGalliumBanTargetsTheUnitedStates() {
		MeasureDetails ban = this.api.getOk("/api/measures/CN-2024-46", MeasureDetails.class);
		assertSameRecord(ban, new MeasureDetails("CN-2024-46", "Ban on gallium exports to the US",
				new Party("CHN", "China", "COUNTRY"), "EXPORT_BAN", LocalDate.of(2024, 12, 3),
				LocalDate.of(2024, 12, 3), LocalDate.of(2025, 11, 10), LocalDate.of(2026, 11, 27), null,
				LocalDate.of(2026, 11, 28), null, 2024, SRC_B, null, List.of(new Item("gallium", "Gallium", "MINERAL")),
				List.of(new Party("USA", "United States", "COUNTRY")), false));
	}

	@Test
	void aMeasureWithoutTargetsAppliesToAllDestinations() {
		MeasureDetails tariff = this.api.getOk("/api/measures/US-2025-232", MeasureDetails.class);
		assertSameRecord(tariff,
				new MeasureDetails("US-2025-232", "Tariff on steel derivatives",
						new Party("USA", "United States", "COUNTRY"), "TARIFF", LocalDate.of(2025, 8, 15),
						LocalDate.of(2025, 8, 18), null, null, LocalDate.of(2025, 12, 31), null, 0.5, 2025, SRC_B,
						"offshore wind turbines among the derivatives",
						List.of(new Item("wind-turbine", "Wind turbine", "PRODUCT")), List.of(), true));
	}

	@Test
	void aMalformedDateIsA400NamingTheParameter() {
		assertThat(this.api.problem("/api/measures?inForceOn=2025-13-01", 400)).isEqualTo(Map.of("title", "Bad Request",
				"status", 400, "detail", "Parameter 'inForceOn' must be a date YYYY-MM-DD, was '2025-13-01'",
				"instance", "/api/measures", "parameter", "inForceOn"));
	}

	@Test
	void anUnknownMeasureIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/measures/CN-1999-1", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No measure with key 'CN-1999-1'",
					"instance", "/api/measures/CN-1999-1", "kind", "measure", "key", "CN-1999-1"));
	}

	private Paged<MeasureSummary> page(String path) {
		return this.api.getOk(path, new TypeReference<>() {
		});
	}

}
