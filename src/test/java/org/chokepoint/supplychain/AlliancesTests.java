package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The allies of a consumer by party id ({@link Alliances.Of#alliedIds}) are those it
 * names by code ({@link Alliances.Of#allied}): JPN has an agreement with AUS on gadgets
 * only, one with CAN on critical minerals (the ore is one), and one with GBR on nothing
 * the chain holds.
 */
class AlliancesTests {

	private static final Alliances.Of JAPAN = new Alliances.Of("JPN",
			List.of(new Alliances.Agreement("jp-au", false, Set.of("gadget"), Set.of("JPN", "AUS")),
					new Alliances.Agreement("jp-ca", true, Set.of(), Set.of("JPN", "CAN")),
					new Alliances.Agreement("jp-gb", false, Set.of("tea"), Set.of("JPN", "GBR"))),
			Set.of("ore"));

	private static final PartyIndex PARTIES = new PartyIndex(new String[] { "CHN", "AUS", "CAN", "GBR", "JPN", "USA" });

	private static List<String> alliedIn(boolean[] byId) {
		return java.util.stream.IntStream.range(0, byId.length).filter(i -> byId[i]).mapToObj(PARTIES::name).toList();
	}

	@Test
	void byIdTheAlliesAreTheConsumerAndThePartnersInAnAgreementCoveringTheItem() {
		assertThat(alliedIn(JAPAN.alliedIds("gadget", PARTIES))).containsExactly("AUS", "JPN");
		assertThat(alliedIn(JAPAN.alliedIds("ore", PARTIES))).containsExactly("CAN", "JPN");
		assertThat(alliedIn(JAPAN.alliedIds("cell", PARTIES))).containsExactly("JPN");
	}

	@Test
	void byIdAndByCodeAgreeOnEveryParty() {
		for (String item : List.of("gadget", "ore", "tea", "cell")) {
			boolean[] byId = JAPAN.alliedIds(item, PARTIES);
			for (int id = 0; id < PARTIES.size(); id++) {
				assertThat(byId[id]).as(item + " " + PARTIES.name(id)).isEqualTo(JAPAN.allied(PARTIES.name(id), item));
			}
		}
	}

	@Test
	void aPartnerOrConsumerOutsideTheIndexIsLeftOut() {
		PartyIndex withoutJapan = new PartyIndex(new String[] { "CHN", "AUS" });
		boolean[] byId = JAPAN.alliedIds("gadget", withoutJapan);
		assertThat(byId).containsExactly(false, true);
	}

}
