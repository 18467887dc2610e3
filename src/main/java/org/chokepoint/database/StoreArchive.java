package org.chokepoint.database;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.neo4j.cli.AbstractAdminCommand;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.dbms.CannotWriteException;
import org.neo4j.commandline.dbms.DumpCommand;
import org.neo4j.commandline.dbms.LoadCommand;
import org.neo4j.commandline.dbms.LockChecker;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.locker.FileLockException;
import org.neo4j.io.layout.DatabaseLayout;
import org.neo4j.io.layout.Neo4jLayout;
import picocli.CommandLine;

/**
 * An offline backup of the embedded store: Neo4j's own {@code neo4j-admin database dump}
 * and {@code load} (their classes, run in this JVM on the embedded database's home), for
 * the database that holds the data ({@code neo4j}). The system database is not archived:
 * it holds the user, whose password comes from configuration anyway (see
 * {@link Neo4jUsers}), and is created afresh at start.
 *
 * <p>
 * Both refuse while the database is open (Neo4j's store lock: the application, or another
 * command, is running on this home), and never overwrite without being told to: a backup
 * file that exists, or a store that holds a database.
 */
public final class StoreArchive {

	private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

	/**
	 * The name of a backup's temporary directory starts with this, then the process id.
	 */
	static final String BACKUP_PREFIX = ".chokepoint-backup-";

	private final Path home;

	/**
	 * @param home the embedded database's home ({@code chokepoint.embedded.data-dir})
	 */
	public StoreArchive(Path home) {
		this.home = home.toAbsolutePath().normalize();
	}

