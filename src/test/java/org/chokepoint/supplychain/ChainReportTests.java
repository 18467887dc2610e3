package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplychain.ChainAnalysis.Alternative;
import org.chokepoint.supplychain.ChainAnalysis.FactUsed;
import org.chokepoint.supplychain.ChainAnalysis.ItemExposure;
import org.chokepoint.supplychain.ChainAnalysis.Rest;
import org.chokepoint.supplychain.ChainAnalysis.SinglePointOfFailure;
import org.chokepoint.supplychain.ChainAnalysis.StageSupply;
import org.chokepoint.supplychain.ChainAnalysis.SupplierShare;
import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.junit.jupiter.api.Test;

/**
 * What a chain answer lists ({@link Detail}), on a chain by hand: JPN buys gadgets at the
 * world's shares (CHN 0.9, A01..A12 0.008 each, B3 0.0025, B1 0.0009, B2 0.0006); the
 * gadget makers buy the ore they refine from AUS, CHN and A01 at their own mixes of
 * source s2 (2024), A02 at its own of s3 (2023), the others at the world's shares (s1);
 * AUS has a mix of its own (s4, 2022) but makes no gadgets, so no answer names it. B1 is
 * allied to JPN for gadgets.
 */
class ChainReportTests {

	private static final double EPS = 1e-15;

