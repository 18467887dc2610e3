package org.chokepoint.failure;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which process holds a listening TCP port or a file lock, as far as Linux's
 * {@code /proc} tells (other users' processes, other systems: unknown). Best effort:
 * every failure to read answers empty.
 */
final class Holders {

	private static final int LISTEN = 0x0A;

	private final Path proc;

	Holders(Path proc) {
		this.proc = proc;
	}

	static Holders ofThisMachine() {
		return new Holders(Path.of("/proc"));
	}

	/**
	 * The process listening on the TCP port, e.g. {@code pid 1234 (java chokepoint.jar)}.
	 */
	Optional<String> ofPort(int port) {
		Set<String> sockets = new HashSet<>();
		for (String table : List.of("net/tcp", "net/tcp6")) {
			for (String line : lines(this.proc.resolve(table))) {
				// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout
				// inode
				String[] fields = line.trim().split("\\s+");
				if (fields.length < 10 || !fields[1].contains(":")) {
					continue;
				}
				try {
					int localPort = Integer.parseInt(fields[1].substring(fields[1].lastIndexOf(':') + 1), 16);
					int state = Integer.parseInt(fields[3], 16);
					if (localPort == port && state == LISTEN && !"0".equals(fields[9])) {
						sockets.add("socket:[" + fields[9] + "]");
					}
				}
				catch (NumberFormatException ex) {
					// the header line
				}
			}
		}
		return sockets.isEmpty() ? Optional.empty() : processWithLink(sockets);
	}

	/**
	 * The process holding a lock on the file, e.g.
	 * {@code pid 1234 (java chokepoint.jar)}.
	 */
	Optional<String> ofLockedFile(Path file) {
		Object inode;
		try {
			inode = Files.getAttribute(file, "unix:ino");
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return Optional.empty();
		}
		for (String line : lines(this.proc.resolve("locks"))) {
			// 3: POSIX ADVISORY WRITE 16482 fe:00:2154788 0 EOF
			String[] fields = line.trim().split("\\s+");
			if (fields.length >= 6 && fields[5].endsWith(":" + inode)) {
				return Optional.of(describe(fields[4]));
			}
		}
		return Optional.empty();
	}

	private Optional<String> processWithLink(Set<String> targets) {
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(this.proc, "[0-9]*")) {
			for (Path process : processes) {
				try (DirectoryStream<Path> descriptors = Files.newDirectoryStream(process.resolve("fd"))) {
					for (Path descriptor : descriptors) {
						try {
							if (targets.contains(Files.readSymbolicLink(descriptor).toString())) {
								return Optional.of(describe(process.getFileName().toString()));
							}
						}
						catch (IOException ex) {
							// closed meanwhile
						}
					}
				}
				catch (IOException | SecurityException ex) {
					// another user's process, or gone
				}
			}
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
		return Optional.empty();
	}

	/**
	 * {@code pid N (command words)}: the program and its first words that are not options
	 * (a class path is skipped), so a Java process shows its jar or main class.
	 */
	private String describe(String pid) {
		List<String> words = new ArrayList<>();
		try {
			String[] arguments = new String(Files.readAllBytes(this.proc.resolve(pid).resolve("cmdline")),
					java.nio.charset.StandardCharsets.UTF_8)
				.split("\0");
			if (arguments.length > 0 && !arguments[0].isEmpty()) {
				words.add(Path.of(arguments[0]).getFileName().toString());
			}
			for (int i = 1; i < arguments.length && words.size() < 3; i++) {
				String argument = arguments[i];
				if (List.of("-cp", "-classpath", "--class-path", "-p", "--module-path").contains(argument)) {
					i++;
				}
				else if (!argument.startsWith("-") && !argument.isBlank()) {
					// one line: a script given as an argument may hold line breaks
					String word = argument.strip().replaceAll("\\s+", " ");
					words.add(word.length() > 60 ? word.substring(0, 60) + "..." : word);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not readable: the pid alone
		}
		return words.isEmpty() ? "pid " + pid : String.format(Locale.ROOT, "pid %s (%s)", pid, String.join(" ", words));
	}

	private static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
	}

}
