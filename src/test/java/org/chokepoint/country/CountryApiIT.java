package org.chokepoint.country;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.Fixture.SRC_A;
import static org.chokepoint.Fixture.SRC_B;
import static org.chokepoint.Fixture.assertSameRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.country.CountryDetails.Membership;
import org.chokepoint.country.CountryDetails.Participation;
import org.chokepoint.country.CountryDetails.ProductionFact;
import org.chokepoint.paging.Paged;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class CountryApiIT extends ApiTestBase {

	static final LocalDate MSP_SIGNED = LocalDate.of(2022, 6, 14);

	@Test
	void listsAllSevenCountriesByNameOnTheDefaultPageOf50() {
		assertThat(page("/api/countries")).isEqualTo(new Paged<>(List.of(new CountrySummary("AUS", "Australia"),
				new CountrySummary("CHN", "China"), new CountrySummary("FRA", "France"),
				new CountrySummary("DEU", "Germany"), new CountrySummary("JPN", "Japan"),
				new CountrySummary("MYS", "Malaysia"), new CountrySummary("USA", "United States")), 0, 50, 7));
	}

	@Test
	void pagesThroughTheCountriesThreeAtATime() {
		assertThat(page("/api/countries?page=1&size=3"))
			.isEqualTo(new Paged<>(List.of(new CountrySummary("DEU", "Germany"), new CountrySummary("JPN", "Japan"),
					new CountrySummary("MYS", "Malaysia")), 1, 3, 7));
		assertThat(page("/api/countries?page=2&size=3"))
			.isEqualTo(new Paged<>(List.of(new CountrySummary("USA", "United States")), 2, 3, 7));
		assertThat(page("/api/countries?page=3&size=3")).isEqualTo(new Paged<CountrySummary>(List.of(), 3, 3, 7));
	}

	@Test
	void acceptsThePageSizeLimitOf500() {
		assertThat(page("/api/countries?size=500").items()).hasSize(7);
	}

	@Test
	void chinaHasItsProductionFactsPerItemStageAndYearWithSharesAndSources() {
		CountryDetails china = this.api.getOk("/api/countries/CHN", CountryDetails.class);
		assertSameRecord(china, new CountryDetails("CHN", "China", List.of(), List.of(), List.of(
				new ProductionFact("gallium", "Gallium", "REFINING", 2024, 980.0, "t", 0.98, 1000.0, null, SRC_A, null),
				new ProductionFact("ndfeb-magnet", "NdFeB permanent magnet", "MANUFACTURING", 2024, null, null, 0.92,
						null, null, SRC_B, null),
				new ProductionFact("rare-earths", "Rare earths", "MINING", 2024, 270000.0, "t REO", 270000.0 / 390000,
						390000.0, null, SRC_A, null),
				new ProductionFact("rare-earths", "Rare earths", "REFINING", 2024, null, null, 0.91, null, null, SRC_B,
						null))));
	}

	@Test
	void theUnitedStatesIsPartyToThePartnershipItselfAndItsGalliumFigureIsWithheld() {
		CountryDetails usa = this.api.getOk("/api/countries/USA", CountryDetails.class);
		assertSameRecord(usa,
				new CountryDetails("USA", "United States", List.of(),
						List.of(new Participation("MSP", "Minerals Security Partnership", "PARTNERSHIP", "partner",
								MSP_SIGNED, null)),
						List.of(new ProductionFact("gallium", "Gallium", "REFINING", 2024, null, null, null, null, "W",
								SRC_A, "withheld"),
								new ProductionFact("rare-earths", "Rare earths", "MINING", 2024, 45000.0, "t REO",
										45000.0 / 390000, 390000.0, null, SRC_A, null))));
	}

	@Test
	void germanyIsInTheEuAndThroughItPartyToThePartnership() {
		CountryDetails germany = this.api.getOk("/api/countries/DEU", CountryDetails.class);
		assertSameRecord(germany,
				new CountryDetails("DEU", "Germany",
						List.of(new Membership("EU", "European Union", LocalDate.of(1958, 1, 1))),
						List.of(new Participation("MSP", "Minerals Security Partnership", "PARTNERSHIP", "partner",
								MSP_SIGNED, "EU")),
						List.of()));
	}

	@Test
	void findsACountryByItsCodeInLowerCase() {
		assertThat(this.api.getOk("/api/countries/jpn", CountryDetails.class).name()).isEqualTo("Japan");
	}

	@Test
	void anUnknownCountryIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/countries/XYZ", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No country with key 'XYZ'", "instance",
					"/api/countries/XYZ", "kind", "country", "key", "XYZ"));
	}

	private Paged<CountrySummary> page(String path) {
		return this.api.getOk(path, new TypeReference<>() {
		});
	}

}
