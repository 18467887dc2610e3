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
			Path temporary = Files.createTempDirectory(target.getParent(), ".chokepoint-backup-");
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
	 * {@link #backup}.
	 * @param overwrite whether a database already in the home may be replaced (it is
	 * deleted)
	 */
	public void restore(Path file, boolean overwrite) throws StoreArchiveException {
		Path source = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(source)) {
			throw new StoreArchiveException("No backup file " + source);
		}
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
		try (InputStream in = Files.newInputStream(source)) {
			if (overwrite) {
				run(LoadCommand::new, in, DATABASE, "--from-stdin", "--overwrite-destination");
			}
			else {
				run(LoadCommand::new, in, DATABASE, "--from-stdin");
			}
		}
		catch (IOException ex) {
			throw new StoreArchiveException("Restore from " + source + " failed: " + ex.getMessage(), ex);
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
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		ExecutionContext context = new ExecutionContext(this.home, this.home.resolve("conf"), out, out, in,
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
