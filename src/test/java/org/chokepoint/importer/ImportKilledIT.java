package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.benchmark.Generator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import killed with SIGKILL while it writes leaves the previous data whole: the next
 * start cleans up what the killed import staged, says which data version it holds, and
 * shows exactly the previous version and its counts, never a mix; a complete import
 * afterwards gives the new counts. The killed import is the generator's M tier (1,000,000
 * trade-flow rows, the size the issue asks for), in the application's own command line in
 * child JVMs on one database directory; the complete import afterwards is the S tier
 * (24,000 flows), so the test costs six JVM starts and the M tier's files, not a second
 * complete M import.
 */
class ImportKilledIT {

	/**
	 * What the benchmark's M tier holds (Generator.tier("M")): 200 countries, 100
	 * suppliers each per item-stage.
	 */
	private static final long M_FLOWS = 1_000_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path work;

	@Test
	void anImportKilledDuringItsWriteLeavesThePreviousDataWholeAndALaterOneLoadsAll() throws Exception {
		Path database = this.work.resolve("db");
		String imported = run(database, "import", "--dir=" + ImporterIT.BASIC.toAbsolutePath());
		assertThat(imported).contains("Imported").contains("Country=7");
		JsonNode before = report(database);
		assertThat(before.get("dataVersion").asString()).isEqualTo("ae36904c19148419");
		assertThat(before.get("nodes").get("Country").asLong()).isEqualTo(7);
		assertThat(before.get("relationships").get("SOURCES").asLong()).isEqualTo(2);

		Path m = this.work.resolve("m");
		Generator.Parameters tier = Generator.tier("M");
		assertThat(tier.flows()).isEqualTo(M_FLOWS);
		Generator.write(tier, m);
		Process process = start(database, "import", "--dir=" + m);
		String committed = null;
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			// the first batch of trade flows is committed (staged), the other 995,000 or
			// so are still to come: kill now
			String line;
			while (committed == null && (line = out.readLine()) != null) {
				if (line.contains("SOURCES relationships committed")) {
					committed = line;
				}
			}
			assertThat(committed).as("the M import committed its first staged batch")
				.isNotNull()
				.containsPattern(" (5000|10000) / 1000000 SOURCES relationships committed");
			assertThat(process.isAlive()).as("still writing when killed").isTrue();
			process.destroyForcibly();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}

		String restart = run(database, "report", "--chokepoint.import.on-startup=false");
		assertThat(restart).contains("old version and staged leftovers deleted")
			.contains("Database holds data version ae36904c19148419");
		JsonNode after = json(restart);
		assertThat(after.get("dataVersion")).isEqualTo(before.get("dataVersion"));
		assertThat(after.get("nodes")).as("node counts per label, no staged country left")
			.isEqualTo(before.get("nodes"));
		assertThat(after.get("relationships")).as("relationship counts per type")
			.isEqualTo(before.get("relationships"));

		// a complete import afterwards loads all of its data (the S tier: what matters is
		// that nothing the killed import staged is in its way, not the size again)
		Path small = this.work.resolve("s");
		Generator.Parameters s = Generator.tier("S");
		Generator.write(s, small);
		String complete = run(database, "import", "--dir=" + small);
		assertThat(complete)
			.contains("trade_flows.csv: " + s.flows() + " / " + s.flows() + " SOURCES relationships committed");
		JsonNode loaded = report(database);
		assertThat(loaded.get("dataVersion").asString()).isNotEqualTo("ae36904c19148419");
		assertThat(loaded.get("nodes").get("Country").asLong()).isEqualTo(s.countries());
		assertThat(loaded.get("nodes").has("StagedCountry")).isFalse();
		assertThat(loaded.get("relationships").get("SOURCES").asLong()).isEqualTo(s.flows());
		// world output: countries x (minerals x 2 stages + products) x years
		assertThat(
				loaded.get("relationships").get("MINES").asLong() + loaded.get("relationships").get("REFINES").asLong()
						+ loaded.get("relationships").get("MANUFACTURES").asLong())
			.isEqualTo((long) s.countries() * (2L * s.minerals() + s.products()) * s.years());
	}

	private static JsonNode report(Path database) throws Exception {
		return json(run(database, "report", "--chokepoint.import.on-startup=false"));
	}

	/** The JSON document the report command prints after its log lines. */
	private static JsonNode json(String output) {
		int from = output.indexOf("\n{");
		int to = output.lastIndexOf('}');
		assertThat(from).as(output).isNotNegative();
		return JSON.readTree(output.substring(from + 1, to + 1));
	}

	private static String run(Path database, String... args) throws Exception {
		Process process = start(database, args);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(900, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static Process start(Path database, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
						"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
						"-cp", System.getProperty("java.class.path"), ChokepointApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.port=0",
				"--chokepoint.embedded.page-cache=512m", "--logging.level.root=WARN",
				"--logging.level.org.chokepoint=INFO"));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

}
