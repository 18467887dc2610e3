package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplychain.ReferenceFacts.AgreementTerm;
import org.chokepoint.supplychain.ReferenceFacts.Stockpile;
import org.junit.jupiter.api.Test;

/**
 * The rules of allies.cypher and stockpile.cypher as {@link ReferenceFacts} applies them,
 * on facts made by hand (ChainProjectionIT holds them equal to the Cypher on the shipped
 * data).
 */
class ReferenceFactsTests {

	private static final LocalDate START = LocalDate.of(2023, 3, 28);

	private static final LocalDate END = LocalDate.of(2026, 2, 4);

	private final ReferenceFacts facts = new ReferenceFacts(Set.of("magnet"), Set.of("JPN", "USA"), Set.of("gallium"),
			Map.of("JPN",
					List.of(new Stockpile("gallium", 2024, 60, "jogmec"), new Stockpile("gallium", 2025, 90, "meti"),
							new Stockpile("gallium", 2025, 75, "jogmec"), new Stockpile("gallium", 2025, 80, null),
							new Stockpile("antimony", 2027, 30, "jogmec"))),
			Map.of("JPN",
					List.of(new AgreementTerm("z-open", true, Set.of(), Set.of("AUS"), LocalDate.of(1900, 1, 1), null),
							new AgreementTerm("a-ended", false, Set.of("magnet"), Set.of("USA"), START, END))));

	@Test
	void anAgreementIsInForceFromItsStartDayAndNoLongerOnItsEndDay() {
		assertThat(ids(START.minusDays(1))).containsExactly("z-open");
		assertThat(ids(START)).containsExactly("a-ended", "z-open");
		assertThat(ids(END.minusDays(1))).containsExactly("a-ended", "z-open");
		assertThat(ids(END)).containsExactly("z-open");
		assertThat(this.facts.alliances("USA", START, Set.of()).agreements()).isEmpty();
	}

	@Test
	void theAlliancesAreThoseOfTheDay() {
		Alliances.Of allies = this.facts.alliances("JPN", START, Set.of("gallium"));
		assertThat(allies.allied("USA", "magnet")).isTrue();
		assertThat(allies.allied("USA", "gallium")).as("a-ended covers the magnet only").isFalse();
		assertThat(allies.allied("AUS", "gallium")).as("z-open covers critical minerals").isTrue();
		assertThat(allies.allied("AUS", "magnet")).as("a magnet is no mineral").isFalse();
		assertThat(allies.allied("JPN", "magnet")).as("the consumer itself").isTrue();
	}

	@Test
	void aStockpileIsItsNewestFigureUpToTheYearTiesBySourceWithNoSourceLast() {
		assertThat(this.facts.stockpileDaysOfCover("JPN", 2023)).isEmpty();
		assertThat(this.facts.stockpileDaysOfCover("JPN", 2024)).isEqualTo(Map.of("gallium", 60.0));
		// 2025 has jogmec 75, meti 90 and one without source: jogmec comes first
		assertThat(this.facts.stockpileDaysOfCover("JPN", 2026)).isEqualTo(Map.of("gallium", 75.0));
		assertThat(this.facts.stockpileDaysOfCover("JPN", 2027)).isEqualTo(Map.of("gallium", 75.0, "antimony", 30.0));
		assertThat(this.facts.stockpileDaysOfCover("USA", 2027)).isEmpty();
	}

	private List<String> ids(LocalDate asOf) {
		return this.facts.alliances("JPN", asOf, Set.of()).agreements().stream().map(Alliances.Agreement::id).toList();
	}

}