	private static final List<String> SMALL = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "A08", "A09",
			"A10", "A11", "A12");

	private static Map<String, ChainCalculator.Item> items() {
		return items(null);
	}

	/**
	 * The chain's facts; with {@code parties}, each stage also as dense splits of that
	 * one index, as a projection's facts are.
	 */
	private static Map<String, ChainCalculator.Item> items(PartyIndex parties) {
		List<Split> gadgetShares = new ArrayList<>(List.of(new Split("CHN", 0.9)));
		SMALL.forEach(country -> gadgetShares.add(new Split(country, 0.008)));
		gadgetShares.addAll(List.of(new Split("B3", 0.0025), new Split("B1", 0.0009), new Split("B2", 0.0006)));
		StageFacts gadget = new StageFacts(Stage.MANUFACTURING, gadgetShares, 2024L, "s1", List.of(),
				(parties != null) ? DenseSplits.compile(parties, gadgetShares, List.of()) : null);
		List<Split> aus = List.of(new Split("AUS", 1.0));
		List<BuyerSplit> mixes = List.of(new BuyerSplit("CHN", aus, 2024, "s2"), new BuyerSplit("A01", aus, 2024, "s2"),
				new BuyerSplit("A02", aus, 2023, "s3"), new BuyerSplit("AUS", aus, 2022, "s4"));
		StageFacts ore = new StageFacts(Stage.REFINING, aus, 2024L, "s1", mixes,
				(parties != null) ? DenseSplits.compile(parties, aus, mixes) : null);
		Map<String, ChainCalculator.Item> items = new LinkedHashMap<>();
		items.put("gadget",
				new ChainCalculator.Item("gadget", true, List.of("ore"), new ItemFacts("gadget", List.of(gadget))));
		items.put("ore", new ChainCalculator.Item("ore", false, List.of(), new ItemFacts("ore", List.of(ore))));
		return items;
	}

	private static ChainReport report(Detail detail, double threshold) {
		return report(detail, threshold, items());
	}

	private static ChainReport report(Detail detail, double threshold, Map<String, ChainCalculator.Item> items) {
		ChainComputation chain = ChainCalculator.compute("gadget", "JPN", items, List.of());
		Alliances.Of alliances = new Alliances.Of("JPN",
				List.of(new Alliances.Agreement("jp-b1", false, Set.of("gadget"), Set.of("JPN", "B1"))), Set.of("ore"));
		return new ChainReport(chain, "JPN", alliances, Set.of("ore"), null, detail, threshold);
	}

	private static StageSupply stage(List<ItemExposure> items, String item) {
		return items.stream().filter(i -> i.item().equals(item)).findFirst().orElseThrow().stages().get(0);
	}

	@Test
	void aSummaryListsSuppliersFromOneThousandthAndSumsTheRest() {
		StageSupply gadgets = stage(report(Detail.SUMMARY, 0.5).items(), "gadget");
		List<String> listed = new ArrayList<>(List.of("CHN"));
		listed.addAll(SMALL);
		listed.add("B3");
		assertThat(gadgets.suppliers()).extracting(SupplierShare::country).containsExactlyElementsOf(listed);
		// B1 0.0009 and B2 0.0006: under 0.001
		assertThat(gadgets.otherSuppliers().count()).isEqualTo(2);
		assertThat(gadgets.otherSuppliers().share()).isCloseTo(0.0015, within(EPS));
		// listed and left out add up to the stage's weight
		double listedShares = gadgets.suppliers().stream().mapToDouble(SupplierShare::share).sum();
		assertThat(listedShares + gadgets.otherSuppliers().share()).isCloseTo(gadgets.weightIn(), within(1e-12));
	}

	@Test
	void aThresholdUnderOneThousandthListsEverySupplierFromIt() {
		StageSupply gadgets = stage(report(Detail.SUMMARY, 0.0008).items(), "gadget");
		assertThat(gadgets.suppliers()).extracting(SupplierShare::country).contains("B1").doesNotContain("B2");
		assertThat(gadgets.otherSuppliers().count()).isEqualTo(1);
		assertThat(gadgets.otherSuppliers().share()).isCloseTo(0.0006, within(EPS));
	}

	@Test
	void fullDetailListsEverySupplierAndLeavesNothingOut() {
		StageSupply gadgets = stage(report(Detail.FULL, 0.5).items(), "gadget");
		assertThat(gadgets.suppliers()).hasSize(16);
		assertThat(gadgets.suppliers()).extracting(SupplierShare::country).endsWith("B3", "B1", "B2");
		assertThat(gadgets.otherSuppliers()).isEqualTo(Rest.NONE);
	}

	@Test
	void aSummaryListsTheTenLargestAlternativesAndEveryAlliedOne() {
		ChainReport report = report(Detail.SUMMARY, 0.5);
		List<SinglePointOfFailure> spofs = report.singlePointsOfFailure("gadget", report.items(), Map.of());
		// AUS refines all the ore (a sole source, no alternative), CHN makes 0.9 of the
		// gadgets
		assertThat(spofs).extracting(SinglePointOfFailure::country).containsExactly("AUS", "CHN");
		assertThat(spofs.get(0).alternatives()).isEmpty();
		assertThat(spofs.get(0).otherAlternatives()).isEqualTo(Rest.NONE);
		SinglePointOfFailure china = spofs.get(1);
		assertThat(china.share()).isCloseTo(0.9, within(EPS));
		// the ten largest (A01..A10: equal shares, by code), then B1 (allied, 0.0009)
		List<String> listed = new ArrayList<>(SMALL.subList(0, 10));
		listed.add("B1");
		assertThat(china.alternatives()).extracting(Alternative::country).containsExactlyElementsOf(listed);
		assertThat(china.alternatives().get(10).allied()).isTrue();
		assertThat(china.alternatives().get(10).agreements()).containsExactly("jp-b1");
		// left out: A11, A12 (0.008 each), B3 0.0025, B2 0.0006
		assertThat(china.otherAlternatives().count()).isEqualTo(4);
		assertThat(china.otherAlternatives().share()).isCloseTo(0.0191, within(EPS));
	}

	@Test
	void fullDetailListsEveryAlternative() {
		ChainReport report = report(Detail.FULL, 0.5);
		SinglePointOfFailure china = report.singlePointsOfFailure("gadget", report.items(), Map.of()).get(1);
		assertThat(china.country()).isEqualTo("CHN");
		assertThat(china.alternatives()).hasSize(15);
		assertThat(china.otherAlternatives()).isEqualTo(Rest.NONE);
	}

	@Test
	void aSummaryGroupsTheBuyersMixesPerSourceAndYear() {
		StageSupply ore = stage(report(Detail.SUMMARY, 0.5).items(), "ore");
		assertThat(ore.basis()).isEqualTo("MIXED");
		assertThat(ore.facts()).containsExactly(new FactUsed("GLOBAL", null, 2024L, "s1", 0),
				new FactUsed("BUYER_SOURCING", null, 2024L, "s2", 2),
				new FactUsed("BUYER_SOURCING", "A02", 2023L, "s3", 1));
	}

	@Test
	void fullDetailNamesEachBuyersMix() {
		StageSupply ore = stage(report(Detail.FULL, 0.5).items(), "ore");
		assertThat(ore.facts()).containsExactly(new FactUsed("GLOBAL", null, 2024L, "s1", 0),
				new FactUsed("BUYER_SOURCING", "CHN", 2024L, "s2", 1),
				new FactUsed("BUYER_SOURCING", "A01", 2024L, "s2", 1),
				new FactUsed("BUYER_SOURCING", "A02", 2023L, "s3", 1));
	}

	@Test
	void factsAsAProjectionsDenseSplitsReportTheSame() {
		List<String> codes = new ArrayList<>(List.of("JPN", "CHN", "AUS", "B1", "B2", "B3"));
		codes.addAll(SMALL);
		PartyIndex parties = new PartyIndex(codes.toArray(String[]::new));
		for (Detail detail : Detail.values()) {
			ChainReport plain = report(detail, 0.5);
			ChainReport dense = report(detail, 0.5, items(parties));
			List<ItemExposure> items = dense.items();
			assertThat(items).as(detail.word()).isEqualTo(plain.items());
			assertThat(dense.singlePointsOfFailure("gadget", items, Map.of()))
				.isEqualTo(plain.singlePointsOfFailure("gadget", plain.items(), Map.of()));
		}
		// the buyers' mixes of the dense report, as the hand-computed test above has them
		assertThat(stage(report(Detail.SUMMARY, 0.5, items(parties)).items(), "ore").facts()).containsExactly(
				new FactUsed("GLOBAL", null, 2024L, "s1", 0), new FactUsed("BUYER_SOURCING", null, 2024L, "s2", 2),
				new FactUsed("BUYER_SOURCING", "A02", 2023L, "s3", 1));
	}

	@Test
	void aFewBuyersOfManyAndBuyersWithTwoMixesReportAsWithoutDenseSplits() {
		List<String> codes = new ArrayList<>(List.of("JPN", "CHN", "AUS", "B1", "B2", "B3"));
		codes.addAll(SMALL);
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			others.add(String.format("X%02d", i));
		}
		codes.addAll(others);
		PartyIndex parties = new PartyIndex(codes.toArray(String[]::new));
		List<Split> aus = List.of(new Split("AUS", 1.0));
		// thirty buyers that make no gadgets first, then the three that do, not in the
		// order the chain reaches them (CHN, A01, A02)
		List<BuyerSplit> many = new ArrayList<>();
		others.forEach(o -> many.add(new BuyerSplit(o, aus, 2024, "s9")));
		many.addAll(List.of(new BuyerSplit("A02", aus, 2023, "s3"), new BuyerSplit("A01", aus, 2024, "s2"),
				new BuyerSplit("CHN", aus, 2024, "s2")));
		// and with a second mix of A01's before CHN's
		List<BuyerSplit> twice = new ArrayList<>(many);
		twice.add(twice.size() - 1, new BuyerSplit("A01", aus, 2021, "s5"));
		for (List<BuyerSplit> mixes : List.of(many, twice)) {
			DenseSplits dense = DenseSplits.compile(parties, aus, mixes);
			assertThat(dense.oneRowEach()).isEqualTo(mixes == many);
			for (Detail detail : Detail.values()) {
				ChainReport plain = report(detail, 0.5,
						withOre(items(), new StageFacts(Stage.REFINING, aus, 2024L, "s1", mixes)));
				ChainReport byIds = report(detail, 0.5,
						withOre(items(parties), new StageFacts(Stage.REFINING, aus, 2024L, "s1", mixes, dense)));
				assertThat(byIds.items()).as(detail.word()).isEqualTo(plain.items());
				assertThat(byIds.singlePointsOfFailure("gadget", byIds.items(), Map.of()))
					.isEqualTo(plain.singlePointsOfFailure("gadget", plain.items(), Map.of()));
			}
		}
		// the mixes used, in the facts' order: A02's, A01's, (A01's second), CHN's
		assertThat(stage(report(Detail.FULL, 0.5,
				withOre(items(parties),
						new StageFacts(Stage.REFINING, aus, 2024L, "s1", twice,
								DenseSplits.compile(parties, aus, twice))))
			.items(), "ore").facts()).containsExactly(new FactUsed("GLOBAL", null, 2024L, "s1", 0),
					new FactUsed("BUYER_SOURCING", "A02", 2023L, "s3", 1),
					new FactUsed("BUYER_SOURCING", "A01", 2024L, "s2", 1),
					new FactUsed("BUYER_SOURCING", "A01", 2021L, "s5", 1),
					new FactUsed("BUYER_SOURCING", "CHN", 2024L, "s2", 1));
	}

	/** {@code items} with the ore's stage {@code ore}. */
	private static Map<String, ChainCalculator.Item> withOre(Map<String, ChainCalculator.Item> items, StageFacts ore) {
		Map<String, ChainCalculator.Item> changed = new LinkedHashMap<>(items);
		changed.put("ore", new ChainCalculator.Item("ore", false, List.of(), new ItemFacts("ore", List.of(ore))));
		return changed;
	}

	@Test
	void anItemAtTwoPositionsListsEachSuppliersLargestShare() {
		// JPN buys kits from KOR; a kit holds ore and a part bought from USA, a part
		// holds ore. KOR refines its ore from CHN 0.8, AUS 0.2; USA from CHN 0.3, AUS
		// 0.7: ore's two positions give CHN 0.8 and AUS 0.7, each its larger share
		List<BuyerSplit> mixes = List.of(
				new BuyerSplit("KOR", List.of(new Split("CHN", 0.8), new Split("AUS", 0.2)), 2024, "s2"),
				new BuyerSplit("USA", List.of(new Split("CHN", 0.3), new Split("AUS", 0.7)), 2024, "s2"));
		Map<String, ChainCalculator.Item> items = new LinkedHashMap<>();
		items.put("kit", new ChainCalculator.Item("kit", true, List.of("ore", "part"), new ItemFacts("kit",
				List.of(new StageFacts(Stage.MANUFACTURING, List.of(new Split("KOR", 1.0)), 2024L, "s1", List.of())))));
		items.put("part", new ChainCalculator.Item("part", true, List.of("ore"), new ItemFacts("part",
				List.of(new StageFacts(Stage.MANUFACTURING, List.of(new Split("USA", 1.0)), 2024L, "s1", List.of())))));
		items.put("ore", new ChainCalculator.Item("ore", false, List.of(),
				new ItemFacts("ore", List.of(new StageFacts(Stage.REFINING, List.of(), null, null, mixes)))));
		ChainComputation chain = ChainCalculator.compute("kit", "JPN", items, List.of());
		Alliances.Of none = new Alliances.Of("JPN", List.of(), Set.of("ore"));
		StageSupply ore = stage(new ChainReport(chain, "JPN", none, Set.of("ore"), null, Detail.SUMMARY, 0.5).items(),
				"ore");
		assertThat(ore.suppliers()).extracting(SupplierShare::country, SupplierShare::share)
			.containsExactly(tuple("CHN", 0.8), tuple("AUS", 0.7));
		// the same merged on the codes, as for chain.cypher's answers (no party ids)
		ChainComputation byCode = new ChainComputation(chain.chinaExposure(), chain.unknownShare(),
				chain.chinaFreeShare(), chain.remainingSupply(), chain.worstInput(), chain.inputs(),
				chain.positions()
					.stream()
					.map(p -> new ChainComputation.PositionStages(p.position(), p.stages()
						.stream()
						.map(r -> new ChainComputation.StageResult(r.stage(), r.weightIn(), r.unknown(), r.hhi(),
								r.basis(),
								r.suppliers()
									.stream()
									.map(w -> new ChainComputation.SupplierWeight(w.country(), w.share(), w.china()))
									.toList(),
								r.ownBuyers()))
						.toList()))
					.toList(),
				chain.gaps(), chain.facts());
		assertThat(byCode.positions().get(0).stages().get(0).suppliers().get(0).id()).isEqualTo(-1);
		assertThat(new ChainReport(byCode, "JPN", none, Set.of("ore"), null, Detail.SUMMARY, 0.5).items())
			.isEqualTo(new ChainReport(chain, "JPN", none, Set.of("ore"), null, Detail.SUMMARY, 0.5).items());
	}

	@Test
	void theFiguresAreTheSameEitherWay() {
		List<ItemExposure> summary = report(Detail.SUMMARY, 0.5).items();
		List<ItemExposure> full = report(Detail.FULL, 0.5).items();
		assertThat(summary).extracting(ItemExposure::figures)
			.isEqualTo(full.stream().map(ItemExposure::figures).toList());
		StageSupply a = stage(summary, "gadget");
		StageSupply b = stage(full, "gadget");
		assertThat(List.of(a.hhi(), a.weightIn(), a.unknownShare(), a.basis()))
			.isEqualTo(List.of(b.hhi(), b.weightIn(), b.unknownShare(), b.basis()));
		assertThat(b.suppliers().subList(0, a.suppliers().size())).isEqualTo(a.suppliers());
	}

}
