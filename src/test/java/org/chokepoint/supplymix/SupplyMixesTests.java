package org.chokepoint.supplymix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplymix.MixFacts.Flow;
import org.chokepoint.supplymix.MixFacts.Output;
import org.chokepoint.supplymix.MixFacts.Reliance;
import org.chokepoint.supplymix.MixFacts.Row;
import org.junit.jupiter.api.Test;

/**
 * Buyers' mixes against hand-computed answers (domain.md, "A buyer's supply", "Where it
 * really comes from", "Precisely"); each case writes its arithmetic.
 */
class SupplyMixesTests {

	static final double E = 1e-12;

	private final List<Output> outputs = new ArrayList<>();

	private final List<Row> rows = new ArrayList<>();

	private final List<Flow> flows = new ArrayList<>();

	private final List<Reliance> reliance = new ArrayList<>();

	private Map<String, Set<String>> members = Map.of();

	private boolean mineral = true;

	private List<Mix> derive() {
		return SupplyMixes.derive(new MixFacts("x", "REFINING", this.mineral, this.outputs, this.rows, this.flows,
				this.reliance, this.members));
	}

	private Mix mix(String buyer, Sourcing sourcing, long asOf) {
		return derive().stream()
			.filter(m -> m.buyer().equals(buyer) && m.sourcing() == sourcing && m.asOf() == asOf)
			.findFirst()
			.orElse(null);
	}

	private void flow(String from, String to, long year, double tonnes) {
		this.flows.add(new Flow(from, to, year, "baci", 1, tonnes));
	}

	@Test
	void supplyRowsAreUsedAsTheyAreAndTheRestIsUnknown() {
		// the EU's magnets: 17,500 of 20,000 t from China = 0.875, its own 1,000 t =
		// 0.05; 0.075 unknown
		this.rows.add(new Row("EU", "CHN", 2024, "seed", 1, Basis.SUPPLY, 0.875));
		this.rows.add(new Row("EU", "EU", 2024, "seed", 1, Basis.SUPPLY, 0.05));
		Mix eu = mix("EU", Sourcing.DIRECT, 2024);
		assertThat(eu.kind()).isEqualTo(MixKind.SUPPLY_ROWS);
		assertThat(eu.suppliers()).containsExactly("CHN", "EU");
		assertThat(eu.shares()).containsExactly(new double[] { 0.875, 0.05 }, within(E));
		assertThat(eu.unknown()).isCloseTo(0.075, within(E));
	}

	@Test
	void ownOutputAndImportsInTonnesMakeTheMix() {
		// USA makes 55 t, imports 30 t from Chile and 15 t from Canada: 55 + 30 + 15 =
		// 100 t of supply
		this.outputs.add(new Output("USA", 2024, "usgs", 0, 55.0));
		this.outputs.add(new Output("CHL", 2024, "usgs", 0, 500.0));
		flow("CHL", "USA", 2024, 30);
		flow("CAN", "USA", 2024, 15);
		Mix usa = mix("USA", Sourcing.DIRECT, 2024);
		assertThat(usa.kind()).isEqualTo(MixKind.OUTPUT_AND_IMPORTS);
		assertThat(usa.suppliers()).containsExactly("USA", "CHL", "CAN");
		assertThat(usa.shares()).containsExactly(new double[] { 0.55, 0.30, 0.15 }, within(E));
	}

	@Test
	void importSharesAreScaledByNetImportReliance() {
		// Chile ships 68 % of US imports, Canada 32 %; the USA imports 45 % of what it
		// uses:
		// USA 1 - 0.45 = 0.55, Chile 0.45 x 0.68 = 0.306, Canada 0.45 x 0.32 = 0.144
		this.rows.add(new Row("USA", "CHL", 2024, "usgs", 0, Basis.IMPORTS, 0.68));
		this.rows.add(new Row("USA", "CAN", 2024, "usgs", 0, Basis.IMPORTS, 0.32));
		this.reliance.add(new Reliance("USA", 2024, "usgs", 0, 0.45));
		Mix usa = mix("USA", Sourcing.DIRECT, 2024);
		assertThat(usa.kind()).isEqualTo(MixKind.IMPORTS_WITH_RELIANCE);
		assertThat(usa.suppliers()).containsExactly("USA", "CHL", "CAN");
		assertThat(usa.shares()).containsExactly(new double[] { 0.55, 0.306, 0.144 }, within(E));
		assertThat(usa.sources()).containsExactly("usgs");
	}

