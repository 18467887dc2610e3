package org.chokepoint.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.Fixture.SRC_A;
import static org.chokepoint.Fixture.assertSameRecord;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.agreement.AgreementDetails.Item;
import org.chokepoint.agreement.AgreementDetails.Party;
import org.chokepoint.paging.Paged;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class AgreementApiIT extends ApiTestBase {

	static final LocalDate SIGNED = LocalDate.of(2022, 6, 14);

	@Test
	void listsTheAgreementsWithTheirDates() {
		Paged<AgreementSummary> page = this.api.getOk("/api/agreements", new TypeReference<>() {
		});
		assertThat(page).isEqualTo(new Paged<>(List.of(new AgreementSummary("MSP", "Minerals Security Partnership",
				"PARTNERSHIP", SIGNED, SIGNED, null, true)), 0, 50, 1));
	}

	@Test
	void thePartnershipHasTwoCountriesAndTheEuAsPartnersAndCoversRareEarths() {
		AgreementDetails msp = this.api.getOk("/api/agreements/MSP", AgreementDetails.class);
		assertSameRecord(msp,
				new AgreementDetails("MSP", "Minerals Security Partnership", "PARTNERSHIP", SIGNED, SIGNED, null, true,
						2024, SRC_A, null,
						List.of(new Party("EU", "European Union", "BLOC", "partner", SIGNED),
								new Party("JPN", "Japan", "COUNTRY", "partner", SIGNED),
								new Party("USA", "United States", "COUNTRY", "partner", SIGNED)),
						List.of(new Item("rare-earths", "Rare earths", "MINERAL"))));
	}

	@Test
	void anUnknownAgreementIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/agreements/NAFTA", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No agreement with key 'NAFTA'",
					"instance", "/api/agreements/NAFTA", "kind", "agreement", "key", "NAFTA"));
	}

}
