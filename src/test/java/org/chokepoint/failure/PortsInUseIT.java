package org.chokepoint.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's command line in child JVMs while this test holds a port or the
 * database directory: the one-shot {@code import} and {@code report} do not need the Bolt
 * port (they listen on a free one), the server that cannot bind it says so in one line
 * naming the port, the setting and this JVM as the holder, and a command refuses a
 * database another process holds in one line too. Four JVM starts on the basic fixture;
 * each has a wall-clock guard, so a hang fails rather than blocks the build.
 */
class PortsInUseIT {

	private static final long GUARD_SECONDS = 300;

	private static final boolean PROC = Files.isReadable(Path.of("/proc/net/tcp"));

	@TempDir
	Path work;

	@Test
	void theCommandsDoNotNeedTheBoltPortAndTheServerSaysWhoHoldsIt() throws Exception {
		Path database = this.work.resolve("db");
		try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String boltPort = "--chokepoint.embedded.port=" + held.getLocalPort();

			Run imported = run(database, "import", "--dir=" + Fixture.BASIC.toAbsolutePath(), boltPort);
			assertThat(imported.exit()).as(imported.output()).isZero();
			assertThat(imported.output()).contains("Imported").contains("Country=7");

			Run report = run(database, "report", "--chokepoint.import.on-startup=false", boltPort);
			assertThat(report.exit()).as(report.output()).isZero();
			assertThat(report.output()).contains("\"dataVersion\" : \"ae36904c19148419\"");

			Run server = run(database, "--server.port=0", "--chokepoint.import.on-startup=false", boltPort);
			assertThat(server.exit()).as(server.output()).isNotZero();
			String line = server.line("Bolt port ");
			assertThat(line).startsWith("Bolt port " + held.getLocalPort() + " on 127.0.0.1 is already in use")
				.contains("set chokepoint.embedded.port to a free port");
			if (PROC) {
				assertThat(line).contains(" by pid " + ProcessHandle.current().pid() + " (java ");
			}
			assertThat(server.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
		}
	}

	@Test
	void aCommandRefusesADatabaseAnotherProcessHoldsInOneLine() throws Exception {
		Path database = this.work.resolve("held");
		Path lockFile = Files.createDirectories(database.resolve("data/databases")).resolve("store_lock");
		// what a running instance holds: Neo4j's lock on its store_lock file
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
				FileLock lock = channel.lock()) {
			Run report = run(database, "report", "--chokepoint.import.on-startup=false");
			assertThat(report.exit()).as(report.output()).isEqualTo(1);
			String line = report.line("The database ");
			assertThat(line)
				.startsWith("The database " + database.toAbsolutePath().normalize()
						+ " (chokepoint.embedded.data-dir) is in use by ")
				.contains("a running Chokepoint: stop it first");
			if (PROC) {
				assertThat(line).contains(" by pid " + ProcessHandle.current().pid() + " (java ");
			}
			assertThat(report.output()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
		}
	}

	private record Run(int exit, String output) {

		/** The one line of the output that starts with the text. */
		String line(String start) {
			List<String> lines = this.output.lines().filter(l -> l.startsWith(start)).toList();
			assertThat(lines).as(this.output).hasSize(1);
			return lines.get(0);
		}

	}

	private Run run(Path database, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
						"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
						"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
						"-cp", System.getProperty("java.class.path"), ChokepointApplication.class.getName()));
		command.addAll(List.of(args));
		command.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.page-cache=64m",
				"--logging.level.root=WARN", "--logging.level.org.chokepoint=INFO"));
		Path output = Files.createTempFile(this.work, "output", ".txt");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		try {
			assertThat(process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS))
				.as("%s ended within %d s", args[0], GUARD_SECONDS)
				.isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
	}

}