	@Test
	void importSharesShortOfOneSendTheRestOfTheImportPartToTheUnknownSupplier() {
		// reliance 0.5, import shares 0.6 + 0.2 = 0.8: own 0.5, CHN 0.3, CAN 0.1, unknown
		// 0.5 x 0.2 = 0.1
		this.rows.add(new Row("USA", "CHN", 2024, "usgs", 0, Basis.IMPORTS, 0.6));
		this.rows.add(new Row("USA", "CAN", 2024, "usgs", 0, Basis.IMPORTS, 0.2));
		this.reliance.add(new Reliance("USA", 2023, "usgs", 0, 0.5));
		Mix usa = mix("USA", Sourcing.DIRECT, 2024);
		assertThat(usa.shares()).containsExactly(new double[] { 0.5, 0.3, 0.1 }, within(E));
		assertThat(usa.unknown()).isCloseTo(0.1, within(E));
	}

	@Test
	void aRelianceAboveOneCountsAsOneAndANetExporterSuppliesItself() {
		this.rows.add(new Row("USA", "CHN", 2024, "usgs", 0, Basis.IMPORTS, 1.0));
		this.rows.add(new Row("JPN", "CHN", 2024, "usgs", 0, Basis.IMPORTS, 1.0));
		this.reliance.add(new Reliance("USA", 2024, "usgs", 0, 1.2));
		this.reliance.add(new Reliance("JPN", 2024, "usgs", 0, -0.3));
		Mix usa = mix("USA", Sourcing.DIRECT, 2024);
		assertThat(usa.suppliers()).containsExactly("CHN");
		assertThat(usa.shares()).containsExactly(new double[] { 1.0 }, within(E));
		Mix jpn = mix("JPN", Sourcing.DIRECT, 2024);
		assertThat(jpn.kind()).isEqualTo(MixKind.NET_EXPORTER);
		assertThat(jpn.suppliers()).containsExactly("JPN");
	}

	@Test
	void withoutRelianceOrComparableOutputImportSharesAreTheMixAndSaySo() {
		this.mineral = false; // a product: no reliance
		this.outputs.add(new Output("CHN", 2024, "iea", 1, null)); // shares only: not
																	// comparable
		flow("CHN", "JPN", 2024, 36);
		flow("PHL", "JPN", 2024, 29);
		flow("VNM", "JPN", 2024, 26);
		flow("DEU", "JPN", 2024, 9);
		Mix jpn = mix("JPN", Sourcing.DIRECT, 2024);
		assertThat(jpn.kind()).isEqualTo(MixKind.IMPORTS_ONLY);
		assertThat(jpn.kind().description()).startsWith("assumption");
		assertThat(jpn.suppliers()).containsExactly("CHN", "PHL", "VNM", "DEU");
		assertThat(jpn.shares()).containsExactly(new double[] { 0.36, 0.29, 0.26, 0.09 }, within(E));
	}

	@Test
	void aNetExporterWithoutOutputFiguresMadeAtLeastItsNetExports() {
		this.mineral = false;
		// Vietnam imports 80 t from China and ships 100 t to Japan: it made at least 100
		// - 80 = 20 t;
		// supply 20 + 80 = 100: VNM 0.2, CHN 0.8
		flow("CHN", "VNM", 2024, 80);
		flow("VNM", "JPN", 2024, 100);
		Mix vnm = mix("VNM", Sourcing.DIRECT, 2024);
		assertThat(vnm.kind()).isEqualTo(MixKind.NET_EXPORTS_AS_OUTPUT);
		assertThat(vnm.suppliers()).containsExactly("CHN", "VNM");
		assertThat(vnm.shares()).containsExactly(new double[] { 0.8, 0.2 }, within(E));
	}

