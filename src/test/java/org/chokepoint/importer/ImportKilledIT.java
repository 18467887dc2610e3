package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.chokepoint.ChokepointApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed with SIGKILL while it writes leaves the previous data whole: the next start
 * shows the previous data version and its counts, never a mix. Runs the application's own command
 * line in child JVMs on one database directory.
 */
class ImportKilledIT {

	@TempDir
	Path work;

	@Test
	void aKilledImportLeavesThePreviousDataWhole() throws Exception {
		Path database = this.work.resolve("db");
		String before = run(database, "import", "--dir=" + ImporterIT.BASIC.toAbsolutePath());
		assertThat(before).contains("Imported").contains("Country=7");

		Path big = bigFolder(this.work.resolve("big"));
		Process process = start(database, "import", "--dir=" + big);
		try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			// the first batch of 10,000 sourcing rows is written, 242,000 are still to come: kill now
			String line;
			boolean writing = false;
			while (!writing && (line = out.readLine()) != null) {
				writing = line.contains("sourcing.csv: 10000 / 252000 rows");
			}
			assertThat(writing).as("the big import reached its write phase").isTrue();
			assertThat(process.isAlive()).as("still writing when killed").isTrue();
			process.destroyForcibly();
			process.waitFor(60, TimeUnit.SECONDS);
		}

		String report = run(database, "report", "--chokepoint.import.on-startup=false");
		assertThat(report).contains("\"Country\" : 7").contains("\"SOURCES\" : 2").contains("\"dataVersion\" : \"4a10a42881013f42\"");
	}

	/** 252,000 sourcing rows (7 years x 200 buyers x 180 suppliers), written in batches of 10,000. */
	private static Path bigFolder(Path folder) throws IOException {
		Files.createDirectories(folder);
		List<String> countries = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
		countries.sort(null);
		List<String> codes = countries.subList(0, 200);
		Files.writeString(folder.resolve("sources.csv"), "id,title,year,quality\ns,Synthetic,2025,estimate\n");
		Files.writeString(folder.resolve("countries.csv"),
				"iso3,name\n" + codes.stream().map(c -> c + "," + c).collect(Collectors.joining("\n")) + "\n");
		Files.writeString(folder.resolve("minerals.csv"), "id,name\nm,Mineral\n");
		try (Writer sourcing = Files.newBufferedWriter(folder.resolve("sourcing.csv"))) {
			sourcing.write("buyer,supplier,item,stage,year,share,source\n");
			for (int year = 2000; year < 2007; year++) {
				for (String buyer : codes) {
					for (int s = 0; s < 180; s++) {
						sourcing.write(buyer + "," + codes.get(s) + ",m,REFINING," + year + ",0.005,s\n");
					}
				}
			}
		}
		return folder;
	}

	private static String run(Path database, String... args) throws Exception {
		Process process = start(database, args);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static Process start(Path database, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
				"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
				"-cp", System.getProperty("java.class.path"), ChokepointApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.port=0",
				"--logging.level.root=WARN", "--logging.level.org.chokepoint=INFO"));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

}
