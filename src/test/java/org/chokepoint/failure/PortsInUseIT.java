package org.chokepoint.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.chokepoint.ChildJvm;
import org.chokepoint.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's command line in child JVMs ({@link ChildJvm}) while this test holds a
 * port or the database directory: the one-shot {@code import} does not need the Bolt port
 * (it listens on a free one; {@code report} takes the same branch of
 * {@code ChokepointApplication.main}, which {@code ChokepointApplicationTests} checks
 * both take), the server that cannot bind it says so in one line naming the port, the
 * setting and this JVM as the holder, and a command ({@code report}) refuses a database
 * another process holds in one line too. Three JVM starts on the basic fixture, the
 * import and the server at the same time (on databases of their own); each has a
 * wall-clock guard, so a hang fails rather than blocks the build.
 */
class PortsInUseIT {

	private static final Duration GUARD = Duration.ofMinutes(5);

	private static final boolean PROC = Files.isReadable(Path.of("/proc/net/tcp"));

	@TempDir
	Path work;

	@Test
	void theImportDoesNotNeedTheBoltPortAndTheServerSaysWhoHoldsIt() throws Exception {
		try (ServerSocket held = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
			String boltPort = "--chokepoint.embedded.port=" + held.getLocalPort();
			// two JVMs at once, each on a database of its own
			CompletableFuture<ChildJvm.Run> importing = ChildJvm.runAsync(GUARD, "1g", List.of(),
					arguments(this.work.resolve("db"), "import", "--dir=" + Fixture.BASIC.toAbsolutePath(), boltPort));
			ChildJvm.Run server = run(this.work.resolve("server"), "--server.port=0",
					"--chokepoint.import.on-startup=false", boltPort);
			ChildJvm.Run imported = importing.get();
			assertThat(imported.exit()).as(imported.output()).isZero();
			assertThat(imported.output()).contains("Imported").contains("Country=7");

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
			ChildJvm.Run report = run(database, "report", "--chokepoint.import.on-startup=false");
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

	private static ChildJvm.Run run(Path database, String... args) throws IOException, InterruptedException {
		return ChildJvm.run(GUARD, "1g", List.of(), arguments(database, args));
	}

	private static List<String> arguments(Path database, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.page-cache=64m",
				"--logging.level.root=WARN", "--logging.level.org.chokepoint=INFO"));
		return arguments;
	}

}
