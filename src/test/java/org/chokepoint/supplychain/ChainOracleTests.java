package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Hand-computed cases of the oracle itself ({@link MixOracle}, {@link ChainOracle}), each
 * with its arithmetic, so that GeneratedChainsIT compares the application with something
 * trusted.
 */
class ChainOracleTests {

	private static final double EPS = 1e-12;

	private static OracleFacts world() {
		OracleFacts f = new OracleFacts().source("off", "official").source("sec", "secondary");
		for (String c : List.of("CHN", "USA", "JPN", "KOR", "VNM", "PHL", "AUS", "CHL", "SGP", "ARE", "DEU", "FRA")) {
			f.country(c, c);
		}
		return f.bloc("EU", "DEU", "FRA").mineral("cu");
	}

	@Test
	void comparableOutputAndImports() {
		// USA made 0.1 kt; imports CHL 200 t, AUS 100 t: supply 100 + 300 = 400 t
		OracleFacts f = world().tonnes("USA", "cu", "REFINING", 2024, 0.1, "kt", "off")
			.tonnes("CHN", "cu", "REFINING", 2024, 0.9, "kt", "off")
			.flow(2024, "CHL", "USA", "cu", "REFINING", 200, "off")
			.flow(2024, "AUS", "USA", "cu", "REFINING", 100, "off");
		Map<String, Double> mix = new MixOracle(f).direct("USA", "cu", "REFINING", 2024);
		// USA 100/400 = 0.25, CHL 200/400 = 0.5, AUS 100/400 = 0.25
		assertThat(mix).containsOnlyKeys("USA", "CHL", "AUS");
		assertThat(mix.get("USA")).isCloseTo(0.25, within(EPS));
		assertThat(mix.get("CHL")).isCloseTo(0.5, within(EPS));
		assertThat(mix.get("AUS")).isCloseTo(0.25, within(EPS));
		// CHN is not an importer of the year's flows but made 900 t: it supplies itself
		assertThat(new MixOracle(f).direct("CHN", "cu", "REFINING", 2024)).isEqualTo(Map.of("CHN", 1.0));
		// 2023: no flows, no output: no mix; no global shares either
		assertThat(new MixOracle(f).direct("USA", "cu", "REFINING", 2023)).isNull();
		assertThat(new MixOracle(f).global("cu", "REFINING", 2023)).isNull();
		// global 2024: shares over the group's sum (no world total): CHN 0.9/1.0 kt, USA
		// 0.1/1.0 kt
		assertThat(new MixOracle(f).global("cu", "REFINING", 2024).get("CHN")).isCloseTo(0.9, within(EPS));
	}

	@Test
	void importSharesScaledByReliance() {
		// USA's output withheld: flows not comparable; import shares CHL 300/500 = 0.6,
		// AUS 200/500 = 0.4
		OracleFacts f = world().tonnes("CHN", "cu", "REFINING", 2024, 1000, "t", "off")
			.withheld("USA", "cu", "REFINING", 2024, "off")
			.flow(2024, "CHL", "USA", "cu", "REFINING", 300, "off")
			.flow(2024, "AUS", "USA", "cu", "REFINING", 200, "off")
			.reliance("USA", "cu", 2023, 0.5, "off");
		Map<String, Double> mix = new MixOracle(f).direct("USA", "cu", "REFINING", 2024);
		// reliance 0.5: USA 1 - 0.5 = 0.5, CHL 0.5 x 0.6 = 0.3, AUS 0.5 x 0.4 = 0.2
		assertThat(mix.get("USA")).isCloseTo(0.5, within(EPS));
		assertThat(mix.get("CHL")).isCloseTo(0.3, within(EPS));
		assertThat(mix.get("AUS")).isCloseTo(0.2, within(EPS));
		// a newer reliance of 1: the import shares as they are, USA 0
		f.reliance("USA", "cu", 2024, 1.0, "off");
		mix = new MixOracle(f).direct("USA", "cu", "REFINING", 2024);
		assertThat(mix).containsOnlyKeys("CHL", "AUS");
		assertThat(mix.get("CHL")).isCloseTo(0.6, within(EPS));
		// a better source of the same year says 0 (a net exporter): the USA supplies
		// itself
		f.source("aaa", "official").reliance("USA", "cu", 2024, 0.0, "aaa");
		assertThat(new MixOracle(f).direct("USA", "cu", "REFINING", 2024)).isEqualTo(Map.of("USA", 1.0));
	}

