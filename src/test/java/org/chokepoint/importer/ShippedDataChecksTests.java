package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped data in import/ is valid and consistent; the checks catch a number off by a factor of ten. */
class ShippedDataChecksTests {

	static final Path SHIPPED = Path.of("import");

	@Test
	void theShippedDataPassesEveryCheck() {
		assertThat(DataChecks.check(SHIPPED)).isEmpty();
	}

	@Test
	void aProductionFigureTenTimesTooLargeIsCaught(@TempDir Path copy) throws IOException {
		copyShipped(copy);
		// USGS MCS 2026: China mined 270,000 t REO of rare earths in 2024
		replace(copy.resolve("production.csv"), "CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,270000,",
				"CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,2700000,");
		assertThat(DataChecks.check(copy)).singleElement()
			.asString()
			.contains("[rare-earths, MINING, 2024, usgs-mcs-2026-rare-earths]")
			.contains("not the world total 380000.0");
	}

	@Test
	void aProductionFigureTenTimesTooSmallIsCaught(@TempDir Path copy) throws IOException {
		copyShipped(copy);
		replace(copy.resolve("production.csv"), "CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,270000,",
				"CHN,rare-earths,MINING,2024,usgs-mcs-2026-rare-earths,27000,");
		assertThat(DataChecks.check(copy)).singleElement().asString().contains("not the world total 380000.0");
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
