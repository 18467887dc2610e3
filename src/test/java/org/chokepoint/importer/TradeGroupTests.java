package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class TradeGroupTests {

	@Test
	void readsSourceColonYear() {
		assertThat(TradeGroup.parse(" cepii-baci-hs17:2023 ")).isEqualTo(new TradeGroup("cepii-baci-hs17", 2023));
		assertThat(new TradeGroup("src-b", 2024)).hasToString("src-b:2024");
	}

	@Test
	void refusesWhatIsNotAGroup() {
		for (String bad : List.of("", "src-b", "src-b:", ":2023", "src-b:23", "Src-B:2023", "src-b:2023:1",
				"src b:2023")) {
			assertThatThrownBy(() -> TradeGroup.parse(bad)).as(bad)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("give SOURCE:YEAR");
		}
		assertThatThrownBy(() -> TradeGroup.parse("src-b:1850")).hasMessage("year 1850 is outside 1900..2100");
	}

	@Test
	void sortsBySourceThenYear() {
		assertThat(new TradeGroup[] { new TradeGroup("b", 2020), new TradeGroup("a", 2024), new TradeGroup("a", 2021) })
			.satisfies(groups -> assertThat(new TreeSet<>(List.of(groups))).extracting(TradeGroup::toString)
				.containsExactly("a:2021", "a:2024", "b:2020"));
	}

	@Test
	void aChangedVersionDependsOnThePreviousOneAndTheChange() {
		String v = TradeImportService.nextVersion("abc", "+[src-b:2024]");
		assertThat(v).hasSize(16).isEqualTo(TradeImportService.nextVersion("abc", "+[src-b:2024]"));
		assertThat(v).isNotEqualTo(TradeImportService.nextVersion("abd", "+[src-b:2024]"))
			.isNotEqualTo(TradeImportService.nextVersion("abc", "-src-b:2024"));
	}

}
