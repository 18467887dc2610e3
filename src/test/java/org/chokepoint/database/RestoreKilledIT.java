package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.chokepoint.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

/**
 * A restore killed with SIGKILL at any of its steps leaves a store that opens with either
 * the old data or the new, never neither: killed before the new store is verified and
 * marked ready, the next start rolls back to the old one; killed after, it finishes the
 * switch. Each killed restore runs in a child JVM ({@link ChildJvm}: the application's
 * own {@code restore} command, which starts no database of its own but Neo4j's load and a
 * check that the result opens), stopped at a known step
 * ({@code chokepoint.restore.pause-after}) and killed there; the store is then opened in
 * this JVM as the application opens it ({@link EmbeddedNeo4j#start}). The restore left
 * alone runs in this JVM, as the command line runs it ({@link StoreCommand#run}). The
 * stores are two small graphs told apart by their data version: what is tested is the
 * switch, not the importer.
 */
@ExtendWith(OutputCaptureExtension.class)
class RestoreKilledIT {

	private static final String OLD = "old-version";

	private static final String NEW = "new-version";

	private static final Duration GUARD = Duration.ofMinutes(5);

	@TempDir
	Path work;

	@Test
	void aRestoreKilledAtAnyStepLeavesTheOldOrTheNewStoreWhole(CapturedOutput output) throws Exception {
		Path database = this.work.resolve("db");
		Path newDump = dumpOf(this.work.resolve("new"), NEW, 300);
		dumpOf(database, OLD, 100);
		assertThat(open(database)).isEqualTo(OLD + " 100");

		// three copies of the old store, one per step, killed at the same time (a child
		// JVM's start keeps one core busy, and the test would wait for each in turn);
		// before the ready marker: rolled back; after it: rolled forward
		List<String> steps = List.of("verified", "ready", "old store set aside");
		List<CompletableFuture<Void>> kills = new ArrayList<>();
		for (String step : steps) {
			Path copy = copyOf(database, this.work.resolve("db-" + steps.indexOf(step)));
			kills.add(CompletableFuture.runAsync(() -> killAt(copy, newDump, step), runEach()));
		}
		CompletableFuture.allOf(kills.toArray(CompletableFuture[]::new)).join();
		for (String step : steps) {
			Path copy = this.work.resolve("db-" + steps.indexOf(step));
			boolean rolledForward = step.equals("ready") || step.equals("old store set aside");
			assertThat(open(copy)).as("the store after a restore killed at \"" + step + "\"")
				.isEqualTo(rolledForward ? NEW + " 300" : OLD + " 100");
			assertThat(StoreSwap.restoring(copy.toAbsolutePath())).as("no half-built sibling left").doesNotExist();
			assertThat(StoreSwap.old(copy.toAbsolutePath())).as("no replaced store left").doesNotExist();
		}
		// and a restore left alone completes
		assertThat(StoreCommand.run("restore", "--from=" + newDump, "--force",
				"--chokepoint.embedded.data-dir=" + database))
			.isZero();
		assertThat(output.getOut()).contains("Restored database 'neo4j'").contains("(301 nodes)");
		assertThat(open(database)).isEqualTo(NEW + " 300");
	}

	@Test
	void aBackupDeletesTheTemporaryDumpsThatKilledBackupsLeft() throws Exception {
		Path database = this.work.resolve("db");
		dumpOf(database, OLD, 10);
		// a killed backup's directory: named after a process that no longer runs
		Process gone = new ProcessBuilder(ChildJvm.java(), "-version").start();
		assertThat(gone.waitFor(60, TimeUnit.SECONDS)).isTrue();
		Path leftover = this.work.resolve(StoreArchive.BACKUP_PREFIX + gone.pid() + "-123");
		Files.createDirectories(leftover);
		Files.write(leftover.resolve("neo4j.dump"), new byte[1024]);
		// one of a backup still running (this JVM) is kept
		Path running = this.work.resolve(StoreArchive.BACKUP_PREFIX + ProcessHandle.current().pid() + "-456");
		Files.createDirectories(running);

		new StoreArchive(database).backup(this.work.resolve("second.dump"), false);

		assertThat(leftover).doesNotExist();
		assertThat(running).exists();
		assertThat(this.work.resolve("second.dump")).isRegularFile();
	}

	/**
	 * Creates a store in {@code home} with a data version and {@code nodes} other nodes,
	 * and backs it up to a file beside it.
	 */
	private Path dumpOf(Path home, String version, int nodes) throws Exception {
		try (EmbeddedNeo4j server = EmbeddedNeo4j.start(properties(home), "neo4j", "");
				Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
			driver.executableQuery("""
					CREATE (:DataVersion {key: 'current', version: $version})
					WITH 1 AS one UNWIND range(1, $nodes) AS i CREATE (:Country {iso3: 'C' + i})
					""").withParameters(Map.of("version", version, "nodes", nodes)).execute();
		}
		Path dump = this.work.resolve(version + ".dump");
		new StoreArchive(home).backup(dump, false);
		return dump;
	}

	/**
	 * Opens the store as the application does, and answers its data version and number of
	 * countries.
	 */
	private static String open(Path home) {
		try (EmbeddedNeo4j server = EmbeddedNeo4j.start(properties(home), "neo4j", "");
				Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
			var record = driver.executableQuery("""
					MATCH (v:DataVersion {key: 'current'})
					RETURN v.version + ' ' + COUNT { (:Country) } AS state
					""").execute().records();
			assertThat(record).as("one data version").hasSize(1);
			return record.get(0).get("state").asString();
		}
	}

	private static EmbeddedNeo4jProperties properties(Path home) {
		return new EmbeddedNeo4jProperties(true, "127.0.0.1", 0, home, false, "16m", Duration.ZERO, null,
				DataSize.ofMegabytes(0), Duration.ofMillis(500));
	}

	private static void killAt(Path database, Path dump, String step) {
		try {
			Process process = ChildJvm.start("512m", List.of("-Dchokepoint.restore.pause-after=" + step),
					arguments(database, "restore", "--from=" + dump, "--force"));
			try {
				ChildJvm.awaitLine(process, GUARD, line -> line.equals("restore step: " + step));
				assertThat(process.isAlive()).as("paused at " + step).isTrue();
			}
			finally {
				process.destroyForcibly();
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Each task in a thread of its own: the kills wait on their children at once. */
	private static Executor runEach() {
		return task -> {
			Thread thread = new Thread(task, "restore-kill");
			thread.setDaemon(true);
			thread.start();
		};
	}

	/** A copy of a closed store's home, file by file. */
	private static Path copyOf(Path home, Path copy) throws IOException {
		try (Stream<Path> files = Files.walk(home)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.copy(file, copy.resolve(home.relativize(file).toString()));
			}
		}
		return copy;
	}

	private static List<String> arguments(Path database, String... args) {
		List<String> arguments = new ArrayList<>(List.of(args));
		arguments.addAll(List.of("--chokepoint.embedded.data-dir=" + database, "--logging.level.root=WARN"));
		return arguments;
	}

}
