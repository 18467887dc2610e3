package org.chokepoint.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a store (the embedded database's home directory) with another as one switch
 * that an interruption at any point leaves either whole, never neither.
 *
 * <p>
 * A restore is built in the sibling {@code <home>.restoring}; once it is verified, the
 * {@link #READY} marker is written in it, then {@code <home>} is renamed to
 * {@code <home>.old}, {@code <home>.restoring} to {@code <home>}, and {@code <home>.old}
 * deleted. {@link #recover(Path)}, run before every start of the database and every
 * backup or restore, finishes a switch that was interrupted after the marker (the new
 * store is complete and verified) and rolls back one that was interrupted before it (the
 * half-built sibling is deleted, the old store was never touched). While a restore runs
 * it holds a lock ({@code <home>.restore.lock}), so a start meanwhile does not mistake it
 * for an interrupted one; the operating system releases it when the process dies.
 */
final class StoreSwap {

	private static final Logger log = LoggerFactory.getLogger(StoreSwap.class);

	/** Written in the sibling once it is verified: the switch may go ahead. */
	static final String READY = ".chokepoint-restore-ready";

	private StoreSwap() {
	}

	static Path restoring(Path home) {
		return sibling(home, ".restoring");
	}

	static Path old(Path home) {
		return sibling(home, ".old");
	}

	private static Path sibling(Path home, String suffix) {
		return home.resolveSibling(home.getFileName() + suffix);
	}

	/**
	 * Holds the restore lock of a home until closed.
	 * @throws IllegalStateException when another process holds it (a restore is running)
	 */
	static AutoCloseable lock(Path home) {
		Path file = sibling(home, ".restore.lock");
		try {
			Files.createDirectories(home.toAbsolutePath().getParent());
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw new IllegalStateException(
						"A restore into " + home + " is running (" + file + " is locked); wait for it to finish");
			}
			FileLock held = lock;
			return () -> {
				held.release();
				channel.close();
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Can't lock " + file, ex);
		}
	}

	/**
	 * Finishes or rolls back a switch that was interrupted, so that {@code home} is one
	 * whole store (or absent, if it never was); a no-op when there is none.
	 * @throws IllegalStateException when a restore is running in another process
	 */
	static void recover(Path home) {
		try (AutoCloseable lock = lock(home)) {
			recoverLocked(home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Can't recover " + home + " from an interrupted restore", ex);
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@link #recover(Path)} for a caller that holds the lock. */
	static void recoverLocked(Path home) throws IOException {
		Path restoring = restoring(home);
		Path old = old(home);
		if (Files.exists(restoring)) {
			if (Files.exists(restoring.resolve(READY))) {
				log.warn("A restore into {} was interrupted after its new store was verified: finishing the switch",
						home);
				if (Files.exists(home) && Files.exists(old)) {
					// a previous switch's old store, not yet deleted: the home is whole
					deleteRecursively(old);
				}
				switchTo(home, restoring);
			}
			else {
				log.warn("A restore into {} was interrupted before its new store was complete: deleting {}; the store"
						+ " is as it was", home, restoring);
				deleteRecursively(restoring);
			}
		}
		if (Files.exists(old)) {
			if (Files.exists(home)) {
				log.info("Deleting {}, the store a finished restore replaced", old);
				deleteRecursively(old);
			}
			else {
				// cannot happen with the order of switchTo, but never lose the only copy
				log.warn("{} is missing but {} is whole: moving it back", home, old);
				Files.move(old, home, StandardCopyOption.ATOMIC_MOVE);
			}
		}
	}

	/**
	 * Switches {@code home} to the verified {@code restoring} (holding {@link #READY}):
	 * two renames, then the old store is deleted.
	 */
	static void switchTo(Path home, Path restoring) throws IOException {
		Path old = old(home);
		if (Files.exists(home)) {
			Files.move(home, old, StandardCopyOption.ATOMIC_MOVE);
			RestoreSteps.reached("old store set aside");
		}
		Files.move(restoring, home, StandardCopyOption.ATOMIC_MOVE);
		RestoreSteps.reached("new store in place");
		Files.deleteIfExists(home.resolve(READY));
		deleteRecursively(old);
	}

	/** Marks a verified sibling ready to switch to; written and forced to disk. */
	static void markReady(Path restoring) throws IOException {
		try (FileChannel channel = FileChannel.open(restoring.resolve(READY), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(java.nio.ByteBuffer.wrap("verified\n".getBytes(StandardCharsets.US_ASCII)));
			channel.force(true);
		}
	}

	static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