	@Test
	void reExportsAreTracedToTheirOrigin() {
		this.mineral = false;
		// Japan: 60 t from China, 40 t from Vietnam (imports only); Vietnam as above (CHN
		// 0.8, VNM 0.2);
		// China imports nothing and has no mix: its own origin.
		// traced Japan = 0.6 CHN + 0.4 x (0.8 CHN + 0.2 VNM) = 0.92 CHN + 0.08 VNM
		flow("CHN", "JPN", 2024, 60);
		flow("VNM", "JPN", 2024, 40);
		flow("CHN", "VNM", 2024, 80);
		flow("VNM", "KOR", 2024, 60);
		Mix direct = mix("JPN", Sourcing.DIRECT, 2024);
		assertThat(direct.shares()).containsExactly(new double[] { 0.6, 0.4 }, within(E));
		Mix traced = mix("JPN", Sourcing.TRACED, 2024);
		assertThat(traced.suppliers()).containsExactly("CHN", "VNM");
		assertThat(traced.shares()).containsExactly(new double[] { 0.92, 0.08 }, within(E));
		assertThat(traced.kind()).isEqualTo(direct.kind());
	}

	@Test
	void weightCirculatingAmongTradersIsFollowedUntilItLeaves() {
		this.mineral = false;
		// A buys half from B, half from producer P; B buys all from A (and both ship no
		// more than they buy):
		// origin(A) = 0.5 P + 0.5 origin(B), origin(B) = origin(A) => origin(A) = P
		flow("B", "A", 2024, 50);
		flow("P", "A", 2024, 50);
		flow("A", "B", 2024, 50);
		Mix a = mix("A", Sourcing.TRACED, 2024);
		assertThat(a.suppliers()).containsExactly("P");
		assertThat(a.shares()).containsExactly(new double[] { 1.0 }, within(E));
		Mix b = mix("B", Sourcing.TRACED, 2024);
		assertThat(b.shares()).containsExactly(new double[] { 1.0 }, within(E));
	}

	@Test
	void weightThatCanNeverReachAProducerGoesToTheUnknownSupplier() {
		// import-source rows, no reliance: C buys 0.5 from P and 0.5 from A; A and B only
		// buy from each
		// other (a closed loop): origin(C) = 0.5 P, unknown 0.5; A and B: all unknown
		this.rows.add(new Row("C", "P", 2024, "usgs", 0, Basis.IMPORTS, 0.5));
		this.rows.add(new Row("C", "A", 2024, "usgs", 0, Basis.IMPORTS, 0.5));
		this.rows.add(new Row("A", "B", 2024, "usgs", 0, Basis.IMPORTS, 1.0));
		this.rows.add(new Row("B", "A", 2024, "usgs", 0, Basis.IMPORTS, 1.0));
		Mix c = mix("C", Sourcing.TRACED, 2024);
		assertThat(c.suppliers()).containsExactly("P");
		assertThat(c.shares()).containsExactly(new double[] { 0.5 }, within(E));
		assertThat(c.unknown()).isCloseTo(0.5, within(E));
		assertThat(mix("A", Sourcing.TRACED, 2024).unknown()).isCloseTo(1.0, within(E));
	}

	@Test
	void aBlocImportsWhatItsMembersBuyOutsideItAndMakesWhatTheyMake() {
		this.members = Map.of("EU", Set.of("DEU", "FRA"));
		// output table in tonnes: DEU 5 (FRA absent: made none); flows: DEU <- CHN 10,
		// DEU <- FRA 5 (inside
		// the bloc: not imports), FRA <- USA 5. EU supply 5 + 10 + 5 = 20: EU 0.25, CHN
		// 0.5, USA 0.25
		this.outputs.add(new Output("DEU", 2024, "usgs", 0, 5.0));
		this.outputs.add(new Output("CHN", 2024, "usgs", 0, 500.0));
		flow("CHN", "DEU", 2024, 10);
		flow("FRA", "DEU", 2024, 5);
		flow("USA", "FRA", 2024, 5);
		Mix eu = mix("EU", Sourcing.DIRECT, 2024);
		assertThat(eu.kind()).isEqualTo(MixKind.OUTPUT_AND_IMPORTS);
		assertThat(eu.suppliers()).containsExactly("CHN", "EU", "USA");
		assertThat(eu.shares()).containsExactly(new double[] { 0.5, 0.25, 0.25 }, within(E));
		// Germany: 5 own + 10 + 5 = 20: DEU 0.25, CHN 0.5, FRA 0.25
		Mix deu = mix("DEU", Sourcing.DIRECT, 2024);
		assertThat(deu.shares()).containsExactly(new double[] { 0.5, 0.25, 0.25 }, within(E));
		// China made 500 and imports nothing in flows that exist: it supplies itself
		Mix chn = mix("CHN", Sourcing.DIRECT, 2024);
		assertThat(chn.kind()).isEqualTo(MixKind.OWN_OUTPUT_ONLY);
		assertThat(chn.suppliers()).containsExactly("CHN");
	}