	/**
	 * Writes the database to {@code file} (a Neo4j dump, zstd-compressed). The file
	 * appears whole or not at all: the dump goes to a temporary directory beside it
	 * first.
	 * @param overwrite whether an existing {@code file} may be replaced
	 * @return the size of the backup in bytes
	 */
	public long backup(Path file, boolean overwrite) throws StoreArchiveException {
		Path target = file.toAbsolutePath().normalize();
		try {
			StoreSwap.recover(this.home);
		}
		catch (IllegalStateException | java.io.UncheckedIOException ex) {
			throw new StoreArchiveException(ex.getMessage(), ex);
		}
		DatabaseLayout layout = layout();
		if (!Files.isDirectory(layout.databaseDirectory())) {
			throw new StoreArchiveException("No database to back up in " + this.home + " (no "
					+ layout.databaseDirectory() + "): is chokepoint.embedded.data-dir right?");
		}
		if (Files.exists(target) && !overwrite) {
			throw new StoreArchiveException(target + " exists: add --force to replace it");
		}
		refuseWhileInUse(layout, "back it up");
		try {
			Files.createDirectories(target.getParent());
			deleteLeftovers(target.getParent());
			Path temporary = Files.createTempDirectory(target.getParent(),
					BACKUP_PREFIX + ProcessHandle.current().pid() + "-");
			try {
				run(DumpCommand::new, InputStream.nullInputStream(), DATABASE, "--to-path=" + temporary);
				Files.move(temporary.resolve(DATABASE + ".dump"), target, StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				deleteRecursively(temporary);
			}
			return Files.size(target);
		}
		catch (IOException ex) {
			throw new StoreArchiveException("Backup to " + target + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Replaces the database with the one in {@code file}, a backup made by
	 * {@link #backup}, as an atomic switch ({@link StoreSwap}): the backup is loaded into
	 * a sibling directory, which is opened to check it holds a database, marked ready,
	 * and only then put in the place of the home; the old store stays whole until then.
	 * Killed at any point, the next start finds the old store or the new one, never
	 * neither.
	 * @param overwrite whether a database already in the home may be replaced
	 */
	public long restore(Path file, boolean overwrite) throws StoreArchiveException {
		Path source = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(source)) {
			throw new StoreArchiveException("No backup file " + source);
		}
		try (AutoCloseable lock = StoreSwap.lock(this.home)) {
			StoreSwap.recoverLocked(this.home);
			DatabaseLayout layout = layout();
			boolean holdsDatabase = Files.isDirectory(layout.databaseDirectory());
			if (holdsDatabase && !overwrite) {
				throw new StoreArchiveException(this.home + " already holds a database (" + layout.databaseDirectory()
						+ "): restoring replaces it, add --force to do so (back it up first if it matters)");
			}
			if (holdsDatabase) {
				refuseWhileInUse(layout, "restore over it");
			}
			refuseWhileDbmsInUse();
			Path restoring = StoreSwap.restoring(this.home);
			StoreSwap.deleteRecursively(restoring);
			Files.createDirectories(restoring);
			RestoreSteps.reached("loading");
			try (InputStream in = Files.newInputStream(source)) {
				run(LoadCommand::new, restoring, in, DATABASE, "--from-stdin");
			}
			RestoreSteps.reached("loaded");
			long nodes = verify(restoring);
			RestoreSteps.reached("verified");
			StoreSwap.markReady(restoring);
			RestoreSteps.reached("ready");
			StoreSwap.switchTo(this.home, restoring);
			RestoreSteps.reached("done");
			return nodes;
		}
		catch (StoreArchiveException ex) {
			throw ex;
		}
		catch (IllegalStateException ex) {
			throw new StoreArchiveException(ex.getMessage(), ex);
		}
		catch (Exception ex) {
			throw new StoreArchiveException("Restore from " + source + " failed: " + ex.getMessage() + "; the store in "
					+ this.home + " is as it was", ex);
		}
	}

	/**
	 * Opens the restored store (no connector) and counts its nodes: a load that does not
	 * open is never switched to.
	 */
	private static long verify(Path home) throws StoreArchiveException {
		DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, false)
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.build();
		try {
			GraphDatabaseService database = service.database(DATABASE);
			return database.executeTransactionally("MATCH (n) RETURN count(n) AS nodes", java.util.Map.of(),
					result -> (Long) result.next().get("nodes"));
		}
		catch (RuntimeException ex) {
			throw new StoreArchiveException("The restored database does not open: " + ex.getMessage(), ex);
		}
		finally {
			service.shutdown();
		}
	}

	/**
	 * Deletes the temporary dumps that backups killed or failed in {@code directory} left
	 * behind: those of processes no longer running (the directory names the process).
	 */
	static void deleteLeftovers(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			for (Path entry : entries.toList()) {
				String name = entry.getFileName().toString();
				if (!name.startsWith(BACKUP_PREFIX)) {
					continue;
				}
				String pid = name.substring(BACKUP_PREFIX.length()).split("-", 2)[0];
				boolean running;
				try {
					running = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
				}
				catch (NumberFormatException ex) {
					running = false; // an older version's name, without a process id
				}
				if (!running) {
					StoreSwap.deleteRecursively(entry);
				}
			}
		}
	}

	private DatabaseLayout layout() {
		return Neo4jLayout.of(this.home).databaseLayout(DATABASE);
	}

	private void refuseWhileInUse(DatabaseLayout layout, String what) throws StoreArchiveException {
		try (Closeable lock = LockChecker.checkDatabaseLock(layout)) {
			// free: released at once, the Neo4j command takes it again for its work
		}
		catch (CannotWriteException | FileLockException ex) {
			// another process holds the lock, or this JVM does (an application started in
			// it)
			throw inUse(what);
		}
		catch (IOException ex) {
			throw new StoreArchiveException(
					"Could not check whether the database in " + this.home + " is in use: " + ex.getMessage(), ex);
		}
	}

	private void refuseWhileDbmsInUse() throws StoreArchiveException {
		if (!Files.isDirectory(this.home)) {
			return;
		}
		try (Closeable lock = LockChecker.checkDbmsLock(Neo4jLayout.of(this.home))) {
			// free
		}
		catch (CannotWriteException | FileLockException ex) {
			throw inUse("restore into it");
		}
		catch (IOException ex) {
			throw new StoreArchiveException(
					"Could not check whether the database in " + this.home + " is in use: " + ex.getMessage(), ex);
		}
	}

	private StoreArchiveException inUse(String what) {
		return new StoreArchiveException("The database in " + this.home + " is in use (Neo4j's store lock is held: the"
				+ " application or another command is running on it). Stop it, then " + what + ".");
	}

	/**
	 * Runs a Neo4j admin command on the home (its configuration: Neo4j's defaults, which
	 * the embedded database uses for its directories too); its output is kept for the
	 * error message.
	 */
	private void run(Function<ExecutionContext, AbstractAdminCommand> command, InputStream in, String... args)
			throws StoreArchiveException {
		run(command, this.home, in, args);
	}

	private static void run(Function<ExecutionContext, AbstractAdminCommand> command, Path home, InputStream in,
			String... args) throws StoreArchiveException {
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out, in,
				new DefaultFileSystemAbstraction());
		CommandLine line = new CommandLine(command.apply(context)).setOut(new PrintWriter(out, true))
			.setErr(new PrintWriter(out, true));
		int code = line.execute(args);
		if (code != 0) {
			throw new StoreArchiveException(
					"Neo4j's " + line.getCommandName() + " failed: " + output.toString(StandardCharsets.UTF_8).strip());
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	/** A backup or restore refused or failed; the message says why and what to do. */
	public static final class StoreArchiveException extends Exception {

		private static final long serialVersionUID = 1L;

		StoreArchiveException(String message) {
			super(message);
		}

		StoreArchiveException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