	@Test
	void netExportsWithoutReliance() {
		// KOR's output withheld, no reliance; KOR imports CHN 100 t (I = 100) and exports
		// USA 300 t and
		// DEU 100 t (a member of the EU: one export, not two) so E = 400 > I
		OracleFacts f = world().tonnes("CHN", "cu", "REFINING", 2024, 1000, "t", "off")
			.withheld("KOR", "cu", "REFINING", 2024, "off")
			.flow(2024, "CHN", "KOR", "cu", "REFINING", 100, "off")
			.flow(2024, "KOR", "USA", "cu", "REFINING", 300, "off")
			.flow(2024, "KOR", "DEU", "cu", "REFINING", 100, "off");
		Map<String, Double> mix = new MixOracle(f).direct("KOR", "cu", "REFINING", 2024);
		// own (E - I) / E = 300 / 400 = 0.75; CHN I / E x 1 = 0.25
		assertThat(mix.get("KOR")).isCloseTo(0.75, within(EPS));
		assertThat(mix.get("CHN")).isCloseTo(0.25, within(EPS));
		// USA, absent from the table with quantities, made 0: supply 0 + 300 t, all from
		// KOR
		assertThat(new MixOracle(f).direct("USA", "cu", "REFINING", 2024)).isEqualTo(Map.of("KOR", 1.0));
	}

	@Test
	void supplyRowsFlowsAndTheBloc() {
		// DEU made 25 t; DEU imports CHN 80 t, FRA imports AUS 20 t and DEU 10 t (inside
		// the bloc)
		OracleFacts f = world().tonnes("DEU", "cu", "REFINING", 2024, 25, "t", "off")
			.tonnes("CHN", "cu", "REFINING", 2024, 900, "t", "off")
			.flow(2024, "CHN", "DEU", "cu", "REFINING", 80, "off")
			.flow(2024, "AUS", "FRA", "cu", "REFINING", 20, "off")
			.flow(2024, "DEU", "FRA", "cu", "REFINING", 10, "off")
			.row("EU", "CHN", "cu", "REFINING", 2024, 0.875, "supply", "sec")
			.row("EU", "EU", "cu", "REFINING", 2024, 0.05, "supply", "sec");
		// the rows' source is worse than the flows': EU = own 25 + imports from outside
		// 80 + 20 = 125 t
		// EU 25/125 = 0.2, CHN 80/125 = 0.64, AUS 20/125 = 0.16 (DEU -> FRA is not an
		// import of the EU)
		Map<String, Double> mix = new MixOracle(f).direct("EU", "cu", "REFINING", 2024);
		assertThat(mix).containsOnlyKeys("EU", "CHN", "AUS");
		assertThat(mix.get("EU")).isCloseTo(0.2, within(EPS));
		assertThat(mix.get("CHN")).isCloseTo(0.64, within(EPS));
		assertThat(mix.get("AUS")).isCloseTo(0.16, within(EPS));
		// rows of an official source of the same year come first among equals: taken as
		// they are
		f.source("off2", "official")
			.row("EU", "CHN", "cu", "REFINING", 2024, 0.6, "supply", "off2")
			.row("EU", "DEU", "cu", "REFINING", 2024, 0.3, "supply", "off2");
		mix = new MixOracle(f).direct("EU", "cu", "REFINING", 2024);
		assertThat(mix).isEqualTo(Map.of("CHN", 0.6, "DEU", 0.3));
		// traced: DEU, a member supplying its bloc, is a producer, not traced through
		// DEU's own mix
		// (DEU: own 25/105, CHN 80/105); CHN supplies itself; the rest 0.1 stays unknown
		assertThat(new MixOracle(f).traced("EU", "cu", "REFINING", 2024)).isEqualTo(Map.of("CHN", 0.6, "DEU", 0.3));
	}

	@Test
	void tracingThroughReExportersAndLoops() {
		// CHN made 1000 t, VNM 20 t; JPN imports VNM 50, CHN 50; VNM imports CHN 80, PHL
		// 20;
		// PHL imports VNM 30, CHN 10 (a loop VNM <-> PHL that leaks to producers);
		// SGP and ARE buy only from each other (a closed loop); CHL imports SGP 10, AUS
		// 10
		OracleFacts f = world().tonnes("CHN", "cu", "REFINING", 2024, 1000, "t", "off")
			.tonnes("VNM", "cu", "REFINING", 2024, 20, "t", "off")
			.flow(2024, "VNM", "JPN", "cu", "REFINING", 50, "off")
			.flow(2024, "CHN", "JPN", "cu", "REFINING", 50, "off")
			.flow(2024, "CHN", "VNM", "cu", "REFINING", 80, "off")
			.flow(2024, "PHL", "VNM", "cu", "REFINING", 20, "off")
			.flow(2024, "VNM", "PHL", "cu", "REFINING", 30, "off")
			.flow(2024, "CHN", "PHL", "cu", "REFINING", 10, "off")
			.flow(2024, "SGP", "ARE", "cu", "REFINING", 10, "off")
			.flow(2024, "ARE", "SGP", "cu", "REFINING", 10, "off")
			.flow(2024, "SGP", "CHL", "cu", "REFINING", 10, "off")
			.flow(2024, "AUS", "CHL", "cu", "REFINING", 10, "off");
		MixOracle oracle = new MixOracle(f);
		// VNM direct: own 20/120 = 1/6, CHN 80/120 = 2/3, PHL 20/120 = 1/6; PHL direct:
		// VNM 0.75, CHN 0.25
		// traced VNM: x = O(VNM)[VNM] = 1/6 + 1/6 x 0.75 x -> x = (1/6) / 0.875 = 4/21
		// y = O(VNM)[CHN] = 2/3 + 1/6 (0.75 y + 0.25) -> 0.875 y = 17/24 -> y = 17/21
		Map<String, Double> vnm = oracle.traced("VNM", "cu", "REFINING", 2024);
		assertThat(vnm.get("VNM")).isCloseTo(4.0 / 21, within(EPS));
		assertThat(vnm.get("CHN")).isCloseTo(17.0 / 21, within(EPS));
		// traced JPN: CHN 0.5 + 0.5 x 17/21 = 0.5 + 17/42 = 38/42; VNM 0.5 x 4/21 = 4/42
		Map<String, Double> jpn = oracle.traced("JPN", "cu", "REFINING", 2024);
		assertThat(jpn.get("CHN")).isCloseTo(38.0 / 42, within(EPS));
		assertThat(jpn.get("VNM")).isCloseTo(4.0 / 42, within(EPS));
		// CHL direct: SGP 0.5, AUS 0.5 (AUS has no mix: its own origin); SGP's weight
		// never reaches a
		// producer, so traced CHL is AUS 0.5 and 0.5 unknown; SGP's own traced mix is all
		// unknown
		assertThat(oracle.traced("CHL", "cu", "REFINING", 2024)).isEqualTo(Map.of("AUS", 0.5));
		assertThat(oracle.traced("SGP", "cu", "REFINING", 2024)).isEmpty();
	}