	@Test
	void theNewestYearWinsThenSupplyRowsBeforeFlows() {
		this.mineral = false;
		this.rows.add(new Row("JPN", "CHN", 2022, "seed", 1, Basis.SUPPLY, 1.0));
		flow("KOR", "JPN", 2024, 10);
		// as of 2022 the row; as of 2024 the newer flows
		assertThat(mix("JPN", Sourcing.DIRECT, 2022).suppliers()).containsExactly("CHN");
		assertThat(mix("JPN", Sourcing.DIRECT, 2024).suppliers()).containsExactly("KOR");
		// a supply row of the same year and source quality wins over the flows
		this.rows.add(new Row("JPN", "AUS", 2024, "seed", 1, Basis.SUPPLY, 1.0));
		assertThat(mix("JPN", Sourcing.DIRECT, 2024).suppliers()).containsExactly("AUS");
	}

	@Test
	void theFlowsOfOneYearAreOneCrossSection() {
		this.mineral = false;
		this.outputs.add(new Output("BRA", 2022, "usgs", 0, 100.0));
		flow("CHN", "BRA", 2022, 10);
		flow("CHN", "JPN", 2024, 10);
		// as of 2022 Brazil: 100 own + 10 imported: BRA 10/11, CHN 1/11
		Mix y2022 = mix("BRA", Sourcing.DIRECT, 2022);
		assertThat(y2022.shares()).containsExactly(new double[] { 100.0 / 110, 10.0 / 110 }, within(E));
		// as of 2024 the 2024 flows hold no import of Brazil's: it has output, so it
		// supplies itself
		Mix y2024 = mix("BRA", Sourcing.DIRECT, 2024);
		assertThat(y2024.kind()).isEqualTo(MixKind.OWN_OUTPUT_ONLY);
		assertThat(y2024.dataYear()).isEqualTo(2022);
	}

	@Test
	void productionAloneNeverMakesAProducerSelfSufficient() {
		this.outputs.add(new Output("AUS", 2024, "usgs", 0, 100.0));
		assertThat(derive()).isEmpty();
	}

	@Test
	void anExportToABlocMemberCountsOnceTowardsNetExports() {
		this.mineral = false;
		this.members = Map.of("EU", Set.of("DEU", "FRA"));
		// found by the oracle (GeneratedChainsIT): Korea imports 68 t from China and 62 t
		// from Australia,
		// exports 183 t to the USA and 58 t to Germany, an EU member: exports 241 t, not
		// 299 t.
		// KOR (241 - 130) / 241, CHN 68 / 241, AUS 62 / 241
		flow("CHN", "KOR", 2024, 68);
		flow("AUS", "KOR", 2024, 62);
		flow("KOR", "USA", 2024, 183);
		flow("KOR", "DEU", 2024, 58);
		Mix kor = mix("KOR", Sourcing.DIRECT, 2024);
		assertThat(kor.kind()).isEqualTo(MixKind.NET_EXPORTS_AS_OUTPUT);
		assertThat(kor.suppliers()).containsExactly("KOR", "CHN", "AUS");
		assertThat(kor.shares()).containsExactly(new double[] { 111.0 / 241, 68.0 / 241, 62.0 / 241 }, within(E));
	}

	@Test
	void aBlocExportsWhatItsMembersShipOutsideIt() {
		this.mineral = false;
		this.members = Map.of("EU", Set.of("DEU", "FRA"));
		// the EU imports 10 t (DEU from CHN); its members ship 30 t outside (DEU to USA)
		// and 5 t inside
		// (DEU to FRA, not an export of the EU): the EU made at least 30 - 10 = 20 t: EU
		// 20/30, CHN 10/30
		flow("CHN", "DEU", 2024, 10);
		flow("DEU", "USA", 2024, 30);
		flow("DEU", "FRA", 2024, 5);
		Mix eu = mix("EU", Sourcing.DIRECT, 2024);
		assertThat(eu.kind()).isEqualTo(MixKind.NET_EXPORTS_AS_OUTPUT);
		assertThat(eu.suppliers()).containsExactly("EU", "CHN");
		assertThat(eu.shares()).containsExactly(new double[] { 20.0 / 30, 10.0 / 30 }, within(E));
	}

}
