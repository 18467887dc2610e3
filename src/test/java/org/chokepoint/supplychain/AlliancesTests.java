package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The allies of a consumer by party id ({@link Alliances.Of#byIds}) are those it names by
 * code ({@link Alliances.Of#allied}), with the same agreements
 * ({@link Alliances.Of#agreements}): JPN has an agreement with AUS on gadgets only, one
 * with CAN on critical minerals (the ore is one), and one with GBR on nothing the chain
 * holds.
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
		assertThat(alliedIn(JAPAN.byIds("gadget", PARTIES).allied())).containsExactly("AUS", "JPN");
		assertThat(alliedIn(JAPAN.byIds("ore", PARTIES).allied())).containsExactly("CAN", "JPN");
		assertThat(alliedIn(JAPAN.byIds("cell", PARTIES).allied())).containsExactly("JPN");
	}

	@Test
	void byIdAndByCodeAgreeOnEveryParty() {
		for (String item : List.of("gadget", "ore", "tea", "cell")) {
			Alliances.ById byId = JAPAN.byIds(item, PARTIES);
			for (int id = 0; id < PARTIES.size(); id++) {
				String party = PARTIES.name(id);
				assertThat(byId.allied()[id]).as(item + " " + party).isEqualTo(JAPAN.allied(party, item));
				assertThat(byId.agreements()[id]).as(item + " " + party).isEqualTo(JAPAN.agreements(party, item));
			}
		}
		// the ones that cover the item, for the consumer too (a party to each)
		assertThat(JAPAN.byIds("gadget", PARTIES).agreements()[PARTIES.id("AUS")]).containsExactly("jp-au");
		assertThat(JAPAN.byIds("ore", PARTIES).agreements()[PARTIES.id("JPN")]).containsExactly("jp-ca");
		assertThat(JAPAN.byIds("tea", PARTIES).agreements()[PARTIES.id("GBR")]).containsExactly("jp-gb");
		assertThat(JAPAN.byIds("cell", PARTIES).agreements()).allSatisfy(list -> assertThat(list).isEmpty());
	}

	@Test
	void aPartnerOrConsumerOutsideTheIndexIsLeftOut() {
		PartyIndex withoutJapan = new PartyIndex(new String[] { "CHN", "AUS" });
		Alliances.ById byId = JAPAN.byIds("gadget", withoutJapan);
		assertThat(byId.allied()).containsExactly(false, true);
		assertThat(byId.agreements()).containsExactly(List.of(), List.of("jp-au"));
	}

}
