package org.chokepoint.mineral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chokepoint.Fixture.SRC_A;
import static org.chokepoint.Fixture.SRC_B;
import static org.chokepoint.Fixture.assertSameRecord;

import java.util.List;
import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.mineral.MineralDetails.ImportReliance;
import org.chokepoint.mineral.MineralDetails.Reserve;
import org.chokepoint.mineral.MineralDetails.Stockpile;
import org.chokepoint.paging.Paged;
import org.chokepoint.production.Producer;
import org.chokepoint.production.ProducerGroup;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class MineralApiIT extends ApiTestBase {

	@Test
	void listsMineralsByNameWithTheStagesTheGraphHasFiguresFor() {
		Paged<MineralSummary> page = this.api.getOk("/api/minerals", new TypeReference<>() {
		});
		assertThat(page).isEqualTo(new Paged<>(List.of(
				new MineralSummary("gallium", "Gallium", "contained metal", List.of("REFINING")),
				new MineralSummary("rare-earths", "Rare earths", "REO equivalent", List.of("MINING", "REFINING"))), 0,
				50, 2));
	}

	@Test
	void galliumShowsChinaWithAtLeast95PercentOf2024ProductionAndItsSourceUrl() {
		MineralDetails gallium = this.api.getOk("/api/minerals/gallium", MineralDetails.class);
		ProducerGroup refining2024 = gallium.producers().get(0);
		Producer first = refining2024.countries().get(0);
		assertThat(refining2024.year()).isEqualTo(2024);
		assertThat(first.iso3()).isEqualTo("CHN");
		assertThat(first.share()).isGreaterThanOrEqualTo(0.95);
		assertThat(refining2024.source().url()).isEqualTo("https://example.org/a");
	}

	@Test
	void galliumProducersHaveDerivedSharesTheWithheldFigureAndTheUnattributedShare() {
		MineralDetails gallium = this.api.getOk("/api/minerals/gallium", MineralDetails.class);
		// 980 t and 10 t of a world total of 1,000 t; the US figure is withheld; 10 t
		// unattributed
		MineralDetails expected = new MineralDetails("gallium", "Gallium", "contained metal", null,
				List.of(new ProducerGroup("REFINING", 2024, SRC_A, 1000.0, "t",
						List.of(new Producer("CHN", "China", 980.0, "t", 0.98, null, null),
								new Producer("JPN", "Japan", 10.0, "t", 0.01, null, null),
								new Producer("USA", "United States", null, null, null, "W", "withheld")),
						0.01)),
				List.of(), List.of(new ImportReliance("USA", "United States", 2024, 1.0, null, SRC_A, null)), List.of(),
				List.of());
		assertSameRecord(gallium, expected);
	}

	@Test
	void rareEarthsHaveMiningSharesOfTheWorldTotalRefiningSharesAsPublishedReservesAndAStockpile() {
		MineralDetails rareEarths = this.api.getOk("/api/minerals/rare-earths", MineralDetails.class);
		MineralDetails expected = new MineralDetails("rare-earths", "Rare earths", "REO equivalent", null, List.of(
				new ProducerGroup("MINING", 2024, SRC_A, 390000.0, "t REO",
						List.of(new Producer("CHN", "China", 270000.0, "t REO", 270000.0 / 390000, null, null),
								new Producer("USA", "United States", 45000.0, "t REO", 45000.0 / 390000, null, null),
								new Producer("AUS", "Australia", 30000.0, "t REO", 30000.0 / 390000, null, null)),
						45000.0 / 390000),
				new ProducerGroup("REFINING", 2024, SRC_B, null, null,
						List.of(new Producer("CHN", "China", null, null, 0.91, null, null),
								new Producer("MYS", "Malaysia", null, null, 0.045, null, null)),
						0.045)),
				List.of(new Reserve("CHN", "China", 2024, 44000000.0, "t REO", null, SRC_A, null),
						new Reserve("USA", "United States", 2024, null, null, "NA", SRC_A, null)),
				List.of(new ImportReliance("USA", "United States", 2024, null, "E", SRC_A, "net exporter")),
				List.of(new Stockpile("JPN", "Japan", 2024, null, null, 60.0, null, null, SRC_A, "60-day target")),
				List.of());
		assertSameRecord(rareEarths, expected);
	}

	@Test
	void aBuyerGivenIsCheckedAndLeavesTheRestOfTheAnswerAsItIs() {
		MineralDetails all = this.api.getOk("/api/minerals/gallium", MineralDetails.class);
		assertThat(this.api.getOk("/api/minerals/gallium?buyer=united%20states", MineralDetails.class)).isEqualTo(all);
		assertThat(this.api.problem("/api/minerals/gallium?buyer=ATLANTIS", 404)).containsEntry("kind",
				"country or bloc");
	}

	@Test
	void anUnknownMineralIsA404NamingTheKey() {
		assertThat(this.api.problem("/api/minerals/unobtainium", 404))
			.isEqualTo(Map.of("title", "Not Found", "status", 404, "detail", "No mineral with key 'unobtainium'",
					"instance", "/api/minerals/unobtainium", "kind", "mineral", "key", "unobtainium"));
	}

}
