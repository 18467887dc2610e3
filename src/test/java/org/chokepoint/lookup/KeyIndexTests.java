package org.chokepoint.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** How a typed key is matched, and what a miss suggests. */
class KeyIndexTests {

	private final KeyIndex parties = new KeyIndex(map("CHN", "China", "DEU", "Germany", "EU", "European Union", "KAZ",
			"Kazakhstan", "USA", "United States", "NIU", "Niue", "NIC", "Nicaragua"));

	private final KeyIndex items = new KeyIndex(
			map("ndfeb-magnet", "sintered NdFeB (neodymium-iron-boron) permanent magnet", "gallium", "gallium",
					"germanium", "germanium", "rare-earths", "rare earths (total rare-earth oxides)",
					"magnet-rare-earths", "magnet rare earth elements"));

	@Test
	void aKeyMatchesAsItIsOrIgnoringCase() {
		assertThat(this.parties.resolve("CHN")).contains("CHN");
		assertThat(this.parties.resolve("chn")).contains("CHN");
		assertThat(this.parties.resolve(" eu ")).contains("EU");
		assertThat(this.items.resolve("NdFeB-Magnet")).contains("ndfeb-magnet");
	}

	@Test
	void aUniqueNameMatchesIgnoringCaseAsDoesItsPartBeforeAParenthesis() {
		assertThat(this.parties.resolve("Germany")).contains("DEU");
		assertThat(this.parties.resolve("united states")).contains("USA");
		assertThat(this.items.resolve("Gallium")).contains("gallium");
		assertThat(this.items.resolve("rare earths")).contains("rare-earths");
	}

	@Test
	void aKeyOrNameThatNamesTwoThingsMatchesNone() {
		KeyIndex ambiguous = new KeyIndex(map("ABC", "Same", "XYZ", "Same", "abc", "Lower"));
		assertThat(ambiguous.resolve("same")).isEmpty();
		assertThat(ambiguous.resolve("ABC")).contains("ABC");
		assertThat(ambiguous.resolve("abc")).contains("abc");
		assertThat(ambiguous.resolve("Abc")).isEmpty();
	}

	@Test
	void aMissSuggestsUpToThreeCloseKeysClosestFirst() {
		assertThat(this.items.resolve("ndfeb-magnets")).isEmpty();
		assertThat(this.items.suggestions("ndfeb-magnets")).containsExactly("ndfeb-magnet");
		assertThat(this.items.suggestions("galium")).first().isEqualTo("gallium");
		assertThat(this.parties.suggestions("Germny")).containsExactly("DEU");
		assertThat(this.items.suggestions("earth")).containsExactly("magnet-rare-earths", "rare-earths");
		assertThat(this.parties.suggestions("NI")).hasSizeLessThanOrEqualTo(KeyIndex.MAX_SUGGESTIONS)
			.contains("NIU", "NIC");
	}

	@Test
	void somethingFarFromEveryKeySuggestsNothing() {
		assertThat(this.items.suggestions("unobtainium")).isEmpty();
		assertThat(this.parties.suggestions("XYZ")).isEmpty();
		assertThat(this.parties.suggestions("x'}) DETACH DELETE n //")).isEmpty();
		assertThat(this.parties.suggestions("x".repeat(10_000))).isEmpty();
		assertThat(this.parties.suggestions("")).isEmpty();
	}

	@Test
	void levenshteinCountsEdits() {
		assertThat(KeyIndex.levenshtein("galium", "gallium")).isEqualTo(1);
		assertThat(KeyIndex.levenshtein("kitten", "sitting")).isEqualTo(3);
		assertThat(KeyIndex.levenshtein("", "abc")).isEqualTo(3);
	}

	private static Map<String, String> map(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
