package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped data in import/ is valid and consistent; the checks catch a number off by a
 * factor of ten.
 */
class ShippedDataChecksTests {

	static final Path SHIPPED = Path.of("import");

	@Test
	void theShippedDataPassesEveryCheckButThreeKnownInconsistenciesOfTheSources() {
		// The IEA data explorer's own figures for nickel: its countries plus "Rest of
		// world" exceed
		// its total by 100 kt (mining) and 113.1 kt (refining). The USGS MCS 2024 data
		// release's
		// manganese 2022: its countries plus "Other countries" exceed its rounded world
		// total by 309 kt
		// (1.6 %). Kept as published (import/README.md).
		assertThat(DataChecks.check(SHIPPED)).containsExactly(
				"world_totals.csv:58 [nickel, MINING, 2024, iea-cm-data-explorer-2025]: the countries (3332.0) and"
						+ " other countries (629.0) add up to 3961.0, not the world total 3861.0",
				"world_totals.csv:59 [nickel, REFINING, 2024, iea-cm-data-explorer-2025]: the countries (2965.377) and"
						+ " other countries (631.42) add up to 3596.797, not the world total 3483.697",
				"world_totals.csv:116 [manganese, MINING, 2022, usgs-mcs-2024-data-release]: the countries (19784.0) and"
						+ " other countries (325.0) add up to 20109.0, not the world total 19800.0");
	}

	@Test
	void aProductionFigureTenTimesTooLargeIsCaught(@TempDir Path copy) throws IOException {
		copyShipped(copy);
		// USGS MCS 2026: China mined 270,000 t REO of rare earths in 2024
		replace(copy.resolve("production.csv"), "CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,270000,",
				"CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,2700000,");
		assertThat(DataChecks.check(copy)).hasSize(4)
			.first()
			.asString()
			.contains("[rare-earths, MINING, 2024, usgs-mcs-2026-rare-earths]")
			.contains("not the world total 380000.0");
	}

	@Test
	void aProductionFigureTenTimesTooSmallIsCaught(@TempDir Path copy) throws IOException {
		copyShipped(copy);
		replace(copy.resolve("production.csv"), "CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,270000,",
				"CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,27000,");
		assertThat(DataChecks.check(copy)).hasSize(4).first().asString().contains("not the world total 380000.0");
	}

	private static void copyShipped(Path copy) throws IOException {
		try (Stream<Path> files = Files.list(SHIPPED)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
				Files.copy(file, copy.resolve(file.getFileName()));
			}
		}
	}

	private static void replace(Path file, String from, String to) throws IOException {
		String content = Files.readString(file);
		assertThat(content).contains(from);
		Files.writeString(file, content.replace(from, to));
	}

}
