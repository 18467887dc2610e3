package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restore killed with SIGKILL at any of its steps leaves a store that opens with either
 * the old data or the new, never neither: killed before the new store is verified and
 * marked ready, the next start rolls back to the old one; killed after, it finishes the
 * switch. Each restore runs in a child JVM (the application's own {@code restore}
 * command), stopped at a known step ({@code chokepoint.restore.pause-after}) and killed
 * there; a child {@code report} then opens the store.
 */
class RestoreKilledIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path BASIC = Path.of("src/test/resources/fixtures/basic");

	private static final Path ANALYSIS = Path.of("src/test/resources/fixtures/analysis");

	@TempDir
	Path work;

	@Test
	void aRestoreKilledAtAnyStepLeavesTheOldOrTheNewStoreWhole() throws Exception {
		Path other = this.work.resolve("other");
		run(other, "import", "--dir=" + ANALYSIS.toAbsolutePath());
		String newVersion = report(other).get("dataVersion").asString();
		Path dump = this.work.resolve("new.dump");
		run(other, "backup", "--to=" + dump);

		Path database = this.work.resolve("db");
		run(database, "import", "--dir=" + BASIC.toAbsolutePath());
		String oldVersion = report(database).get("dataVersion").asString();
		assertThat(oldVersion).isNotEqualTo(newVersion);

		// before the ready marker: rolled back; after it: rolled forward
		for (String step : List.of("loading", "loaded", "ready", "old store set aside")) {
			killAt(database, dump, step);
			boolean rolledForward = step.equals("ready") || step.equals("old store set aside");
			String version = report(database).get("dataVersion").asString();
			assertThat(version).as("data version after a restore killed at \"" + step + "\"")
				.isEqualTo(rolledForward ? newVersion : oldVersion);
			assertThat(Files.exists(StoreSwap.restoring(database.toAbsolutePath()))).isFalse();
			assertThat(Files.exists(StoreSwap.old(database.toAbsolutePath()))).isFalse();
			if (rolledForward) {
				run(database, "import", "--dir=" + BASIC.toAbsolutePath(), "--allow-shrink");
			}
		}
		// and a restore left alone completes
		run(database, "restore", "--from=" + dump, "--force");
		assertThat(report(database).get("dataVersion").asString()).isEqualTo(newVersion);
	}

	private void killAt(Path database, Path dump, String step) throws Exception {
		Process process = start(database, List.of("-Dchokepoint.restore.pause-after=" + step), "restore",
				"--from=" + dump, "--force");
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			boolean reached = false;
			StringBuilder output = new StringBuilder();
			while (!reached && (line = out.readLine()) != null) {
				output.append(line).append('\n');
				reached = line.equals("restore step: " + step);
			}
			assertThat(reached).as("reached step " + step + ":\n" + output).isTrue();
			assertThat(process.isAlive()).isTrue();
			process.destroyForcibly();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static JsonNode report(Path database) throws Exception {
		String output = run(database, "report", "--chokepoint.import.on-startup=false");
		int from = output.indexOf("\n{");
		int to = output.lastIndexOf('}');
		assertThat(from).as(output).isNotNegative();
		return JSON.readTree(output.substring(from + 1, to + 1));
	}

	private static String run(Path database, String... args) throws Exception {
		Process process = start(database, List.of(), args);
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(600, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		return output;
	}

	private static Process start(Path database, List<String> jvm, String... args) throws IOException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g"));
		command.addAll(jvm);
		command
			.addAll(List.of("--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
					"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
					"-cp", System.getProperty("java.class.path"), ChokepointApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.port=0",
				"--chokepoint.embedded.page-cache=64m", "--logging.level.root=WARN",
				"--logging.level.org.chokepoint=INFO"));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

}