	@Test
	void chainByPathsWithCutsAndNoData() {
		// P: global JPN 0.6, CHN 0.4; P requires cu (refining: global CHN 0.9, the rest
		// unknown; mining: no
		// data) and q (a product nobody has data for)
		OracleFacts f = world().product("P", "END_PRODUCT", "cu", "q")
			.product("q", "COMPONENT")
			.product("bike", "END_PRODUCT")
			.share("JPN", "P", "MANUFACTURING", 2024, 0.6, "off")
			.share("CHN", "P", "MANUFACTURING", 2024, 0.4, "off")
			.share("CHN", "cu", "REFINING", 2024, 0.9, "off");
		ChainOracle oracle = new ChainOracle(f, new MixOracle(f));
		ChainOracle.Result r = oracle.chain("P", "USA", 2024, "traced", List.of());
		// input cu: JPN->CHN 0.6 x 0.9 = 0.54 (China), JPN->unknown 0.06 (unknown),
		// CHN->CHN 0.36 and
		// CHN->unknown 0.04 (China): exposure 0.94, unknown 0.06, China-free 0
		// input q: no stage with data below P, but P's stage had data: JPN 0.6
		// China-free, CHN 0.4 China
		// the worst input is cu (0.94 > 0.4)
		assertThat(r.chinaExposure()).isCloseTo(0.94, within(EPS));
		assertThat(r.unknownShare()).isCloseTo(0.06, within(EPS));
		assertThat(r.chinaFreeShare()).isCloseTo(0.0, within(EPS));
		assertThat(r.inputs()).hasSize(2);
		assertThat(r.inputs().get(1).chinaExposure()).isCloseTo(0.4, within(EPS));
		assertThat(r.inputs().get(1).chinaFreeShare()).isCloseTo(0.6, within(EPS));
		assertThat(r.stageShares().get(List.of("P", "cu")).get("REFINING").get("CHN")).isCloseTo(0.9, within(EPS));
		assertThat(r.stageShares().get(List.of("P")).get("MANUFACTURING").get("JPN")).isCloseTo(0.6, within(EPS));
		// China stops all cu refining to everyone: its supply to itself stays (CHN->CHN
		// 0.36);
		// remaining 0.06 + 0.36 + 0.04 = 0.46; China 0.40 / 0.46; unknown 0.06 / 0.46
		r = oracle.chain("P", "USA", 2024, "traced", List.of(new Cut("CHN", List.of("cu"), null, List.of(), 1.0)));
		assertThat(r.remainingSupply()).isCloseTo(0.46, within(EPS));
		assertThat(r.chinaExposure()).isCloseTo(0.40 / 0.46, within(EPS));
		assertThat(r.unknownShare()).isCloseTo(0.06 / 0.46, within(EPS));
		// a product with no data at all is unknown, never China-free
		r = oracle.chain("bike", "EU", 2024, "direct", List.of());
		assertThat(r.chinaExposure()).isEqualTo(0.0);
		assertThat(r.unknownShare()).isEqualTo(1.0);
		assertThat(r.chinaFreeShare()).isEqualTo(0.0);
		// China as the consumer: buying from itself counts (China is a supplier at that
		// step); a cut by
		// China that names China among its targets never cuts China's supply to itself
		r = oracle.chain("P", "CHN", 2024, "direct",
				List.of(new Cut("CHN", List.of("P", "cu"), null, List.of("CHN", "USA"), 1.0)));
		assertThat(r.remainingSupply()).isCloseTo(1.0, within(EPS));
		assertThat(r.chinaExposure()).isCloseTo(0.94, within(EPS));
	}

}
